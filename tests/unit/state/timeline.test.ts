import { describe, expect, it } from 'vitest';
import {
  appendStatus,
  cleanStatusText,
  completeOn,
  EMPTY_APPLICATION,
  MAX_TIMELINE,
  validateLabel,
  type TimelineEntry,
} from '../../../src/state/timeline';

const T = (h: number) => new Date(Date.UTC(2026, 9, 1, h)).toISOString();
const inProgress = { status: 'in-progress' as const, text: 'Değerlendirme aşamasındadır', date: null };
const missing = {
  status: 'documents-required' as const,
  text: 'Missing documents. Submit within 30 days from 14.10.2026.',
  date: '2026-10-14',
};

describe('appendStatus', () => {
  it('appends only when the status changes; a repeat only moves lastSeenAt', () => {
    let list: TimelineEntry[] = [];
    list = appendStatus(list, inProgress, null, T(1));
    list = appendStatus(list, inProgress, null, T(2));
    list = appendStatus(list, inProgress, null, T(3));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ status: 'in-progress', seenAt: T(1), lastSeenAt: T(3) });
    list = appendStatus(list, missing, null, T(4));
    expect(list.map((e) => e.status)).toEqual(['in-progress', 'documents-required']);
    expect(list[1]).toMatchObject({ date: '2026-10-14', seenAt: T(4) });
    // Back to a status seen before: a new entry (the history shows the return).
    list = appendStatus(list, inProgress, null, T(5));
    expect(list).toHaveLength(3);
  });

  it('returns the same array when nothing changed (no write needed)', () => {
    const list = appendStatus([], inProgress, null, T(2));
    expect(appendStatus(list, inProgress, null, T(1))).toBe(list);
    expect(appendStatus(list, inProgress, null, T(2))).toBe(list);
  });

  it('a new label starts a new entry even for the same status', () => {
    let list = appendStatus([], inProgress, '2025 extension', T(1));
    list = appendStatus(list, inProgress, '2026 extension', T(2));
    expect(list.map((e) => e.label)).toEqual(['2025 extension', '2026 extension']);
  });

  it('is bounded, the oldest entries falling off', () => {
    let list: TimelineEntry[] = [];
    for (let i = 0; i < MAX_TIMELINE + 5; i++) {
      list = appendStatus(
        list,
        { ...inProgress, text: `t${i}` },
        null,
        new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      );
    }
    expect(list).toHaveLength(MAX_TIMELINE);
    expect(list[0]?.text).toBe('t5');
  });

  it('never stores an application number or other identifiers from the status text', () => {
    const text =
      'Your Application Status: Missing documents. Application Number: 2024-34-1234567, passport U12345678, ID 99123456789';
    const [e] = appendStatus([], { ...missing, text }, null, T(1));
    expect(e?.text).not.toMatch(/2024-34-1234567|U12345678|99123456789|\d{4}-\d{2}-\d{7}/);
    expect(cleanStatusText('Application number 2024341234567 and 2024-34-1234567')).not.toMatch(/\d{7}/);
  });
});

describe('validateLabel', () => {
  it('accepts a name, clears on empty, refuses numbers', () => {
    expect(validateLabel('  2026   extension ')).toEqual({ ok: true, label: '2026 extension' });
    expect(validateLabel('   ')).toEqual({ ok: true, label: null });
    expect(validateLabel('2024-34-1234567').ok).toBe(false);
    expect(validateLabel('app 2024341234567').ok).toBe(false);
    expect(validateLabel('x'.repeat(61)).ok).toBe(false);
  });
});

describe('completeOn (start of the 90-day count)', () => {
  it('prefers the date the user entered', () => {
    const list = appendStatus([], inProgress, null, T(1));
    expect(completeOn(list, { label: null, completeOn: '2026-09-20' })).toEqual({
      date: '2026-09-20',
      basis: 'entered',
    });
  });

  it('else the first in-progress reading after the last missing-documents notice, for this label', () => {
    let list = appendStatus([], inProgress, null, '2026-09-01T08:00:00.000Z');
    list = appendStatus(list, missing, null, '2026-10-14T08:00:00.000Z');
    expect(completeOn(list, EMPTY_APPLICATION)).toBeNull();
    list = appendStatus(list, inProgress, null, '2026-10-30T22:30:00.000Z'); // 31 Oct in Istanbul
    expect(completeOn(list, EMPTY_APPLICATION)).toEqual({ date: '2026-10-31', basis: 'first-in-progress' });
    // A new application (new label) counts from its own readings only.
    expect(completeOn(list, { label: '2027', completeOn: null })).toBeNull();
  });
});
