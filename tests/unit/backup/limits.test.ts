/**
 * A restore cannot write what normal use refuses: the backup checker holds what the user types to the same limits
 * as the message guard (src/domain/limits.ts). Each case is a value at its limit (accepted) and one past it
 * (refused as corrupt, nothing written: prepareItems throws before any write).
 */
import { describe, expect, it } from 'vitest';
import { ITEM_CHECKS } from '../../../src/backup/items';
import { LIMITS } from '../../../src/domain/limits';

const AT = '2026-12-01T07:00:00.000Z';
const people = (name: string) => ({
  people: [{ id: 'p-default', name, createdAt: AT }],
  activeId: 'p-default',
});
const checklists = (note: string) => ({
  'p-default': { 'app:extension:short-term': { passport: { done: true, na: false, note } } },
});
const reminders = (unchangedDays: number, times: number) => ({
  enabled: {},
  timeOfDay: '09:00',
  quietHours: { enabled: false, start: '22:00', end: '08:00' },
  unchangedDays,
  cancellationTimes: Array.from({ length: times }, () => '09:00'),
  cancellationPortal: 'randevu',
});
const stay = (n: number) => ({
  'p-default': {
    allowance: 90,
    trips: Array.from({ length: n }, (_, i) => ({ id: `t${i}`, entry: '2026-01-01', exit: '2026-01-02' })),
  },
});
const applications = (label: string) => ({ 'p-default': { label, completeOn: null } });
const settings = (lockoutWarnDays: number) => ({ lockoutDays: 30, lockoutWarnDays, bridgeDays: [] });

const CASES: [string, string, (past: boolean) => unknown][] = [
  ['a person name', 'local:people', (p) => people('a'.repeat(LIMITS.personName + (p ? 1 : 0)))],
  ['a checklist note', 'local:checklists', (p) => checklists('n'.repeat(LIMITS.checklistNote + (p ? 1 : 0)))],
  [
    'an application label',
    'local:applications',
    (p) => applications('l'.repeat(LIMITS.applicationLabel + (p ? 1 : 0))),
  ],
  [
    'the "unchanged" days',
    'local:reminderSettings',
    (p) => reminders(LIMITS.unchangedDaysMax + (p ? 1 : 0), 1),
  ],
  [
    'the cancellation times',
    'local:reminderSettings',
    (p) => reminders(30, LIMITS.cancellationTimes + (p ? 1 : 0)),
  ],
  ['the trips', 'local:stay', (p) => stay(LIMITS.trips + (p ? 1 : 0))],
  ['the lockout warning days', 'local:settings', (p) => settings(LIMITS.lockoutWarnDaysMax + (p ? 1 : 0))],
];

describe.each(CASES)('%s (%s)', (_what, key, make) => {
  it('is accepted at the limit of normal use', () => {
    expect(ITEM_CHECKS[key]!(make(false))).toBe(true);
  });
  it('is refused one past it', () => {
    expect(ITEM_CHECKS[key]!(make(true))).toBe(false);
  });
});
