/**
 * Forged senders and malformed payloads, driven through the one onMessage listener the background
 * registers: the background answers only its own content scripts on the two portal origins (top frame) and its own
 * pages, only with the message types of their direction, and only payloads of exactly the declared shape. Everything
 * else is dropped silently: no answer, no handler run, storage untouched.
 */
import 'fake-indexeddb/auto';
import type { Browser } from 'wxt/browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlers } from '../../../src/background/handlers';
import { registerRouter } from '../../../src/background/router';
import { senderKind } from '../../../src/background/guard';
import { LIMITS } from '../../../src/domain/limits';
import type { MessageType, Payload } from '../../../src/messaging';
import { reading } from '../helpers';

type Sender = Browser.runtime.MessageSender;

const NOW = new Date('2026-11-24T10:00:00Z');
const OWN = fakeBrowser.runtime.id;
const PANEL_URL = `chrome-extension://${OWN}/sidepanel.html`;
const PORTAL = 'https://e-ikamet.goc.gov.tr/Ikamet/BasvuruDurum';
const RANDEVU = 'https://randevu.goc.gov.tr/#/randevu-al';

const tab = (url: string, id = 4) => ({ id, url, index: 0, active: true }) as unknown as Browser.tabs.Tab;
const CONTENT: Sender = { id: OWN, url: PORTAL, tab: tab(PORTAL), frameId: 0 };
const PANEL: Sender = { id: OWN, url: PANEL_URL };

/** One well-formed payload per message type; the type makes this table fail to compile when a type is added. */
const VALID: { [K in MessageType]: Payload<K> } = {
  'panel:capture': { tabId: 4, note: 'before the holiday' },
  'panel:evidenceNote': { id: '2b1f7c3e-0d4a-4c8e-9d7b-1a2b3c4d5e6f', note: 'n' },
  'panel:evidenceDelete': { id: '2b1f7c3e-0d4a-4c8e-9d7b-1a2b3c4d5e6f', reason: 'duplicate' },
  'panel:setEvidenceSettings': { autoCapture: true, autoCaptureMinutes: 10, noticeSeen: true },
  'content:reading': { reading: reading() },
  'panel:setActivePerson': { personId: 'p-default' },
  'panel:addPerson': { name: 'Ayşe' },
  'panel:renamePerson': { personId: 'p-default', name: 'Me' },
  'panel:setManual': { personId: 'p-default', key: 'permitEnd', value: '2027-03-01' },
  'panel:pin': { personId: 'p-default', key: 'permitEnd', valueKey: 'x' },
  'panel:attended': { personId: 'p-default', date: '2026-11-20', answer: 'yes' },
  'panel:setTrips': { personId: 'p-default', trips: [{ id: 't1', entry: '2026-01-01', exit: '2026-01-10' }] },
  'panel:setAllowance': { personId: 'p-default', allowance: 90 },
  'panel:checklistItem': {
    personId: 'p-default',
    checklistKey: 'extension:short-term',
    itemId: 'passport',
    done: true,
    na: false,
    note: 'copy',
  },
  'panel:setSettings': {
    lockoutDays: 30,
    lockoutWarnDays: 15,
    bridgeDays: ['2026-12-31'],
    dismissNotice: 'fee',
    language: 'tr',
  },
  'panel:setApplicationLabel': { personId: 'p-default', label: 'Extension 2026' },
  'panel:setCompleteOn': { personId: 'p-default', date: '2026-10-01' },
  'panel:setReminderSettings': {
    enabled: { urgency: true },
    timeOfDay: '09:00',
    quietHours: { enabled: true, start: '22:00', end: '08:00' },
    unchangedDays: 30,
    cancellationTimes: ['09:30'],
    cancellationPortal: 'randevu',
  },
  'panel:deleteAll': { confirm: 'DELETE' },
  'panel:backupCreate': {},
  'panel:backupRestore': {
    confirm: 'REPLACE',
    items: [
      {
        key: 'local:settings',
        version: 1,
        value: { lockoutDays: 30, lockoutWarnDays: 15, bridgeDays: [], dismissedNotices: [] },
      },
    ],
  },
};

/** Fields that may be left out (every other field is required). */
const OPTIONAL: Partial<Record<MessageType, string[]>> = {
  'panel:capture': ['note'],
  'panel:setEvidenceSettings': ['autoCapture', 'autoCaptureMinutes', 'noticeSeen'],
  'panel:checklistItem': ['done', 'na', 'note'],
  'panel:setSettings': ['lockoutDays', 'lockoutWarnDays', 'bridgeDays', 'dismissNotice', 'language'],
  'panel:setReminderSettings': [
    'enabled',
    'timeOfDay',
    'quietHours',
    'unchangedDays',
    'cancellationTimes',
    'cancellationPortal',
  ],
};
/** Fields where null is a value (every other field refuses it). */
const NULLABLE: Partial<Record<MessageType, string[]>> = {
  'panel:pin': ['valueKey'],
  'panel:setCompleteOn': ['date'],
};
/** Reading fields where null is a value. */
const READING_NULLABLE = new Set([
  'portal',
  'language',
  'permit',
  'permitType',
  'status',
  'statusText',
  'statusDate',
  'appointment',
  'selection',
  'noSlotsText',
  'noSlotsSeenAt',
  'step',
  'requiredDocuments',
]);

const TYPES = Object.keys(VALID) as MessageType[];
const HUGE = 'x'.repeat(100_000);

/** Values of the wrong type for a field whose valid value is `v` (null only where null is not a value). */
function wrongFor(v: unknown, nullable: boolean): unknown[] {
  const out: unknown[] = [HUGE, { toString: 'x' }, [v], undefined];
  if (!nullable) out.push(null);
  if (typeof v === 'string') out.push(42, true, {}, [], `${v}${HUGE}`);
  else if (typeof v === 'number') out.push(String(v), NaN, Infinity, -Infinity, 1e308, true);
  else if (typeof v === 'boolean') out.push(String(v), 1, 0);
  else if (Array.isArray(v)) out.push({}, 'x', [42], new Array(10_000).fill(v[0]));
  else if (typeof v === 'object' && v !== null) out.push([], 'x', 42, true);
  return out.filter((w) => w !== undefined || !nullable);
}

/** Objects with keys that must never get through: prototype pollution and a huge extra field. */
function withBadKeys(obj: object): { name: string; value: object }[] {
  return [
    { name: 'extra huge field', value: { ...obj, extra: HUGE } },
    {
      name: 'own __proto__ key',
      value: JSON.parse(
        `{"__proto__":{"polluted":true}${Object.keys(obj).length ? `,${JSON.stringify(obj).slice(1)}` : '}'}`,
      ),
    },
    { name: 'own constructor key', value: { ...obj, constructor: { prototype: { polluted: true } } } },
    { name: 'prototype key', value: { ...obj, prototype: { polluted: true } } },
  ];
}

let listenerCount = 0;
beforeEach(() => {
  fakeBrowser.reset();
  registerRouter(() => NOW);
  listenerCount = 1;
});

async function snapshot(): Promise<string> {
  return JSON.stringify([
    await fakeBrowser.storage.local.get(null),
    await fakeBrowser.storage.session.get(null),
  ]);
}

/** Send through the registered listener: the answer, or undefined when the message was dropped. */
async function deliver(message: unknown, sender: Sender): Promise<unknown> {
  const results = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  expect(results).toHaveLength(listenerCount);
  return results[0];
}

/**
 * Refused and nothing changed. Our own panel and content script get a coded refusal (a caller must never take
 * silence for success); any other sender gets silence.
 */
async function expectDropped(message: unknown, sender: Sender) {
  const before = await snapshot();
  const answer = await deliver(message, sender);
  if (senderKind(sender, OWN, `chrome-extension://${OWN}/`))
    expect(answer).toEqual({ ok: false, code: 'invalid', key: 'ui_refusal_invalid', error: 'invalid' });
  else expect(answer).toBeUndefined();
  expect(await snapshot()).toBe(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const senderFor = (t: MessageType): Sender => (t.startsWith('content:') ? CONTENT : PANEL);

describe('the tables cover every message type', () => {
  it('VALID names exactly the handled types', () => {
    expect([...TYPES].sort()).toEqual(Object.keys(handlers).sort());
  });
});

describe('well-formed messages from the right sender are answered', () => {
  it.each(TYPES)('%s', async (t) => {
    // Delete-all last: it would wipe what the others wrote (harmless, but keep the test about admission).
    const answer = await deliver({ type: t, payload: VALID[t] }, senderFor(t));
    expect(answer, 'admitted and answered').toBeDefined();
  });

  it('from randevu too', async () => {
    const s: Sender = { id: OWN, url: RANDEVU, tab: tab(RANDEVU), frameId: 0 };
    const r = reading({
      portal: 'randevu',
      page: 'randevu-booking',
      url: RANDEVU,
      permit: null,
      status: null,
    });
    expect(await deliver({ type: 'content:reading', payload: { reading: r } }, s)).toEqual({ ok: true });
  });
});

describe('forged senders are dropped, whatever they send', () => {
  const FORGED: [string, Sender][] = [
    ['another extension', { ...CONTENT, id: 'some-other-extension' }],
    ['another extension posing as our panel', { id: 'some-other-extension', url: PANEL_URL }],
    ['no id at all', { url: PORTAL, tab: tab(PORTAL), frameId: 0 }],
    ['a web page', { id: OWN, url: 'https://example.com/', tab: tab('https://example.com/'), frameId: 0 }],
    [
      'a portal look-alike host',
      {
        id: OWN,
        url: 'https://e-ikamet.goc.gov.tr.evil.com/Ikamet/BasvuruDurum',
        tab: tab('https://e-ikamet.goc.gov.tr.evil.com/Ikamet/BasvuruDurum'),
        frameId: 0,
      },
    ],
    [
      'a portal-named subdomain of another site',
      {
        id: OWN,
        url: 'https://randevu.goc.gov.tr-evil.example/#/randevu-al',
        tab: tab('https://randevu.goc.gov.tr-evil.example/'),
        frameId: 0,
      },
    ],
    [
      'credentials trick',
      {
        id: OWN,
        url: 'https://e-ikamet.goc.gov.tr@evil.com/',
        tab: tab('https://e-ikamet.goc.gov.tr@evil.com/'),
        frameId: 0,
      },
    ],
    [
      'http instead of https',
      { id: OWN, url: 'http://e-ikamet.goc.gov.tr/', tab: tab('http://e-ikamet.goc.gov.tr/'), frameId: 0 },
    ],
    [
      'another port',
      {
        id: OWN,
        url: 'https://e-ikamet.goc.gov.tr:8443/',
        tab: tab('https://e-ikamet.goc.gov.tr:8443/'),
        frameId: 0,
      },
    ],
    ['a portal subframe', { ...CONTENT, frameId: 3 }],
    ['a portal frame without a frame id', { id: OWN, url: PORTAL, tab: tab(PORTAL) }],
    [
      'a portal frame inside another site',
      { id: OWN, url: PORTAL, tab: tab('https://evil.com/'), frameId: 0 },
    ],
    ['no URL', { id: OWN, tab: tab(PORTAL), frameId: 0 }],
    ['a page of another extension', { id: OWN, url: 'chrome-extension://someone-else/sidepanel.html' }],
    ['our id as a host prefix', { id: OWN, url: `chrome-extension://${OWN}.evil/sidepanel.html` }],
    ['a data: URL', { id: OWN, url: 'data:text/html,<p>hi</p>' }],
    ['a file: URL', { id: OWN, url: 'file:///tmp/sidepanel.html' }],
  ];
  describe.each(FORGED)('%s', (_name, sender) => {
    it.each(TYPES)('%s is dropped', async (t) => {
      await expectDropped({ type: t, payload: VALID[t] }, sender);
    });
  });
});

describe('a sender may only send its own direction', () => {
  it.each(TYPES.filter((t) => t.startsWith('panel:')))('a content script claiming %s', async (t) => {
    await expectDropped({ type: t, payload: VALID[t] }, CONTENT);
  });
  it('the panel claiming content:reading', async () => {
    await expectDropped({ type: 'content:reading', payload: VALID['content:reading'] }, PANEL);
  });
});

describe('malformed envelopes are dropped', () => {
  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'panel:deleteAll'],
    ['an array', [{ type: 'panel:deleteAll', payload: { confirm: 'DELETE' } }]],
    ['no type', { payload: { confirm: 'DELETE' } }],
    ['a numeric type', { type: 7, payload: {} }],
    ['an unknown type', { type: 'panel:eval', payload: {} }],
    ['a prototype type', { type: '__proto__', payload: {} }],
    ['a constructor type', { type: 'constructor', payload: {} }],
    ['a toString type', { type: 'toString', payload: {} }],
    ['a type with a suffix', { type: 'panel:deleteAll ', payload: { confirm: 'DELETE' } }],
    ['a huge type', { type: HUGE, payload: {} }],
  ])('%s', async (_name, message) => {
    await expectDropped(message, PANEL);
    await expectDropped(message, CONTENT);
  });
});

describe('malformed payloads are dropped, for every message type', () => {
  describe.each(TYPES)('%s', (t) => {
    const valid = VALID[t] as Record<string, unknown>;
    const sender = senderFor(t);
    const optional = new Set(OPTIONAL[t] ?? []);
    const nullable = new Set(NULLABLE[t] ?? []);

    it.each([
      ['missing', undefined],
      ['null', null],
      ['an array', [valid]],
      ['a string', JSON.stringify(valid)],
      ['a number', 1],
    ])('payload %s', async (_n, payload) => {
      await expectDropped({ type: t, payload }, sender);
    });

    it.each(withBadKeys(valid).map((b) => [b.name, b.value] as const))(
      'payload with %s',
      async (_n, payload) => {
        await expectDropped({ type: t, payload }, sender);
      },
    );

    const fields = Object.keys(valid);
    const required = fields.filter((f) => !optional.has(f));
    if (required.length)
      it.each(required)('required field %s missing', async (f) => {
        const { [f]: _gone, ...rest } = valid;
        await expectDropped({ type: t, payload: rest }, sender);
      });

    if (t !== 'content:reading')
      it.each(fields)('field %s of a wrong type', async (f) => {
        for (const w of wrongFor(valid[f], nullable.has(f))) {
          if (w === undefined && optional.has(f)) continue;
          await expectDropped({ type: t, payload: { ...valid, [f]: w } }, sender);
        }
      });
  });
});

describe('a malformed reading is dropped', () => {
  const good = reading();
  const send = (r: unknown) => expectDropped({ type: 'content:reading', payload: { reading: r } }, CONTENT);

  it.each(Object.keys(good))('reading.%s missing', async (f) => {
    const { [f as keyof typeof good]: _gone, ...rest } = good;
    await send(rest);
  });

  it.each(Object.keys(good))('reading.%s of a wrong type', async (f) => {
    const v = good[f as keyof typeof good];
    // A reading's nullable fields hold null in the sample: try the wrong shapes of their non-null form too.
    const sample =
      v !== null
        ? v
        : f === 'permit' || f === 'appointment' || f === 'selection'
          ? {}
          : f === 'requiredDocuments'
            ? ['x']
            : 'x';
    for (const w of wrongFor(sample, READING_NULLABLE.has(f))) {
      if (f === 'problems' && Array.isArray(w) && w.length === 0) continue;
      // Strings in nullable text fields are values; the huge one is not.
      if (sample === 'x' && typeof w === 'string' && w.length <= LIMITS.readingText) continue;
      if (f === 'requiredDocuments' && Array.isArray(w) && w.every((x) => x === 'x')) continue;
      await send({ ...good, [f]: w });
    }
  });

  it.each(withBadKeys(good).map((b) => [b.name, b.value] as const))('reading with %s', async (_n, r) => {
    await send(r);
  });

  it.each([
    ['an impossible day written as a date', { permit: { start: null, end: '2027-02-31x' } }],
    ['a date in another format', { permit: { start: null, end: '01.03.2027' } }],
    ['an extra field in the permit', { permit: { start: null, end: '2027-03-01', note: HUGE } }],
    [
      'an extra field in the appointment',
      {
        appointment: { date: '2027-01-07', time: '14:45', office: null, type: null, bookedOn: null, x: 1 },
      },
    ],
    [
      'a time of 24:00',
      { appointment: { date: null, time: '24:00', office: null, type: null, bookedOn: null } },
    ],
    ['a URL off the portals', { url: 'https://evil.com/Ikamet/BasvuruDurum' }],
    ['a javascript: URL', { url: 'javascript:alert(1)' }],
    ['an unknown page kind', { page: 'evil-page' }],
    ['an unknown status', { status: 'approved-by-me' }],
    ['a huge status text', { statusText: HUGE }],
    ['too many problems', { problems: new Array(LIMITS.readingProblems + 1).fill('permit-range-empty') }],
    ['a problem that is not a code', { problems: ['status page, but no end date found'] }],
    ['a problem code with markup', { problems: ['permit-range-empty<img src=x onerror=alert(1)>'] }],
    ['a text longer than the reader cuts', { noSlotsText: 'x'.repeat(LIMITS.readingText + 1) }],
    ['too many required documents', { requiredDocuments: new Array(LIMITS.readingList + 1).fill('d') }],
    ['a non-string problem', { problems: [{ toString: () => 'p' }] }],
  ])('%s', async (_n, over) => {
    await send({ ...good, ...over });
  });
});

describe('delete-all needs the typed word', () => {
  it.each([['delete'], ['DELETE '], [''], ['YES'], [true]])('confirm %j is dropped', async (confirm) => {
    await fakeBrowser.storage.local.set({ people: { people: [], activeId: 'x' } });
    await expectDropped({ type: 'panel:deleteAll', payload: { confirm } }, PANEL);
    expect(await fakeBrowser.storage.local.get('people')).not.toEqual({});
  });
});
