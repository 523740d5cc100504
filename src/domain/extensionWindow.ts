/**
 * Extension window (Law 6458 Art. 24(2)): an extension may be applied for from 60 days before the permit's end,
 * "and in every case before expiry".
 *
 * Decision: the end date itself is the last day of the window (the permit is still valid that day, which is
 * also why urgency calls day 0 "Very High", not "Critical"). So, with `end` the permit's end date:
 *   today <  end − 60   'before'
 *   end − 60 ≤ today ≤ end   'open'   (both edges included)
 *   today >  end         'closed'  → only a new first application (Art. 24(2); official e-ikamet instructions)
 * The implementing regulation's 10-day acceptance (⚠) is shown as what it is: a new application, not an
 * extension.
 */
import type { IsoDate } from './types';
import { addDays, daysBetween } from './calendar';
import { LATE_ACCEPTANCE_DAYS } from './overdue';
import { collectSources, type SourceId } from './sources';
import { line, type Line } from './text';

/** Days before the end date on which the window opens. Law 6458 Art. 24(2). */
export const EXTENSION_WINDOW_DAYS = 60; // [law-6458-24-2]

export type ExtensionWindowState = 'before' | 'open' | 'closed';

export interface ExtensionWindow {
  state: ExtensionWindowState;
  /** First day an extension can be applied for: end − 60 days. */
  opensOn: IsoDate;
  /** Last day an extension can be applied for: the permit's end date. */
  lastDay: IsoDate;
  /** Days until `opensOn` (0 unless 'before'). */
  daysUntilOpen: number;
  /** Days from today to `lastDay` while open (0 on the last day), else null. */
  daysUntilClose: number | null;
  /** After close: the last day a late application may be accepted as a NEW application (end + 10). ⚠ */
  lateApplicationUntil: IsoDate | null;
  /** Only a new first application is possible (the window has closed). */
  newApplicationOnly: boolean;
  /** The state sentence, then the rules that go with it. */
  lines: Line[];
  sources: SourceId[];
}

export function extensionWindow(permitEnd: IsoDate, today: IsoDate): ExtensionWindow {
  const opensOn = addDays(permitEnd, -EXTENSION_WINDOW_DAYS);
  const lastDay = permitEnd;
  const state: ExtensionWindowState =
    daysBetween(today, opensOn) > 0 ? 'before' : daysBetween(today, lastDay) >= 0 ? 'open' : 'closed';

  const lines: Line[] = [];
  let lateApplicationUntil: IsoDate | null = null;
  if (state === 'closed') {
    lateApplicationUntil = addDays(permitEnd, LATE_ACCEPTANCE_DAYS);
    lines.push(line('window_closed', ['law-6458-24-2', 'e-ikamet-instructions'], { lastDay }));
    if (daysBetween(today, lateApplicationUntil) >= 0) {
      lines.push(
        line('window_ten_days_not_extension', ['implementing-regulation', 'e-ikamet-instructions'], {
          acceptedUntil: lateApplicationUntil,
        }),
      );
    }
  } else {
    lines.push(
      state === 'before'
        ? line('window_before', ['law-6458-24-2'], { opensOn, lastDay })
        : line('window_open', ['law-6458-24-2'], { lastDay }),
      line('warning_lodged_certificate', ['law-6458-24-2']),
      line('window_starts_from_old_end', ['law-6458-24-3']),
      line('window_decision_90_days', ['law-6458-21-5']),
      line('window_passport_60_days', ['law-6458-21-2']),
    );
  }

  return {
    state,
    opensOn,
    lastDay,
    daysUntilOpen: state === 'before' ? daysBetween(today, opensOn) : 0,
    daysUntilClose: state === 'open' ? daysBetween(today, lastDay) : null,
    lateApplicationUntil,
    newApplicationOnly: state === 'closed',
    lines,
    sources: collectSources(lines),
  };
}
