/** What the background does for each message. Storage is the only state: the worker may be killed at will. */
import type { Envelope, MessageType, Payload, Result } from '../messaging';
import { portalReadingForStorage } from '../portal/sanitize';
import { emptyFacts, mergeManual, mergeReading, type PersonFacts } from '../state/facts';
import { isKnownChecklistItem } from '../domain/checklistKeys';
import {
  applicationsItem,
  checklistsItem,
  factsItem,
  lastReadingItem,
  peopleItem,
  reminderSettingsItem,
  settingsItem,
  stayFor,
  stayItem,
  tabReadingsItem,
  type TabReading,
} from '../storage';
import { validateManual } from '../state/manual';
import { update } from './update';
import { Refused } from './refused';
import { handleCapture } from './capture';
import { handleEvidenceDelete, handleEvidenceNote, handleEvidenceSettings } from './evidenceHandlers';
import { recordStatus } from './timeline';
import { applyReminderSettings } from '../domain/reminders';
import { validateLabel, EMPTY_APPLICATION, type ApplicationInfo } from '../state/timeline';
import { istanbulToday, isValidIsoDate } from '../domain/calendar';
import { MAX_TRIPS } from '../domain/stay';
import { deleteAllData } from './deleteAll';
import { restoreItems, snapshotItems } from './backup';

export interface Context {
  tabId: number | null;
  now: () => Date;
}

type Handler<K extends MessageType> = (payload: Payload<K>, ctx: Context) => Promise<Result<K>>;
type Handlers = { [K in MessageType]: Handler<K> };

function newId(): string {
  return `p-${crypto.randomUUID().slice(0, 8)}`;
}

async function updateFacts(personId: string, fn: (f: PersonFacts) => PersonFacts): Promise<void> {
  await update(factsItem, (all) => ({ ...all, [personId]: fn(all[personId] ?? emptyFacts()) }));
}

async function updateApplication(
  personId: string,
  fn: (a: ApplicationInfo) => ApplicationInfo,
): Promise<void> {
  await update(applicationsItem, (all) => ({ ...all, [personId]: fn(all[personId] ?? EMPTY_APPLICATION) }));
}

export const handlers: Handlers = {
  // Evidence log: capture.ts and evidenceHandlers.ts do the work; import runs in the panel (src/evidence/import.ts).
  'panel:capture': (payload, ctx) => handleCapture(payload, ctx),
  'panel:evidenceNote': (payload, ctx) => handleEvidenceNote(payload, ctx),
  'panel:evidenceDelete': (payload, ctx) => handleEvidenceDelete(payload, ctx),
  'panel:setEvidenceSettings': (payload) => handleEvidenceSettings(payload),
  async 'content:reading'({ reading }, ctx) {
    const at = ctx.now().toISOString();
    const clean = portalReadingForStorage(reading);
    const { people, activeId } = await peopleItem.getValue();
    // A tab's pages belong to the person they were first read for: selecting another person in the panel while
    // the portal tab stays open must not file the next redraw of A's page under B.
    const earlier = ctx.tabId !== null ? (await tabReadingsItem.getValue())[String(ctx.tabId)] : undefined;
    const personId =
      earlier?.personId && people.some((p) => p.id === earlier.personId) ? earlier.personId : activeId;
    await updateFacts(personId, (f) => mergeReading(f, clean, at));
    await recordStatus(personId, clean, at);
    if (ctx.tabId !== null) {
      const entry: TabReading = { tabId: ctx.tabId, reading: clean, at, personId };
      await update(tabReadingsItem, (all) => ({ ...all, [String(ctx.tabId)]: entry }));
      await lastReadingItem.setValue(entry);
    }
    return { ok: true };
  },
  async 'panel:setActivePerson'({ personId }) {
    await update(peopleItem, (s) =>
      s.people.some((p) => p.id === personId) ? { ...s, activeId: personId } : s,
    );
    return { ok: true };
  },
  async 'panel:addPerson'({ name }, ctx) {
    const personId = newId();
    const person = { id: personId, name: name.trim(), createdAt: ctx.now().toISOString() };
    await update(peopleItem, (s) => ({ people: [...s.people, person], activeId: personId }));
    return { ok: true, personId };
  },
  async 'panel:renamePerson'({ personId, name }) {
    await update(peopleItem, (s) => ({
      ...s,
      people: s.people.map((p) => (p.id === personId ? { ...p, name: name.trim() } : p)),
    }));
    return { ok: true };
  },
  async 'panel:setManual'({ personId, key, value }, ctx) {
    const checked = validateManual(key, value);
    if (!checked.ok) throw new Refused(checked.said);
    const at = ctx.now().toISOString();
    await updateFacts(personId, (f) =>
      mergeManual(f, key, checked.value as never, at, checked.portal ?? null),
    );
    return { ok: true };
  },
  async 'panel:pin'({ personId, key, valueKey }) {
    await updateFacts(personId, (f) => {
      const pinned = { ...f.pinned };
      if (valueKey === null) delete pinned[key];
      else pinned[key] = valueKey;
      return { ...f, pinned };
    });
    return { ok: true };
  },
  async 'panel:attended'({ personId, date, answer }) {
    await updateFacts(personId, (f) => ({ ...f, attended: { ...f.attended, [date]: answer } }));
    return { ok: true };
  },
  async 'panel:setTrips'({ personId, trips }) {
    const clean = cleanTrips(trips);
    await update(stayItem, (all) => ({ ...all, [personId]: { ...stayFor(all, personId), trips: clean } }));
    return { ok: true };
  },
  async 'panel:setAllowance'({ personId, allowance }) {
    await update(stayItem, (all) => ({ ...all, [personId]: { ...stayFor(all, personId), allowance } }));
    return { ok: true };
  },
  async 'panel:checklistItem'({ personId, checklistKey, itemId, done, na, note }) {
    if (!isKnownChecklistItem(checklistKey, itemId)) throw new Refused('ui_refusal_checklist_item');
    const { people } = await peopleItem.getValue();
    if (!people.some((p) => p.id === personId)) throw new Refused('ui_refusal_unknown_person');
    await update(checklistsItem, (all) => {
      const person = all[personId] ?? {};
      const list = person[checklistKey] ?? {};
      const prev = list[itemId] ?? { done: false, na: false, note: '' };
      const next = {
        done: typeof done === 'boolean' ? done : prev.done,
        na: typeof na === 'boolean' ? na : prev.na,
        // Re-checked here: the worker trusts no payload length it did not check itself.
        note: typeof note === 'string' ? note.slice(0, 500) : prev.note,
      };
      return { ...all, [personId]: { ...person, [checklistKey]: { ...list, [itemId]: next } } };
    });
    return { ok: true };
  },
  async 'panel:setSettings'(patch) {
    // The guard has checked each field's shape and range.
    await update(settingsItem, (s) => ({
      ...s,
      ...(patch.lockoutDays ? { lockoutDays: patch.lockoutDays } : {}),
      ...(patch.lockoutWarnDays !== undefined ? { lockoutWarnDays: Math.round(patch.lockoutWarnDays) } : {}),
      ...(patch.bridgeDays ? { bridgeDays: [...new Set(patch.bridgeDays)].sort() } : {}),
      ...(patch.dismissNotice
        ? { dismissedNotices: [...new Set([...(s.dismissedNotices ?? []), patch.dismissNotice])] }
        : {}),
      ...(patch.language ? { language: patch.language } : {}),
    }));
    return { ok: true };
  },
  async 'panel:setApplicationLabel'({ personId, label }) {
    const checked = validateLabel(label);
    if (!checked.ok) throw new Refused(checked.said);
    await updateApplication(personId, (a) => ({ ...a, label: checked.label }));
    return { ok: true };
  },
  async 'panel:setCompleteOn'({ personId, date }, ctx) {
    if (date !== null && (!isValidIsoDate(date) || date > istanbulToday(ctx.now()))) {
      throw new Refused('ui_refusal_complete_on');
    }
    await updateApplication(personId, (a) => ({ ...a, completeOn: date }));
    return { ok: true };
  },
  'panel:deleteAll': () => deleteAllData(),
  // Backup: the storage half; the file and the evidence log are handled in the panel (src/backup).
  'panel:backupCreate': () => snapshotItems(),
  'panel:backupRestore': ({ items }) => restoreItems(items),
  async 'panel:setReminderSettings'(patch) {
    await update(reminderSettingsItem, (s) => applyReminderSettings(s, patch));
    return { ok: true };
  },
};

/**
 * 90/180 trips are stored as sent (overlaps and order errors are shown in the card, never repaired), but only with
 * real calendar dates, unique ids and nothing but the three fields.
 */
function cleanTrips(trips: Payload<'panel:setTrips'>['trips']): Payload<'panel:setTrips'>['trips'] {
  if (trips.length > MAX_TRIPS) throw new Refused('ui_refusal_too_many_trips', { max: String(MAX_TRIPS) });
  const ids = new Set<string>();
  return trips.map((t) => {
    if (!isValidIsoDate(t.entry) || (t.exit !== null && !isValidIsoDate(t.exit)))
      throw new Refused('ui_refusal_trip_date');
    if (ids.has(t.id)) throw new Refused('ui_refusal_invalid'); // two trips with one id: a forged message
    ids.add(t.id);
    return { id: t.id, entry: t.entry, exit: t.exit };
  });
}

export async function dispatch(envelope: Envelope, ctx: Context): Promise<unknown> {
  const handler = handlers[envelope.type] as Handler<MessageType>;
  return handler(envelope.payload, ctx);
}
