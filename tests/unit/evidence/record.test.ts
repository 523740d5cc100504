import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  captureViews,
  entryHash,
  istanbulStamp,
  utf8,
  webSha256,
  ZERO_HASH,
} from '../../../src/evidence/record';
import { fill, makeStore } from './helpers';

describe('canonical JSON', () => {
  it('sorts keys at every level and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });
  it('is independent of key insertion order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
  it('leaves out undefined keys and refuses non-finite numbers', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
  });
  it('escapes strings as JSON does, non-ASCII kept as UTF-8', () => {
    expect(canonicalJson({ t: 'İş "x"\n' })).toBe('{"t":"İş \\"x\\"\\n"}');
  });
});

describe('hashing', () => {
  it('is SHA-256 hex of the bytes (same as node:crypto)', async () => {
    const bytes = utf8('abc');
    expect(await webSha256(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await webSha256(bytes)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it('hashes the canonical JSON of everything but `hash`', async () => {
    const [r] = await fill(makeStore(), 1);
    const { hash, ...rest } = r!;
    expect(hash).toBe(createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex'));
    expect(await entryHash(r!)).toBe(hash);
    expect(await entryHash({ ...r!, note: 'changed' })).not.toBe(hash);
  });
  it('stamps Istanbul wall-clock time with seconds', () => {
    expect(istanbulStamp(new Date('2026-11-03T21:30:05.000Z'))).toBe('2026-11-04 00:30:05');
  });
});

describe('the chain', () => {
  it('starts with 64 zeros and links each record to the previous hash', async () => {
    const rs = await fill(makeStore(), 3);
    expect(rs.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rs[0]!.prevHash).toBe(ZERO_HASH);
    expect(rs[1]!.prevHash).toBe(rs[0]!.hash);
    expect(rs[2]!.prevHash).toBe(rs[1]!.hash);
  });

  it('records note edits as entries, keeping the original note', async () => {
    const store = makeStore();
    const [r] = await fill(store, 1, 3, { note: 'first try' });
    const edit = await store.editNote(
      r!.id,
      'called the office too',
      new Date('2026-11-04T10:00:00Z'),
      '0.1.0',
    );
    expect(edit).toMatchObject({ kind: 'note-edit', seq: 2, prevHash: r!.hash, targetHash: r!.hash });
    const entries = await store.allEntries();
    expect(entries[0]).toEqual(r); // untouched
    const [view] = captureViews(entries);
    expect(view!.note).toBe('called the office too');
    expect(view!.record.note).toBe('first try');
    const { items } = await store.list();
    expect(items[0]).toMatchObject({ note: 'called the office too', noteEdited: true });
  });

  it('deletes with a tombstone that keeps time, hash and reason; image and note edits go too', async () => {
    const store = makeStore();
    const rs = await fill(store, 3);
    await store.editNote(rs[1]!.id, 'x', new Date('2026-11-10T10:00:00Z'), '0.1.0');
    const ts = await store.remove(rs[1]!.id, 'wrong tab', new Date('2026-11-11T10:00:00Z'), '0.1.0');
    expect(ts.map((t) => [t.targetSeq, t.targetKind])).toEqual([
      [2, 'capture'],
      [4, 'note-edit'],
    ]);
    expect(ts[0]).toMatchObject({
      seq: 5,
      targetHash: rs[1]!.hash,
      reason: 'wrong tab',
      targetCapturedAtUtc: rs[1]!.capturedAtUtc,
    });
    expect(await store.getImage(rs[1]!.id)).toBeNull();
    expect((await store.allEntries()).map((e) => `${e.seq}:${e.kind}`)).toEqual([
      '1:capture',
      '3:capture',
      '5:tombstone',
      '6:tombstone',
    ]);
    expect((await store.summary()).removed).toBe(1);
  });

  it('refuses a deletion without a reason, and of an unknown record', async () => {
    const store = makeStore();
    const [r] = await fill(store, 1);
    await expect(store.remove(r!.id, '  ', new Date(), '0.1.0')).rejects.toMatchObject({ code: 'invalid' });
    await expect(store.remove('nope', 'x', new Date(), '0.1.0')).rejects.toMatchObject({ code: 'not-found' });
    expect(await store.allEntries()).toHaveLength(1);
  });
});
