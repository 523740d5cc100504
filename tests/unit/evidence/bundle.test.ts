import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseSums, type BundleManifest } from '../../../src/evidence/bundle';
import { exportBundle } from '../../../src/evidence/export';
import { importBundle, unzipBundle } from '../../../src/evidence/import';
import { canonicalJson, type Entry } from '../../../src/evidence/record';
import { escapeHtml } from '../../../src/evidence/report';
import { EN_MESSAGES } from '../../../src/i18n/catalogue';
import { makeFormat } from '../../../src/i18n/format';
import type { EvidenceStore } from '../../../src/evidence/store';
import { verifyBundle } from '../../../src/evidence/verify';
import { at, fields, fill, image, makeStore } from './helpers';

const NOW = new Date('2026-11-22T11:05:00.000Z');

async function bundleOf(store: EvidenceStore): Promise<Uint8Array> {
  const { blob } = await exportBundle(store, { now: NOW, extensionVersion: '0.1.0' });
  return new Uint8Array(await blob.arrayBuffer());
}

async function sampleStore() {
  const store = makeStore();
  const rs = await fill(store, 4, 3, { note: 'tried <b>twice</b> & "failed"' });
  await store.editNote(rs[0]!.id, 'edited note', new Date('2026-11-08T10:00:00Z'), '0.1.0');
  await store.remove(rs[2]!.id, 'captured the wrong page', new Date('2026-11-09T10:00:00Z'), '0.1.0');
  return { store, rs };
}

const rezip = (files: Map<string, Uint8Array>) => zipSync(Object.fromEntries(files));
const manifestOf = (files: Map<string, Uint8Array>) =>
  JSON.parse(strFromU8(files.get('manifest.json')!)) as BundleManifest;
/** Write a manifest back AND fix its line in SHA256SUMS, as a careful forger would. */
function forgeManifest(files: Map<string, Uint8Array>, m: BundleManifest) {
  const bytes = strToU8(JSON.stringify(m, null, 2));
  files.set('manifest.json', bytes);
  const sums = strFromU8(files.get('SHA256SUMS')!).replace(
    /^[0-9a-f]{64} {2}manifest\.json$/m,
    `${createHash('sha256').update(bytes).digest('hex')}  manifest.json`,
  );
  files.set('SHA256SUMS', strToU8(sums));
}

describe('export', () => {
  it('writes images, thumbnails, manifest.json, SHA256SUMS and report.html', async () => {
    const { store, rs } = await sampleStore();
    const files = unzipBundle(await bundleOf(store));
    const names = [...files.keys()].sort();
    expect(names).toContain('manifest.json');
    expect(names).toContain('SHA256SUMS');
    expect(names).toContain('report.html');
    expect(names.filter((n) => n.startsWith('images/'))).toEqual([
      `images/000001-${rs[0]!.id}.jpg`,
      `images/000002-${rs[1]!.id}.jpg`,
      `images/000004-${rs[3]!.id}.jpg`,
    ]);
    expect(names.filter((n) => n.startsWith('thumbs/'))).toHaveLength(3);
    const m = manifestOf(files);
    expect(m.chainHead).toEqual({ seq: 6, hash: m.entries[m.entries.length - 1]!.hash });
    // sha256sum -c format: "<hash>  <path>", every file but SHA256SUMS itself
    const sums = strFromU8(files.get('SHA256SUMS')!);
    expect(sums).toMatch(/^[0-9a-f]{64} {2}images\/000001-/m);
    const parsed = parseSums(sums);
    expect(parsed.ok && [...parsed.sums.keys()].sort()).toEqual(names.filter((n) => n !== 'SHA256SUMS'));
    for (const [path, hash] of parsed.ok ? parsed.sums : [])
      expect(createHash('sha256').update(files.get(path)!).digest('hex')).toBe(hash);
  });

  it('keeps the chain, with note edits and tombstones, in the manifest', async () => {
    const { store } = await sampleStore();
    const m = manifestOf(unzipBundle(await bundleOf(store)));
    expect(m.entries.map((e) => `${e.seq}:${e.kind}`)).toEqual([
      '1:capture',
      '2:capture',
      '4:capture',
      '5:note-edit',
      '6:tombstone',
    ]);
    expect(m).toMatchObject({
      format: 'ikamet-evidence-bundle',
      formatVersion: 1,
      extensionVersion: '0.1.0',
    });
  });

  it('writes an escaped, self-contained report with the chain head', async () => {
    const { store } = await sampleStore();
    const files = unzipBundle(await bundleOf(store));
    const html = strFromU8(files.get('report.html')!);
    const m = manifestOf(files);
    expect(html).toContain(m.chainHead!.hash);
    expect(html).toContain('Record of attempts to get an appointment');
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('sha256sum -c SHA256SUMS');
    expect(html).toContain('npm run verify-evidence -- bundle.zip');
    expect(html).toContain("computer's clock".replace("'", '&#39;'));
    expect(html).toContain('Attempts: 3, between 3 Nov 2026 and 6 Nov 2026 (Me)');
    expect(html).toContain('data:image/jpeg;base64,');
    expect(html).not.toContain('<b>twice</b>');
    expect(html).toContain(escapeHtml('tried <b>twice</b> & "failed"'));
    expect(html).toContain('captured the wrong page');
    expect(html).not.toMatch(/<script|https?:\/\/(?!randevu\.goc\.gov\.tr)/);
  });

  it("writes the report in the panel's language, then in English, and still verifies", async () => {
    const { store } = await sampleStore();
    const ar = makeFormat('ar', {
      ...EN_MESSAGES,
      ui_evidence_report_title: 'سجل محاولات الحصول على موعد',
      ui_evidence_report_removed: 'AR #{seq} {when} "{reason}" {hash}',
    });
    const { blob } = await exportBundle(store, { now: NOW, extensionVersion: '0.1.0', format: ar });
    const files = unzipBundle(new Uint8Array(await blob.arrayBuffer()));
    const html = strFromU8(files.get('report.html')!);
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<span lang="ar" dir="rtl">سجل محاولات الحصول على موعد</span><br>');
    expect(html).toContain('<span lang="en" dir="ltr">Record of attempts to get an appointment</span>');
    expect(html).toContain('<section class="lang" lang="ar" dir="rtl">');
    expect(html).toContain('<section class="lang" lang="en" dir="ltr">');
    // Record numbers, times and reasons go in as they are, in every language.
    expect(html).toContain('AR #3 2026-11-09 13:00:00 &quot;captured the wrong page&quot;');
    expect(html).toContain('Record #3 was deleted on 2026-11-09 13:00:00.');
    expect((await verifyBundle(files)).ok).toBe(true);
  });

  it('escapes page text that tries to inject markup', async () => {
    const store = makeStore();
    await fill(store, 1, 3, {
      title: '<img src=x onerror=alert(1)>',
      url: 'https://randevu.goc.gov.tr/#/"><script>',
    });
    const html = strFromU8(unzipBundle(await bundleOf(store)).get('report.html')!);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>');
  });
});

describe('verify', () => {
  it('passes an untouched bundle', async () => {
    const { store } = await sampleStore();
    const r = await verifyBundle(unzipBundle(await bundleOf(store)));
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ ok: true, records: 3, chainHead: { seq: 6 } });
  });

  it('passes an empty log', async () => {
    expect(await verifyBundle(unzipBundle(await bundleOf(makeStore())))).toMatchObject({
      ok: true,
      records: 0,
    });
  });

  it('fails one changed byte in an image, naming the record and the file', async () => {
    const { store, rs } = await sampleStore();
    const files = unzipBundle(await bundleOf(store));
    const path = `images/000002-${rs[1]!.id}.jpg`;
    const bytes = files.get(path)!.slice();
    bytes[10] = bytes[10]! ^ 1;
    files.set(path, bytes);
    const r = await verifyBundle(files);
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ seq: 2, file: path }));
    expect(r.problems).toContainEqual(
      expect.objectContaining({ file: path, problem: expect.stringMatching(/SHA256SUMS/) }),
    );
    expect(r.problems.every((p) => p.file === path)).toBe(true);
  });

  it('fails an image changed with SHA256SUMS fixed to match, through the record hash', async () => {
    const { store, rs } = await sampleStore();
    const files = unzipBundle(await bundleOf(store));
    const path = `images/000001-${rs[0]!.id}.jpg`;
    const bytes = files.get(path)!.slice();
    bytes[5] = bytes[5]! ^ 0xff;
    files.set(path, bytes);
    files.set(
      'SHA256SUMS',
      strToU8(
        strFromU8(files.get('SHA256SUMS')!).replace(
          new RegExp(`^[0-9a-f]{64}  ${path}$`, 'm'),
          `${createHash('sha256').update(bytes).digest('hex')}  ${path}`,
        ),
      ),
    );
    const r = await verifyBundle(files);
    expect(r.problems).toEqual([expect.objectContaining({ seq: 1, file: path })]);
  });

  it('fails an edited manifest (a note changed), naming manifest.json and the record', async () => {
    const { store } = await sampleStore();
    const files = unzipBundle(await bundleOf(store));
    const text = strFromU8(files.get('manifest.json')!).replace(
      '"note": "edited note"',
      '"note": "other note"',
    );
    files.set('manifest.json', strToU8(text));
    const r = await verifyBundle(files);
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ file: 'manifest.json' }));
    expect(r.problems).toContainEqual(
      expect.objectContaining({ seq: 5, problem: expect.stringMatching(/edited/) }),
    );
  });

  it('fails a removed record without tombstone, even with SHA256SUMS fixed, naming the record', async () => {
    const { store } = await sampleStore();
    const files = unzipBundle(await bundleOf(store));
    const m = manifestOf(files);
    m.entries = m.entries.filter((e) => e.seq !== 2);
    forgeManifest(files, m);
    const r = await verifyBundle(files);
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        seq: 2,
        problem: 'Record #2 is missing and no deletion was recorded for it.',
      }),
    );
  });

  it('fails the last record removed (chain head no longer matches)', async () => {
    const store = makeStore();
    await fill(store, 3);
    const files = unzipBundle(await bundleOf(store));
    const m = manifestOf(files);
    m.entries = m.entries.slice(0, 2);
    forgeManifest(files, m);
    const r = await verifyBundle(files);
    expect(r.problems).toContainEqual(expect.objectContaining({ seq: 3, file: 'manifest.json' }));
  });

  it('fails reordered records, naming the one out of place', async () => {
    const store = makeStore();
    await fill(store, 3);
    const files = unzipBundle(await bundleOf(store));
    const m = manifestOf(files);
    m.entries = [m.entries[0]!, m.entries[2]!, m.entries[1]!];
    forgeManifest(files, m);
    const r = await verifyBundle(files);
    expect(r.problems).toEqual([
      expect.objectContaining({ seq: 2, problem: expect.stringMatching(/out of order/) }),
    ]);
  });

  it('fails records renumbered to hide a swap (hashes cover seq)', async () => {
    const store = makeStore();
    await fill(store, 3);
    const files = unzipBundle(await bundleOf(store));
    const m = manifestOf(files);
    const [a, b, c] = m.entries as [Entry, Entry, Entry];
    m.entries = [a, { ...c, seq: 2 }, { ...b, seq: 3 }];
    forgeManifest(files, m);
    const r = await verifyBundle(files);
    expect(r.problems.map((p) => p.seq)).toEqual(expect.arrayContaining([2, 3]));
  });

  it('fails a record whose metadata was edited and re-hashed, at the next link', async () => {
    const store = makeStore();
    await fill(store, 3);
    const files = unzipBundle(await bundleOf(store));
    const m = manifestOf(files);
    const { hash: _h, ...rest } = m.entries[1]!;
    const forged = { ...rest, capturedAtUtc: '2026-11-01T09:00:00.000Z' };
    m.entries[1] = {
      ...forged,
      hash: createHash('sha256').update(canonicalJson(forged)).digest('hex'),
    } as Entry;
    forgeManifest(files, m);
    const r = await verifyBundle(files);
    expect(r.problems).toEqual([
      expect.objectContaining({ seq: 3, problem: expect.stringMatching(/does not follow record #2/) }),
    ]);
  });

  it('says a foreign zip is not a bundle', async () => {
    const r = await verifyBundle(new Map([['hello.txt', strToU8('hi')]]));
    expect(r).toMatchObject({ ok: false, isBundle: false });
    expect(r.problems[0]!.problem).toMatch(/not an Ikamet Companion evidence bundle/);
  });

  it('flags a file added to the bundle', async () => {
    const { store } = await sampleStore();
    const files = unzipBundle(await bundleOf(store));
    files.set('images/extra.jpg', image(5).bytes);
    const r = await verifyBundle(files);
    expect(r.problems).toEqual([expect.objectContaining({ file: 'images/extra.jpg' })]);
  });
});

describe('import', () => {
  it('restores a bundle into an empty log exactly, then skips everything on a second import', async () => {
    const { store } = await sampleStore();
    const bytes = await bundleOf(store);
    const target = makeStore();
    expect(await importBundle(target, bytes)).toMatchObject({ ok: true, added: 5, skipped: 0 });
    expect(await target.allEntries()).toEqual(await store.allEntries());
    const [first] = (await store.list()).items.slice(-1);
    expect(await target.imageBytes(first!.record.id)).toEqual(await store.imageBytes(first!.record.id));
    expect(await target.thumbBytes(first!.record.id)).toEqual(await store.thumbBytes(first!.record.id));
    expect((await target.list()).items.map((i) => [i.record.seq, i.note])).toEqual(
      (await store.list()).items.map((i) => [i.record.seq, i.note]),
    );
    expect(await importBundle(target, bytes)).toMatchObject({ ok: true, added: 0, skipped: 5 });
    expect(await target.allEntries()).toHaveLength(5);
    // the restored log exports to a bundle that verifies, with the same chain head
    const again = await verifyBundle(unzipBundle(await bundleOf(target)));
    expect(again).toMatchObject({ ok: true, chainHead: { seq: 6 } });
  });

  it('adds only the newer records of a later bundle, and appends after them', async () => {
    const store = makeStore();
    await fill(store, 2);
    const early = await bundleOf(store);
    await fill(store, 2, 10);
    await store.remove(
      (await store.list()).items[3]!.record.id,
      'duplicate',
      new Date('2026-11-12T10:00:00Z'),
      '0.1.0',
    );
    const late = await bundleOf(store);
    const target = makeStore();
    expect(await importBundle(target, early)).toMatchObject({ ok: true, added: 2 });
    expect(await importBundle(target, late)).toMatchObject({ ok: true, added: 3, skipped: 1 });
    expect((await target.allEntries()).map((e) => e.seq)).toEqual([2, 3, 4, 5]);
    expect(await target.getImage((await store.allEntries())[0]!.id)).not.toBeNull();
    expect((await target.list()).items.map((i) => i.record.seq)).toEqual([4, 3, 2]);
    const next = await target.appendCapture(fields({ capturedAtUtc: at(20).toISOString() }), image(9), null);
    expect(next.prevHash).toBe((await store.head())!.hash);
  });

  async function unchanged(target: EvidenceStore, run: () => Promise<unknown>) {
    const before = await target.allEntries();
    await run();
    expect(await target.allEntries()).toEqual(before);
  }

  it('refuses a corrupt zip with the reason and changes nothing', async () => {
    const target = makeStore();
    await fill(target, 1);
    await unchanged(target, async () => {
      const out = await importBundle(target, strToU8('PK\u0003\u0004 this is not a zip'));
      expect(out).toMatchObject({ ok: false, reason: expect.stringMatching(/not a readable ZIP/) });
    });
  });

  it('refuses a foreign zip with the reason and changes nothing', async () => {
    const target = makeStore();
    await unchanged(target, async () => {
      const out = await importBundle(target, zipSync({ 'photo.jpg': image(1).bytes }));
      expect(out).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/not an Ikamet Companion evidence bundle/),
      });
    });
    expect(await target.allEntries()).toEqual([]);
  });

  it('refuses a tampered bundle and changes nothing', async () => {
    const { store, rs } = await sampleStore();
    const files = unzipBundle(await bundleOf(store));
    const path = `images/000001-${rs[0]!.id}.jpg`;
    files.set(
      path,
      files.get(path)!.map((b, i) => (i === 3 ? b ^ 1 : b)),
    );
    const target = makeStore();
    await unchanged(target, async () => {
      const out = await importBundle(target, rezip(files));
      expect(out).toMatchObject({ ok: false, reason: expect.stringMatching(/failed verification/) });
    });
  });

  it('imports a log larger than one write chunk (500 records) completely', async () => {
    const source = makeStore();
    await fill(source, 1050);
    const target = makeStore();
    expect(await importBundle(target, await bundleOf(source))).toMatchObject({ ok: true, added: 1050 });
    expect(await target.count()).toBe(1050);
    const last = (await source.list({ limit: 1 })).items[0]!.record.id;
    expect(await target.imageBytes(last)).toEqual(await source.imageBytes(last));
  }, 60_000);

  it('refuses a bundle of another log (records here differ) and changes nothing', async () => {
    const other = makeStore();
    await fill(other, 2, 3, { note: 'other machine' });
    const target = makeStore();
    await fill(target, 1);
    await unchanged(target, async () => {
      const out = await importBundle(target, await bundleOf(other));
      expect(out).toMatchObject({ ok: false, reason: expect.stringMatching(/different record #1/) });
    });
  });
});

describe('npm run verify-evidence', () => {
  const run = promisify(execFile);
  const cli = async (...args: string[]) => {
    try {
      const { stdout } = await run('npx', ['tsx', 'scripts/verify-evidence.ts', ...args], {
        cwd: process.cwd(),
      });
      return { code: 0, stdout };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout + err.stderr };
    }
  };

  it('exits 0 on a good bundle, 1 on a tampered one (naming the record), 2 on a bad file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evidence-'));
    const { store, rs } = await sampleStore();
    const bytes = await bundleOf(store);
    const good = join(dir, 'good.zip');
    writeFileSync(good, bytes);
    const files = unzipSync(bytes);
    const path = `images/000004-${rs[3]!.id}.jpg`;
    files[path] = files[path]!.map((b, i) => (i === 20 ? b ^ 0x10 : b));
    const bad = join(dir, 'bad.zip');
    writeFileSync(bad, zipSync(files));
    const junk = join(dir, 'junk.zip');
    writeFileSync(junk, 'not a zip');

    const ok = await cli(good);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^OK: 3 records verified\.\nChain head: #6 [0-9a-f]{64}/);
    const failed = await cli(bad);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(`[record #4, ${path}]`);
    expect((await cli(junk)).code).toBe(2);
    expect((await cli(join(dir, 'missing.zip'))).code).toBe(2);
    expect((await cli()).code).toBe(2);
  }, 60_000);
});
