/**
 * Every problem the bundle verifier can report, each made by a bundle with that one fault, says itself twice: as a
 * catalogue sentence (`said`, a `ui_verify_*` key the panel renders in its language) and in English (`problem`, for
 * the CLI and logs), and the two are the same sentence. Every `ui_verify_*` key is in all six catalogues.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseSums, type BundleManifest } from '../../../src/evidence/bundle';
import { exportBundle } from '../../../src/evidence/export';
import { unzipBundle } from '../../../src/evidence/import';
import { canonicalJson, type Entry } from '../../../src/evidence/record';
import type { EvidenceStore } from '../../../src/evidence/store';
import { problemOf, verifyBundle, type VerifyResult } from '../../../src/evidence/verify';
import { EN_MESSAGES, LANGS, MESSAGE_KEYS, type MessageKey } from '../../../src/i18n/catalogue';
import { renderMessage } from '../../../src/i18n/render';
import { fill, image, makeStore } from './helpers';

const NOW = new Date('2026-11-22T11:05:00.000Z');
const VERIFY_KEYS = MESSAGE_KEYS.filter((k) => k.startsWith('ui_verify_'));

type Files = Map<string, Uint8Array>;

async function filesOf(store: EvidenceStore): Promise<Files> {
  const { blob } = await exportBundle(store, { now: NOW, extensionVersion: '0.1.0' });
  return unzipBundle(new Uint8Array(await blob.arrayBuffer()));
}

/** Three captures, a note edit (#4) and a deletion of #2 (#5): the manifest holds #1, #3, #4, #5. */
async function sample(): Promise<{ files: Files; ids: string[] }> {
  const store = makeStore();
  const rs = await fill(store, 3);
  await store.editNote(rs[0]!.id, 'edited note', new Date('2026-11-08T10:00:00Z'), '0.1.0');
  await store.remove(rs[1]!.id, 'wrong page', new Date('2026-11-09T10:00:00Z'), '0.1.0');
  return { files: await filesOf(store), ids: rs.map((r) => r.id) };
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const manifestOf = (files: Files) => JSON.parse(strFromU8(files.get('manifest.json')!)) as BundleManifest;
const sumsOf = (files: Files) => strFromU8(files.get('SHA256SUMS')!);
const imageOf = (m: BundleManifest, seq: number) => m.files.find((f) => f.seq === seq)!.image;

/** Write a file back AND fix (or add) its line in SHA256SUMS, as a careful forger would. */
function forge(files: Files, path: string, bytes: Uint8Array) {
  files.set(path, bytes);
  const line = `${sha(bytes)}  ${path}`;
  const sums = sumsOf(files);
  const re = new RegExp(`^[0-9a-f]{64} {2}${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm');
  files.set('SHA256SUMS', strToU8(re.test(sums) ? sums.replace(re, line) : `${sums}${line}\n`));
}
const forgeManifest = (files: Files, m: BundleManifest) =>
  forge(files, 'manifest.json', strToU8(JSON.stringify(m, null, 2)));
/** An entry changed and re-hashed, so only what the change breaks elsewhere shows. */
function rehash(e: Record<string, unknown>): Entry {
  const { hash: _h, ...rest } = e;
  return { ...rest, hash: sha(strToU8(canonicalJson(rest))) } as unknown as Entry;
}

const seen: VerifyResult['problems'] = [];
async function verify(files: Files): Promise<VerifyResult> {
  const r = await verifyBundle(files);
  seen.push(...r.problems);
  return r;
}
const keysOf = (r: VerifyResult) => r.problems.map((p) => p.said.key);

/** Each fault, the bundle that has it, and the problem (key, parameters, where) the verifier must report. */
const FAULTS: Array<{
  name: string;
  make: () => Promise<Files>;
  key: MessageKey;
  params?: Record<string, string>;
  where?: { seq?: number; file?: string };
  notBundle?: boolean;
}> = [
  {
    name: 'a zip without manifest.json',
    make: async () => new Map([['hello.txt', strToU8('hi')]]),
    key: 'ui_verify_no_manifest',
    notBundle: true,
  },
  {
    name: 'manifest.json that is not JSON',
    make: async () => {
      const { files } = await sample();
      files.set('manifest.json', strToU8('{ not json'));
      return files;
    },
    key: 'ui_verify_manifest_unreadable',
    where: { file: 'manifest.json' },
    notBundle: true,
  },
  {
    name: 'manifest.json of another format',
    make: async () => {
      const { files } = await sample();
      files.set('manifest.json', strToU8(JSON.stringify({ format: 'something-else', entries: [] })));
      return files;
    },
    key: 'ui_verify_manifest_foreign',
    where: { file: 'manifest.json' },
    notBundle: true,
  },
  {
    name: 'no SHA256SUMS',
    make: async () => {
      const { files } = await sample();
      files.delete('SHA256SUMS');
      return files;
    },
    key: 'ui_verify_no_sums',
    where: { file: 'SHA256SUMS' },
    notBundle: true,
  },
  {
    name: 'a malformed SHA256SUMS line',
    make: async () => {
      const { files } = await sample();
      files.set('SHA256SUMS', strToU8(`${sumsOf(files)}not a checksum line\n`));
      return files;
    },
    key: 'ui_verify_sums_bad_line',
    params: { line: '' }, // filled in below: the line after the last good one
    where: { file: 'SHA256SUMS' },
    notBundle: true,
  },
  {
    name: 'a file listed twice in SHA256SUMS',
    make: async () => {
      const { files } = await sample();
      const sums = sumsOf(files);
      files.set('SHA256SUMS', strToU8(`${sums}${sums.split('\n').find((l) => l.endsWith('report.html'))}\n`));
      return files;
    },
    key: 'ui_verify_sums_listed_twice',
    params: { path: 'report.html' },
    where: { file: 'SHA256SUMS' },
    notBundle: true,
  },
  {
    name: 'a listed file missing (a thumbnail)',
    make: async () => {
      const { files } = await sample();
      files.delete(manifestOf(files).files[0]!.thumb!);
      return files;
    },
    key: 'ui_verify_sums_missing_file',
  },
  {
    name: 'a changed file (report.html)',
    make: async () => {
      const { files } = await sample();
      files.set('report.html', strToU8(`${strFromU8(files.get('report.html')!)}<!-- x -->`));
      return files;
    },
    key: 'ui_verify_file_changed',
    params: { path: 'report.html' },
    where: { file: 'report.html' },
  },
  {
    name: 'a file added to the zip',
    make: async () => {
      const { files } = await sample();
      files.set('images/extra.jpg', image(5).bytes);
      return files;
    },
    key: 'ui_verify_file_unlisted',
    params: { path: 'images/extra.jpg' },
    where: { file: 'images/extra.jpg' },
  },
  {
    name: 'an entry of manifest.json that is not a record',
    make: async () => {
      const { files } = await sample();
      const m = manifestOf(files);
      (m.entries as unknown[]).push({ hello: 'world' });
      forgeManifest(files, m);
      return files;
    },
    key: 'ui_verify_entry_invalid',
    params: { entry: '5' },
    where: { file: 'manifest.json' },
  },
  {
    name: 'an edited record',
    make: async () => {
      const { files } = await sample();
      const m = manifestOf(files);
      m.entries[2] = { ...m.entries[2]!, note: 'other note' } as Entry; // the note edit, #4
      forgeManifest(files, m);
      return files;
    },
    key: 'ui_verify_record_edited',
    params: { seq: '4' },
    where: { seq: 4 },
  },
  {
    name: 'a record twice',
    make: async () => {
      const { files } = await sample();
      const m = manifestOf(files);
      m.entries.splice(1, 0, m.entries[0]!);
      forgeManifest(files, m);
      return files;
    },
    key: 'ui_verify_record_twice',
    params: { seq: '1' },
    where: { seq: 1 },
  },
  {
    name: 'records out of order',
    make: async () => {
      const { files } = await sample();
      const m = manifestOf(files);
      const [a, b, c, ...rest] = m.entries;
      m.entries = [a!, c!, b!, ...rest];
      forgeManifest(files, m);
      return files;
    },
    key: 'ui_verify_out_of_order',
    params: { seq: '3', prev: '4' },
    where: { seq: 3 },
  },
  {
    name: 'a deletion naming a later record',
    make: async () => {
      const { files } = await sample();
      const m = manifestOf(files);
      m.entries[3] = rehash({ ...m.entries[3]!, targetSeq: 9 }); // the tombstone, #5
      forgeManifest(files, m);
      return files;
    },
    key: 'ui_verify_tombstone_later',
    params: { seq: '5' },
    where: { seq: 5 },
  },
  {
    name: 'a deleted record still present',
    make: async () => {
      const { files } = await sample();
      const m = manifestOf(files);
      m.entries[3] = rehash({ ...m.entries[3]!, targetSeq: 3 });
      forgeManifest(files, m);
      return files;
    },
    key: 'ui_verify_deleted_present',
    params: { seq: '3' },
    where: { seq: 3 },
  },
  {
    name: 'a record edited and re-hashed (the next link breaks)',
    make: async () => {
      const { files } = await sample();
      const m = manifestOf(files);
      m.entries[1] = rehash({ ...m.entries[1]!, capturedAtUtc: '2026-11-01T09:00:00.000Z' });
      forgeManifest(files, m);
      return files;
    },
    key: 'ui_verify_chain_broken',
    params: { seq: '4', prev: '3' },
    where: { seq: 4 },
  },
  {
    name: 'a record removed without a trace',
    make: async () => {
      const { files } = await sample();
      const m = manifestOf(files);
      m.entries = m.entries.filter((e) => e.seq !== 3);
      forgeManifest(files, m);
      return files;
    },
    key: 'ui_verify_record_missing',
    params: { seq: '3' },
    where: { seq: 3 },
  },
  {
    name: 'the last record removed',
    make: async () => {
      const { files } = await sample();
      const m = manifestOf(files);
      m.entries = m.entries.slice(0, -1);
      forgeManifest(files, m);
      return files;
    },
    key: 'ui_verify_head_not_last',
    params: { head: '5', last: '4' },
    where: { seq: 5, file: 'manifest.json' },
  },
  {
    name: 'records but no chain head',
    make: async () => {
      const { files } = await sample();
      const m = manifestOf(files);
      m.chainHead = null;
      forgeManifest(files, m);
      return files;
    },
    key: 'ui_verify_head_none',
    params: { last: '5' },
    where: { file: 'manifest.json' },
  },
  {
    name: 'a chain head and no records',
    make: async () => {
      const { files } = await sample();
      const m = manifestOf(files);
      m.entries = [];
      forgeManifest(files, m);
      return files;
    },
    key: 'ui_verify_head_unknown',
    where: { file: 'manifest.json' },
  },
  {
    name: 'a capture without its screenshot entry',
    make: async () => {
      const { files } = await sample();
      const m = manifestOf(files);
      m.files = m.files.filter((f) => f.seq !== 1);
      forgeManifest(files, m);
      return files;
    },
    key: 'ui_verify_no_screenshot',
    params: { seq: '1' },
    where: { seq: 1 },
  },
  {
    name: 'a screenshot taken out of the zip and of SHA256SUMS',
    make: async () => {
      const { files } = await sample();
      const path = imageOf(manifestOf(files), 3);
      files.delete(path);
      files.set(
        'SHA256SUMS',
        strToU8(
          sumsOf(files)
            .split('\n')
            .filter((l) => !l.endsWith(path))
            .join('\n'),
        ),
      );
      return files;
    },
    key: 'ui_verify_screenshot_missing',
    params: { seq: '3' }, // and its path, checked below
    where: { seq: 3 },
  },
  {
    name: 'a screenshot changed, SHA256SUMS fixed to match',
    make: async () => {
      const { files } = await sample();
      const path = imageOf(manifestOf(files), 1);
      const bytes = files.get(path)!.slice();
      bytes[5] = bytes[5]! ^ 0xff;
      forge(files, path, bytes);
      return files;
    },
    key: 'ui_verify_screenshot_changed',
    params: { seq: '1' },
    where: { seq: 1 },
  },
];

describe('verify: each problem says itself as a catalogue sentence', () => {
  it.each(FAULTS)('$name → $key', async (fault) => {
    const files = await fault.make();
    const r = await verify(files);
    expect(r.ok).toBe(false);
    expect(r.isBundle).toBe(!fault.notBundle);
    const p = r.problems.find((q) => q.said.key === fault.key);
    expect(p, `${fault.key} in ${JSON.stringify(keysOf(r))}`).toBeDefined();
    if (fault.notBundle) expect(r.problems).toHaveLength(1);
    for (const [k, v] of Object.entries(fault.params ?? {}))
      if (v !== '') expect(p!.said.params?.[k], k).toBe(v);
    if (fault.where) expect(p).toMatchObject(fault.where);
    // Parameters are exactly the sentence's placeholders, and strings.
    const holes = [...EN_MESSAGES[fault.key].matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(p!.said.params ?? {}).sort()).toEqual(holes);
    expect(Object.values(p!.said.params ?? {}).every((v) => typeof v === 'string')).toBe(true);
    expect(p!.problem).not.toMatch(/\{\w+\}/);
  });

  it('names the screenshot file of a missing or changed screenshot', async () => {
    const missing = seen.find((p) => p.said.key === 'ui_verify_screenshot_missing')!;
    expect(missing.said.params?.path).toMatch(/^images\/000003-.+\.jpg$/);
    expect(missing.file).toBe(missing.said.params?.path);
    const changed = seen.find((p) => p.said.key === 'ui_verify_screenshot_changed')!;
    expect(changed.said.params?.path).toMatch(/^images\/000001-.+\.jpg$/);
    expect(changed.file).toBe(changed.said.params?.path);
    const missingFile = seen.find((p) => p.said.key === 'ui_verify_sums_missing_file')!;
    expect(missingFile.said.params?.path).toMatch(/^thumbs\//);
    expect(missingFile.file).toBe(missingFile.said.params?.path);
  });

  it('keeps the English sentences the CLI prints', async () => {
    const en = (key: MessageKey) => seen.filter((p) => p.said.key === key).map((p) => p.problem);
    expect(en('ui_verify_no_manifest')).toContain(
      'This is not an Ikamet Companion evidence bundle: it has no manifest.json.',
    );
    expect(en('ui_verify_record_missing')).toContain(
      'Record #3 is missing and no deletion was recorded for it.',
    );
    expect(en('ui_verify_out_of_order')).toContain('Record #3 is out of order (it comes after #4).');
    expect(en('ui_verify_chain_broken')).toContain(
      'Record #4 does not follow record #3: the chain is broken here (a record before it was changed, reordered or removed).',
    );
    expect(en('ui_verify_head_not_last')).toContain(
      'The chain head in manifest.json (#5) is not the last record (#4): records at the end were removed or added.',
    );
    expect(en('ui_verify_file_unlisted')).toContain(
      'images/extra.jpg is in the bundle but not in SHA256SUMS.',
    );
    expect(en('ui_verify_sums_bad_line')[0]).toMatch(
      /^Line \d+ of SHA256SUMS is not "<sha256> {2}<file>"\.$/,
    );
  });

  it('every problem reported above is its catalogue sentence rendered in English', () => {
    expect(seen.length).toBeGreaterThanOrEqual(FAULTS.length);
    for (const p of seen) expect(p.problem).toBe(renderMessage(EN_MESSAGES, p.said.key, p.said.params));
  });

  it('every ui_verify_* key is reported by one of the faults above', () => {
    expect(VERIFY_KEYS.length).toBe(FAULTS.length);
    expect(new Set(seen.map((p) => p.said.key))).toEqual(new Set(VERIFY_KEYS));
  });

  it('problemOf makes the English from the same key and parameters', () => {
    expect(problemOf('ui_verify_record_twice', { seq: '7' }, { seq: 7 })).toEqual({
      seq: 7,
      said: { key: 'ui_verify_record_twice', params: { seq: '7' } },
      problem: 'Record #7 appears twice.',
    });
    expect(problemOf('ui_verify_head_unknown', undefined, { file: 'manifest.json' })).toEqual({
      file: 'manifest.json',
      said: { key: 'ui_verify_head_unknown' },
      problem: 'The chain head names a record the bundle does not hold.',
    });
  });
});

describe('parseSums says its problem as a catalogue sentence', () => {
  const h = 'a'.repeat(64);
  it('a malformed line, by its number', () => {
    const r = parseSums(`${h}  a.txt\nnope\n`);
    expect(r).toMatchObject({
      ok: false,
      line: 2,
      said: { key: 'ui_verify_sums_bad_line', params: { line: '2' } },
    });
    expect(!r.ok && r.problem).toBe('Line 2 of SHA256SUMS is not "<sha256>  <file>".');
  });
  it('a repeated file, by its path', () => {
    const r = parseSums(`${h}  a.txt\n${h} *a.txt\n`);
    expect(r).toMatchObject({
      ok: false,
      line: 2,
      said: { key: 'ui_verify_sums_listed_twice', params: { path: 'a.txt' } },
    });
    expect(!r.ok && r.problem).toBe('a.txt is listed twice in SHA256SUMS.');
  });
});

describe('the ui_verify_* sentences in every catalogue', () => {
  type File = Record<string, { message: string }>;
  const load = (lang: string): File =>
    JSON.parse(readFileSync(join('public/_locales', lang, 'messages.json'), 'utf8')) as File;
  const en = load('en');
  const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('there are ui_verify_* keys', () => {
    expect(VERIFY_KEYS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(LANGS.filter((l) => l !== 'en'))(
    '%s has each, translated, with the English {placeholders}',
    (lang) => {
      const file = load(lang);
      for (const key of VERIFY_KEYS) {
        const m = file[key]?.message;
        expect(typeof m, `${lang} ${key}`).toBe('string');
        expect(m!.trim(), `${lang} ${key}`).not.toBe('');
        expect(holes(m!), `${lang} ${key}`).toEqual(holes(en[key]!.message));
        expect(m, `${lang} ${key} is the English text`).not.toBe(en[key]!.message);
      }
    },
  );
});
