import { describe, expect, it } from 'vitest';
import { admit, senderKind } from '../../../src/background/guard';
import { LIMITS } from '../../../src/domain/limits';
import { isReading } from '../../../src/portal/shape';
import { READ_PROBLEMS } from '../../../src/portal/types';
import { reading } from '../helpers';

const OWN = 'abcdefghijklmnop';
const BASE = `chrome-extension://${OWN}/`;
const portalTab = { id: 4, url: 'https://e-ikamet.goc.gov.tr/Ikamet/BasvuruDurum?basvuruKayitNo=1' };

describe('sender check', () => {
  it('accepts our content script in a portal tab and our own pages', () => {
    expect(senderKind({ id: OWN, url: portalTab.url, tab: portalTab as never, frameId: 0 }, OWN, BASE)).toBe(
      'content',
    );
    expect(senderKind({ id: OWN, url: `${BASE}sidepanel.html` }, OWN, BASE)).toBe('panel');
  });

  it('drops other extensions, other sites, frames and pages posing as the panel', () => {
    expect(
      senderKind({ id: 'someone-else', url: portalTab.url, tab: portalTab as never, frameId: 0 }, OWN, BASE),
    ).toBe(null);
    const evil = { id: 1, url: 'https://e-ikamet.goc.gov.tr.evil.example/' };
    expect(senderKind({ id: OWN, url: evil.url, tab: evil as never, frameId: 0 }, OWN, BASE)).toBe(null);
    expect(senderKind({ id: OWN, url: portalTab.url, tab: portalTab as never, frameId: 3 }, OWN, BASE)).toBe(
      null,
    );
    expect(senderKind({ id: OWN, url: 'https://example.org/sidepanel.html' }, OWN, BASE)).toBe(null);
  });
});

describe('payload check', () => {
  it('admits a well-formed reading from a content script only', () => {
    const msg = { type: 'content:reading', payload: { reading: reading() } };
    expect(admit(msg, 'content')).toEqual(msg);
    expect(admit(msg, 'panel')).toBe(null);
  });

  it('lets a content script send nothing but readings', () => {
    expect(admit({ type: 'panel:addPerson', payload: { name: 'x' } }, 'content')).toBe(null);
  });

  it.each([
    ['unknown type', { type: 'content:evil', payload: {} }],
    ['no payload', { type: 'content:reading' }],
    [
      'impossible date shape',
      {
        type: 'content:reading',
        payload: { reading: reading({ permit: { start: null, end: '11.08.2026' } }) },
      },
    ],
    [
      'foreign url',
      { type: 'content:reading', payload: { reading: reading({ url: 'https://example.org/' }) } },
    ],
    [
      'html in a number field',
      { type: 'content:reading', payload: { reading: { ...reading(), noSlots: '<img onerror>' } } },
    ],
    ['prototype key', { type: '__proto__', payload: {} }],
    ['not an object', 'content:reading'],
  ])('drops %s', (_name, msg) => {
    expect(admit(msg, 'content')).toBe(null);
  });

  it('validates the reading type exhaustively', () => {
    expect(isReading(reading())).toBe(true);
    expect(isReading({ ...reading(), step: 'pay' })).toBe(false);
    expect(isReading({ ...reading(), problems: 'none' })).toBe(false);
  });

  it('takes problems as codes only, at most one list of them', () => {
    expect(isReading(reading({ problems: [...READ_PROBLEMS] }))).toBe(true);
    // A sentence is not a code (the previous version sent English): the reading is dropped.
    expect(isReading({ ...reading(), problems: ['status page, but no end date found'] })).toBe(false);
    expect(isReading({ ...reading(), problems: ['constructor'] })).toBe(false);
    expect(isReading({ ...reading(), problems: ['permit-range-empty '] })).toBe(false);
    const many = Array.from({ length: LIMITS.readingProblems + 1 }, () => 'permit-range-empty');
    expect(isReading({ ...reading(), problems: many.slice(1) })).toBe(true);
    expect(isReading({ ...reading(), problems: many })).toBe(false);
  });

  it("holds a reading's texts and lists to what the reader cuts them to", () => {
    const at = 'x'.repeat(LIMITS.readingText);
    const past = `${at}x`;
    expect(isReading(reading({ statusText: at }))).toBe(true);
    expect(isReading(reading({ statusText: past }))).toBe(false);
    expect(isReading(reading({ noSlotsText: past }))).toBe(false);
    expect(isReading(reading({ selection: { province: past, office: null, type: null } }))).toBe(false);
    expect(
      isReading(
        reading({ appointment: { date: null, time: null, office: past, type: null, bookedOn: null } }),
      ),
    ).toBe(false);
    expect(isReading(reading({ requiredDocuments: [at] }))).toBe(true);
    expect(isReading(reading({ requiredDocuments: [past] }))).toBe(false);
    const docs = Array.from({ length: LIMITS.readingList }, () => 'Pasaport');
    expect(isReading(reading({ requiredDocuments: docs }))).toBe(true);
    expect(isReading(reading({ requiredDocuments: [...docs, 'Pasaport'] }))).toBe(false);
  });
});
