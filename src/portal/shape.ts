/**
 * The shape of a PortalReading, checked where one arrives from a content script (src/background/guard.ts) and
 * where one comes back from a backup (src/backup/items.ts). Page text is data: a reading is held to the limits the
 * reader cuts it to (src/domain/limits.ts, src/portal/read.ts), and its problems are codes.
 */
import {
  arrayOf,
  bool,
  isoDate,
  isoInstant,
  nullable,
  oneOf,
  shape,
  text,
  wallTime,
  type Check,
} from '../domain/checks';
import { LIMITS } from '../domain/limits';
import { isPortalUrl } from './origins';
import {
  APPLICATION_STATUSES,
  PAGE_KINDS,
  PERMIT_TYPES,
  RANDEVU_STEPS,
  READ_PROBLEMS,
  type PortalReading,
} from './types';

const pageText = text(LIMITS.readingText);
/** The reader does not cut the URL (it drops the query string): only a sane bound, as for any message string. */
const url: Check = (v) => text(4000)(v) && isPortalUrl(v as string);

function readingShape(problem: Check): Check {
  return shape({
    portal: oneOf('e-ikamet', 'randevu', null),
    page: oneOf(...PAGE_KINDS),
    language: oneOf('tr', 'en', null),
    url,
    permit: nullable(shape({ start: nullable(isoDate), end: nullable(isoDate) })),
    permitType: nullable(oneOf(...PERMIT_TYPES)),
    status: nullable(oneOf(...APPLICATION_STATUSES)),
    statusText: nullable(pageText),
    statusDate: nullable(isoDate),
    appointment: nullable(
      shape({
        date: nullable(isoDate),
        time: nullable(wallTime),
        office: nullable(pageText),
        type: nullable(pageText),
        bookedOn: nullable(isoDate),
      }),
    ),
    appointmentPending: bool,
    selection: nullable(
      shape({ province: nullable(pageText), office: nullable(pageText), type: nullable(pageText) }),
    ),
    noSlots: bool,
    noSlotsText: nullable(pageText),
    noSlotsSeenAt: nullable(isoInstant),
    step: nullable(oneOf(...RANDEVU_STEPS)),
    requiredDocuments: nullable(arrayOf(pageText, LIMITS.readingList)),
    problems: arrayOf(problem, LIMITS.readingProblems),
  });
}

const readProblem = oneOf(...READ_PROBLEMS);
const currentReading = readingShape(readProblem);

/** A reading as this version's readers make it: every problem one of READ_PROBLEMS. */
export function isReading(v: unknown): v is PortalReading {
  return currentReading(v);
}

/**
 * The longest problem the previous version stored: it kept problems as English sentences, cut to 300 characters
 * (src/portal/sanitize.ts), and its stored readings (`local:lastReading`, also in its backups) may still hold them.
 */
const LEGACY_PROBLEM_MAX = 300;
const storedReading = readingShape((v) => readProblem(v) || text(LEGACY_PROBLEM_MAX)(v));

/**
 * A reading as storage or a backup may hold it: a current reading, or one stored by the previous version whose
 * problems are sentences. Such a problem is never parsed; the panel says a generic sentence for it
 * (src/ui/model/readProblem.ts). Its type says codes, so code reading it must treat an unknown entry as unknown.
 */
export function isStoredReading(v: unknown): v is PortalReading {
  return storedReading(v);
}
