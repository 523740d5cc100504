/**
 * A reading's shape (src/portal/shape.ts): what a content script may send holds problem codes only; what the
 * previous version stored (and put in its backups) may hold English sentences, which a restore keeps and the panel
 * says as one generic sentence (tests/unit/ui/ReadingStrip.test.tsx).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ITEM_CHECKS } from '../../../src/backup/items';
import { LIMITS } from '../../../src/domain/limits';
import { isReading, isStoredReading } from '../../../src/portal/shape';
import { READ_PROBLEMS } from '../../../src/portal/types';
import { reading } from '../helpers';

/** The v1 fixture of `local:lastReading`, with the English problems the previous version's readers wrote. */
function oldLastReading(problems: unknown[]) {
  const v = JSON.parse(readFileSync('tests/unit/storage/fixtures/v1/lastReading.json', 'utf8')) as {
    reading: Record<string, unknown>;
  };
  return { ...v, reading: { ...v.reading, problems } };
}
const OLD = [
  "my appointments: couldn't read the booking date (Kayıt Tarihi)",
  'status page, but no end date found',
];

describe('a reading from a content script', () => {
  it('holds codes only', () => {
    expect(isReading(reading({ problems: ['permit-range-one', 'status-text-unknown'] }))).toBe(true);
    expect(isReading(oldLastReading(OLD).reading)).toBe(false);
  });
});

describe('a stored reading', () => {
  it("is a current reading, or one with the previous version's sentences", () => {
    expect(isStoredReading(reading({ problems: [...READ_PROBLEMS] }))).toBe(true);
    expect(isStoredReading(oldLastReading(OLD).reading)).toBe(true);
  });

  it('is held to what the previous version could store', () => {
    expect(isStoredReading(oldLastReading(['x'.repeat(300)]).reading)).toBe(true);
    expect(isStoredReading(oldLastReading(['x'.repeat(301)]).reading)).toBe(false);
    expect(isStoredReading(oldLastReading(new Array(LIMITS.readingProblems + 1).fill('p')).reading)).toBe(
      false,
    );
    expect(isStoredReading(oldLastReading([42]).reading)).toBe(false);
    expect(
      isStoredReading({ ...oldLastReading([]).reading, statusText: 'x'.repeat(LIMITS.readingText + 1) }),
    ).toBe(false);
  });

  it("restores from the previous version's backup (local:lastReading)", () => {
    expect(ITEM_CHECKS['local:lastReading']!(oldLastReading(OLD))).toBe(true);
    expect(ITEM_CHECKS['local:lastReading']!(oldLastReading(['permit-end-missing']))).toBe(true);
    expect(ITEM_CHECKS['local:lastReading']!(oldLastReading([{ toString: () => 'p' }]))).toBe(false);
  });
});
