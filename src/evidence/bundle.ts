/** The exported bundle's layout, shared by export, verify, import and the CLI. Pure. */
import { EN_MESSAGES } from '../i18n/catalogue';
import { renderMessage } from '../i18n/render';
import type { Said } from '../i18n/said';
import type { Entry } from './record';

export const BUNDLE_FORMAT = 'ikamet-evidence-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
export const MANIFEST = 'manifest.json';
export const SUMS = 'SHA256SUMS';
export const REPORT = 'report.html';

export interface BundleFile {
  seq: number;
  id: string;
  /** Path inside the zip of the screenshot, whose SHA-256 is the record's `imageSha256`. */
  image: string;
  /** Path of the list thumbnail (not part of any record hash; checked through SHA256SUMS only). */
  thumb: string | null;
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  formatVersion: typeof BUNDLE_FORMAT_VERSION;
  exportedAtUtc: string;
  exportedAtIstanbul: string;
  extensionVersion: string;
  hashing: {
    algorithm: 'SHA-256';
    entryHash: string;
    firstPrevHash: string;
  };
  /** The last entry of the chain: send its hash somewhere outside (a lawyer, an e-mail) as a timestamp. */
  chainHead: { seq: number; hash: string } | null;
  /** Every entry of the chain still present, in seq order (deleted ones are represented by their tombstones). */
  entries: Entry[];
  files: BundleFile[];
}

export const ENTRY_HASH_RULE =
  'SHA-256 (lowercase hex) of the UTF-8 canonical JSON of the entry without its "hash" field: object keys sorted at every level, no whitespace.';

function pad(n: number): string {
  return String(n).padStart(6, '0');
}

export function imagePath(seq: number, id: string, ext: string): string {
  return `images/${pad(seq)}-${id}.${ext}`;
}

export function thumbPath(seq: number, id: string, ext: string): string {
  return `thumbs/${pad(seq)}-${id}.${ext}`;
}

/** `sha256sum` output: one `<hash>  <path>` line per file (two spaces: text mode, as `sha256sum -c` expects). */
export function formatSums(sums: ReadonlyArray<{ path: string; sha256: string }>): string {
  return sums.map((s) => `${s.sha256}  ${s.path}\n`).join('');
}

export type ParsedSums =
  { ok: true; sums: Map<string, string> } | { ok: false; line: number; said: Said; problem: string };

function badSums(line: number, said: Said): ParsedSums {
  return { ok: false, line, said, problem: renderMessage(EN_MESSAGES, said.key, said.params) };
}

/**
 * Reads `sha256sum` lines (text `  ` or binary ` *` mode); a malformed or repeated line is a problem, said as a
 * catalogue sentence (`said`) and in English (`problem`, the same sentence).
 */
export function parseSums(text: string): ParsedSums {
  const sums = new Map<string, string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line === '') continue;
    const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line);
    if (!m) return badSums(i + 1, { key: 'ui_verify_sums_bad_line', params: { line: String(i + 1) } });
    if (sums.has(m[2]!))
      return badSums(i + 1, { key: 'ui_verify_sums_listed_twice', params: { path: m[2]! } });
    sums.set(m[2]!, m[1]!.toLowerCase());
  }
  return { ok: true, sums };
}
