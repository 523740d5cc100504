/**
 * The evidence chain: what one entry holds and how it is hashed. Pure: no DOM, no browser APIs; Web Crypto's
 * `crypto.subtle` exists in the service worker, the panel and Node 20.
 *
 * Three kinds of entry share one chain (one `seq` counter, each entry's `prevHash` is the previous entry's `hash`):
 * - `capture`: a screenshot of the portal tab and what was known about the page at that moment;
 * - `note-edit`: a later note for a capture (the capture, with its original note, stays unchanged);
 * - `tombstone`: a capture (or note edit) was deleted; it keeps the deleted entry's seq and hash and the reason,
 *   so the chain still verifies and shows that something was removed.
 *
 * An entry's hash is the SHA-256 of its canonical JSON (keys sorted at every level, no whitespace, UTF-8) over
 * every field except `hash`. The first entry's `prevHash` is 64 zeros.
 */
import { LIMITS } from '../domain/limits';
import { istanbulParts } from '../domain/calendar';
import type { PageKind, Portal, RandevuStep } from '../portal/types';

export const ZERO_HASH = '0'.repeat(64);
/** Written into every entry, so a later format change can be told apart. */
export const ENTRY_FORMAT = 1;

/** 'toolbar': Firefox's toolbar button captures at once (its activeTab grant ends with the page: panel.ts). */
export type CaptureTrigger = 'panel' | 'toolbar' | 'command' | 'context-menu' | 'auto';

/** The part of the page reading that says what the portal showed; no personal identifiers (see PortalReading). */
export interface ReadingSnapshot {
  portal: Portal | null;
  page: PageKind;
  step: RandevuStep | null;
  noSlots: boolean;
  noSlotsText: string | null;
  selection: { province: string | null; office: string | null; type: string | null } | null;
  /** When the content script sent this reading (UTC ISO): a reading can be older than the screenshot. */
  readAtUtc: string;
}

export type ImageType = 'image/jpeg' | 'image/webp' | 'image/png';

interface EntryBase {
  format: typeof ENTRY_FORMAT;
  id: string;
  seq: number;
  extensionVersion: string;
  prevHash: string;
  hash: string;
}

export interface CaptureRecord extends EntryBase {
  kind: 'capture';
  capturedAtUtc: string;
  /** `yyyy-MM-dd HH:mm:ss`, Europe/Istanbul wall clock. */
  capturedAtIstanbul: string;
  trigger: CaptureTrigger;
  /** Page URL without its query string (randevu's hash route kept). */
  url: string;
  title: string;
  reading: ReadingSnapshot | null;
  personId: string;
  personName: string;
  /** The note given at capture time; later edits are `note-edit` entries, this one never changes. */
  note: string;
  imageSha256: string;
  imageType: ImageType;
  imageBytes: number;
  imageWidth: number;
  imageHeight: number;
}

export interface NoteEditEntry extends EntryBase {
  kind: 'note-edit';
  recordedAtUtc: string;
  recordedAtIstanbul: string;
  targetId: string;
  targetSeq: number;
  targetHash: string;
  note: string;
}

export interface TombstoneEntry extends EntryBase {
  kind: 'tombstone';
  recordedAtUtc: string;
  recordedAtIstanbul: string;
  targetId: string;
  targetSeq: number;
  targetHash: string;
  targetKind: 'capture' | 'note-edit';
  /** For a removed capture: when it had been taken (so "1 record removed, taken 5 Nov" can be said). */
  targetCapturedAtUtc: string | null;
  reason: string;
}

export type Entry = CaptureRecord | NoteEditEntry | TombstoneEntry;
export type Unhashed<E extends Entry> = Omit<E, 'hash'>;

export type CaptureFields = Omit<
  CaptureRecord,
  | 'format'
  | 'kind'
  | 'id'
  | 'seq'
  | 'prevHash'
  | 'hash'
  | 'capturedAtIstanbul'
  | 'imageSha256'
  | 'imageType'
  | 'imageBytes'
  | 'imageWidth'
  | 'imageHeight'
>;

// --- canonical JSON and hashing ---------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * JSON with object keys sorted (by UTF-16 code units, as `Array#sort`) at every level and no whitespace.
 * Keys whose value is `undefined` are left out, as `JSON.stringify` does; non-finite numbers are refused because
 * they have no JSON form and would silently become `null`.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value))
        return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
  }
}

export type Sha256 = (bytes: Uint8Array) => Promise<string> | string;

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** SHA-256 as 64 lowercase hex digits, with Web Crypto. */
export const webSha256: Sha256 = async (bytes) =>
  toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The hash of an entry: SHA-256 of the canonical JSON of every field except `hash`. */
export async function entryHash(entry: Unhashed<Entry> | Entry, sha256: Sha256 = webSha256): Promise<string> {
  const rest: Record<string, unknown> = { ...entry };
  delete rest.hash;
  return sha256(utf8(canonicalJson(rest as Json)));
}

export async function sealEntry<E extends Entry>(entry: Unhashed<E>, sha256: Sha256 = webSha256): Promise<E> {
  return { ...entry, hash: await entryHash(entry, sha256) } as E;
}

// --- times ------------------------------------------------------------------------------------------------------

/** `yyyy-MM-dd HH:mm:ss` on Istanbul's wall clock. */
export function istanbulStamp(instant: Date): string {
  const p = istanbulParts(instant);
  // istanbulParts stops at minutes; seconds are the same in every whole-minute-offset zone (UTC+3 since 2016).
  const seconds = String(instant.getUTCSeconds()).padStart(2, '0');
  return `${p.date} ${p.time}:${seconds}`;
}

export function newEntryId(): string {
  return crypto.randomUUID();
}

// --- what a log looks like after its edits and deletions -------------------------------------------------------

export interface CaptureView {
  record: CaptureRecord;
  /** The note as last edited (the capture's own note when never edited). */
  note: string;
  noteEdits: NoteEditEntry[];
}

/** Captures still present, with their current notes, in chain order. */
export function captureViews(entries: readonly Entry[]): CaptureView[] {
  const views = new Map<string, CaptureView>();
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (e.kind === 'capture') views.set(e.id, { record: e, note: e.note, noteEdits: [] });
    else if (e.kind === 'note-edit') {
      const v = views.get(e.targetId);
      if (v) {
        v.note = e.note;
        v.noteEdits.push(e);
      }
    }
  }
  return [...views.values()];
}

/** Field limits: a note is a sentence or two, a reason likewise; longer text is cut, not refused. */
export const NOTE_MAX = LIMITS.evidenceNote;
export const REASON_MAX = 500;
export const TITLE_MAX = 300;

export function isHash(v: unknown): v is string {
  return typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
}
