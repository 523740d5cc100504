import { describe, expect, it } from 'vitest';
import { admit, isReading, senderKind } from '../../../src/background/guard';
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
});
