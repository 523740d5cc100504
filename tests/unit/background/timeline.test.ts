// @vitest-environment happy-dom
/**
 * The status timeline through the real 'content:reading' handler, fed by the replica status pages: an entry per
 * change, none per repeat, and never an application number (or any other identifier the page shows).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlers } from '../../../src/background/handlers';
import { read } from '../../../src/portal/read';
import { DEFAULT_PERSON, applicationsItem, timelineItem } from '../../../src/storage';
import { FIXTURES, PERSONAL_DATA } from '../../fixtures/index';
import { loadFixture } from '../portal/fixture-dom';
import { reading } from '../helpers';

const ctx = (iso: string) => ({ tabId: 3, now: () => new Date(iso) });
const STATUS_PAGES = FIXTURES.filter((f) => f.file.startsWith('e-ikamet/status-'));

beforeEach(() => fakeBrowser.reset());

describe('status timeline', () => {
  it('appends on change only, for the active person', async () => {
    const send = (r: Parameters<typeof reading>[0], at: string) =>
      handlers['content:reading']({ reading: reading(r) }, ctx(at));
    await send({}, '2026-10-01T08:00:00.000Z');
    await send({}, '2026-10-02T08:00:00.000Z');
    await send({ status: null, statusText: null }, '2026-10-03T08:00:00.000Z'); // a page without a status
    await send(
      { status: 'documents-required', statusText: 'Missing documents', statusDate: '2026-10-14' },
      '2026-10-15T08:00:00.000Z',
    );
    const list = (await timelineItem.getValue())[DEFAULT_PERSON.id]!;
    expect(list.map((e) => [e.status, e.seenAt, e.lastSeenAt])).toEqual([
      ['in-progress', '2026-10-01T08:00:00.000Z', '2026-10-02T08:00:00.000Z'],
      ['documents-required', '2026-10-15T08:00:00.000Z', '2026-10-15T08:00:00.000Z'],
    ]);
    expect(list[1]?.date).toBe('2026-10-14');
  });

  it('files entries under the label the user gave', async () => {
    await handlers['panel:setApplicationLabel'](
      { personId: DEFAULT_PERSON.id, label: '2026 extension' },
      ctx('2026-10-01T07:00:00.000Z'),
    );
    await handlers['content:reading']({ reading: reading() }, ctx('2026-10-01T08:00:00.000Z'));
    expect((await timelineItem.getValue())[DEFAULT_PERSON.id]?.[0]?.label).toBe('2026 extension');
    await expect(
      handlers['panel:setApplicationLabel'](
        { personId: DEFAULT_PERSON.id, label: '2024-34-1234567' },
        ctx('2026-10-01T09:00:00.000Z'),
      ),
    ).rejects.toThrow(/application or ID number/);
    expect((await applicationsItem.getValue())[DEFAULT_PERSON.id]?.label).toBe('2026 extension');
  });

  it('refuses a complete-application date in the future', async () => {
    await expect(
      handlers['panel:setCompleteOn'](
        { personId: DEFAULT_PERSON.id, date: '2026-10-02' },
        ctx('2026-10-01T08:00:00.000Z'),
      ),
    ).rejects.toThrow();
    await handlers['panel:setCompleteOn'](
      { personId: DEFAULT_PERSON.id, date: '2026-09-20' },
      ctx('2026-10-01T08:00:00.000Z'),
    );
    expect((await applicationsItem.getValue())[DEFAULT_PERSON.id]?.completeOn).toBe('2026-09-20');
  });

  it.each(STATUS_PAGES.map((f) => [f.file, f] as const))(
    '%s: stored without the application number or anything personal',
    async (_n, f) => {
      const page = loadFixture(f);
      const r = read(page.document, page.url, new Date('2026-10-15T08:00:00.000Z'));
      await handlers['content:reading']({ reading: r }, ctx('2026-10-15T08:00:00.000Z'));
      const stored = JSON.stringify(await timelineItem.getValue());
      if (r.status && r.statusText) expect(stored).toContain(r.status);
      for (const p of PERSONAL_DATA) expect(stored.toLowerCase()).not.toContain(p.toLowerCase());
      expect(stored).not.toMatch(/\d{4}-\d{2}-\d{7}/);
      await page.close();
    },
  );

  it('in-progress → documents-required on the replicas: two entries, the notice date kept', async () => {
    for (const [file, at] of [
      ['e-ikamet/status-in-progress-en.html', '2026-10-01T08:00:00.000Z'],
      ['e-ikamet/status-in-progress-en.html', '2026-10-05T08:00:00.000Z'],
      ['e-ikamet/status-documents-required-en.html', '2026-10-15T08:00:00.000Z'],
    ] as const) {
      const f = STATUS_PAGES.find((x) => x.file === file)!;
      const page = loadFixture(f);
      await handlers['content:reading']({ reading: read(page.document, page.url, new Date(at)) }, ctx(at));
      await page.close();
    }
    const list = (await timelineItem.getValue())[DEFAULT_PERSON.id]!;
    expect(list.map((e) => e.status)).toEqual(['in-progress', 'documents-required']);
    expect(list[1]?.date).toBe('2026-10-14');
  });
});
