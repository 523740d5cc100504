/**
 * Checking a backup failure by its why: the code and the sentence are the why's (errors.ts BACKUP_ERRORS), the
 * English `message` is that very sentence rendered in English (with the inner sentence as its `{problem}`), and the
 * why is noted, so the last test of backup.test.ts can tell that every why was produced by one of its tests.
 */
import { expect } from 'vitest';
import type { RestoreItemsResult } from '../../../src/background/backup';
import type { BackupFailure, CreateOutcome, RestoreOutcome } from '../../../src/backup/client';
import { BACKUP_ERRORS, BackupError, type BackupErrorWhy } from '../../../src/backup/errors';
import { EN_MESSAGES } from '../../../src/i18n/catalogue';
import { renderMessage } from '../../../src/i18n/render';
import type { Said } from '../../../src/i18n/said';

const produced = new Set<BackupErrorWhy>();

/** A why's sentence in English, with `inner` as its `{problem}`: what `message` must be. */
export function english(said: Said, inner?: Said): string {
  const problem: Record<string, string> = inner
    ? { problem: renderMessage(EN_MESSAGES, inner.key, inner.params ?? {}) }
    : {};
  return renderMessage(EN_MESSAGES, said.key, { ...(said.params ?? {}), ...problem });
}

/** The whys whose sentence says another one inside it. */
export const TAKES_INNER = (Object.keys(BACKUP_ERRORS) as BackupErrorWhy[]).filter((w) =>
  EN_MESSAGES[BACKUP_ERRORS[w].key].includes('{problem}'),
);

function sentence(
  why: BackupErrorWhy,
  said: Said,
  inner: Said | undefined,
  message: string,
  params?: object,
) {
  expect(said.key).toBe(BACKUP_ERRORS[why].key);
  if (params) expect(said.params ?? {}).toEqual(params);
  if (TAKES_INNER.includes(why)) expect(inner, `${why} says another sentence inside it`).toBeDefined();
  else expect(inner).toBeUndefined();
  expect(message).toBe(inner ? english(said, inner) : renderMessage(EN_MESSAGES, said.key, said.params));
  // Every placeholder filled: no parameter missing.
  expect(message).not.toMatch(/\{\w+\}/);
  produced.add(why);
}

/** A failed create or restore, with this why (and these parameters, when given). */
export function failedWith(
  out: CreateOutcome | RestoreOutcome,
  why: BackupErrorWhy,
  params?: Record<string, string>,
): BackupFailure {
  expect(out).toMatchObject({ ok: false, why, code: BACKUP_ERRORS[why].code });
  const f = out as BackupFailure;
  sentence(why, f.said, f.inner, f.message, params);
  return f;
}

/** The background's answer to a restore of items: its why and parameters, its English sentence in `error`. */
export function itemsFailedWith(
  out: RestoreItemsResult,
  why: BackupErrorWhy,
  params?: Record<string, string>,
) {
  expect(out).toMatchObject({ ok: false, why, code: BACKUP_ERRORS[why].code });
  const f = out as Extract<RestoreItemsResult, { ok: false }>;
  // What the panel makes of it is the same error.
  const back = BackupError.fromWire(f)!;
  expect(back).toBeInstanceOf(BackupError);
  sentence(why, back.said, back.inner, f.error, params);
  expect(back.message).toBe(f.error);
}

/** A BackupError thrown by `p`, with this why. */
export async function thrownWith(p: Promise<unknown>, why: BackupErrorWhy, params?: Record<string, string>) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(BackupError);
  const b = e as BackupError;
  expect(b.why).toBe(why);
  expect(b.code).toBe(BACKUP_ERRORS[why].code);
  sentence(why, b.said, b.inner, b.message, params);
}

export function everyWhyProduced(): void {
  expect((Object.keys(BACKUP_ERRORS) as BackupErrorWhy[]).filter((w) => !produced.has(w))).toEqual([]);
}
