/**
 * What the backup knows about each storage item must be what WXT knows: the registry in src/storageSchemas.ts
 * records each item's version and migrations as src/storage.ts defines it, and a restore migrates with them. Checked
 * against WXT's own behaviour (its `migrate()` on the real fake storage), not against a copy of the numbers. And
 * the shape checks of src/backup/items.ts accept what each version of the code really wrote (the v1 fixtures).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtStorageItem } from 'wxt/utils/storage';
import * as storageModule from '../../../src/storage';
import { backupKeys, ITEM_CHECKS, prepareItems } from '../../../src/backup/items';
import { ITEM_SCHEMAS, migrateValue } from '../../../src/storageSchemas';
import { storageFixture } from './helpers';

type AnyItem = WxtStorageItem<unknown, Record<string, unknown>>;
const ITEMS = (Object.values(storageModule) as unknown[]).filter(
  (v): v is AnyItem => typeof v === 'object' && v !== null && 'key' in v && 'migrate' in v,
);
const FIXTURES = join(__dirname, '../storage/fixtures');
const areaOf = (key: string) =>
  key.startsWith('session:') ? fakeBrowser.storage.session : fakeBrowser.storage.local;
const name = (key: string) => key.replace(/^(local|session):/, '');

beforeEach(() => fakeBrowser.reset());

describe('the registry', () => {
  it('holds every item src/storage.ts exports, and nothing else', () => {
    expect(ITEMS.length).toBeGreaterThanOrEqual(10);
    expect([...ITEM_SCHEMAS.keys()].sort()).toEqual(ITEMS.map((i) => i.key).sort());
  });

  describe.each(ITEMS.map((i) => [i.key, i] as const))('%s', (key, item) => {
    const schema = ITEM_SCHEMAS.get(key)!;

    it('has the version WXT enforces: data of that version is left alone, of the next one refused', async () => {
      const v = storageFixture(1, key);
      await areaOf(key).set({ [name(key)]: v, [`${name(key)}$`]: { v: schema.version } });
      await item.migrate();
      expect(await areaOf(key).get(name(key))).toEqual({ [name(key)]: v });
      await areaOf(key).set({ [`${name(key)}$`]: { v: schema.version + 1 } });
      await expect(item.migrate()).rejects.toThrow(/Version downgrade/);
    });

    it('migrates v1 data in memory exactly as WXT migrates it in storage', async () => {
      const v1 = storageFixture(1, key);
      const mine = await migrateValue(schema, structuredClone(v1), 1);
      await areaOf(key).set({ [name(key)]: v1, [`${name(key)}$`]: { v: 1 } });
      await item.migrate();
      expect(mine).toEqual(await item.getValue());
      expect((await item.getMeta()).v ?? 1).toBe(schema.version);
    });
  });
});

describe('the shape checks accept what the code really wrote', () => {
  it('every backed-up item has a check', () => {
    for (const k of backupKeys(ITEM_SCHEMAS)) expect(ITEM_CHECKS[k], k).toBeTypeOf('function');
  });

  const versions = readdirSync(FIXTURES).filter((d) => /^v\d+$/.test(d));
  it.each(backupKeys(ITEM_SCHEMAS))('%s: every fixture version, migrated, passes', async (key) => {
    for (const dir of versions) {
      const version = Number(dir.slice(1));
      if (!readdirSync(join(FIXTURES, dir)).includes(`${name(key)}.json`)) continue;
      const items = await prepareItems([{ key, version, value: storageFixture(version, key) }], ITEM_SCHEMAS);
      expect(items.find((i) => i.key === key)?.value, `${key} v${version}`).not.toBeNull();
    }
  });

  it('and the fallback of every backed-up item passes too (a fresh profile backs up)', () => {
    for (const k of backupKeys(ITEM_SCHEMAS)) {
      const fallback = ITEM_SCHEMAS.get(k)!.fallback;
      if (fallback !== null) expect(ITEM_CHECKS[k]!(fallback), k).toBe(true);
    }
  });
});
