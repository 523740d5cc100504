/**
 * Small checks of untrusted values, combined into shapes: what enters the background in a message
 * (src/background/guard.ts) and what a portal reading may hold (src/portal/shape.ts). A check answers true or false,
 * never throws, and never trusts a value further than its type.
 */
export type Check = (v: unknown) => boolean;

export const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A string of at most `max` UTF-16 code units (as `String.length` and `maxLength` count). */
export const text =
  (max: number): Check =>
  (v) =>
    typeof v === 'string' && v.length <= max;
export const bool: Check = (v) => typeof v === 'boolean';
export const nullable =
  (c: Check): Check =>
  (v) =>
    v === null || c(v);
export const optional =
  (c: Check): Check =>
  (v) =>
    v === undefined || c(v);
export const oneOf =
  (...xs: readonly unknown[]): Check =>
  (v) =>
    xs.includes(v);
export const isoDate: Check = (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
export const wallTime: Check = (v) => typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v);
export const isoInstant: Check = (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
export const arrayOf =
  (c: Check, max: number): Check =>
  (v) =>
    Array.isArray(v) && v.length <= max && v.every(c);
/**
 * An object with these fields and no others: an unknown key (a huge string, `__proto__`, `constructor`) fails,
 * since handlers may spread a payload into storage (tests/unit/background/forged.test.ts).
 */
export const shape =
  (fields: Record<string, Check>): Check =>
  (v) =>
    isObj(v) &&
    Object.keys(v).every((k) => Object.hasOwn(fields, k)) &&
    Object.entries(fields).every(([k, c]) => c(v[k]));
