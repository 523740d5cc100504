/**
 * Issue 9: the user's language choice (`settings.language`) travels panel → background, and notifications are
 * rendered in it ('auto': the browser's UI language), never in English by default.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { admit } from '../../../src/background/guard';
import { handlers } from '../../../src/background/handlers';
import { notificationFormat, notificationText, refreshReminders } from '../../../src/background/reminders';
import { istanbulInstant } from '../../../src/domain/calendar';
import { line } from '../../../src/domain/text';
import { formatFor } from '../../../src/i18n/all';
import { EN_MESSAGES, LANGS } from '../../../src/i18n/catalogue';
import { EN_FORMAT, makeFormat } from '../../../src/i18n/format';
import { emptyFacts, mergeReading } from '../../../src/state/facts';
import { DEFAULT_PERSON, factsItem, settingsItem, type Person } from '../../../src/storage';
import { reading } from '../helpers';

const ctx = { tabId: null, now: () => new Date('2026-05-01T09:00:00.000Z') };
const setSettings = (payload: unknown) => admit({ type: 'panel:setSettings', payload }, 'panel');

beforeEach(() => {
  fakeBrowser.reset();
});

describe('panel:setSettings language', () => {
  it('the guard admits auto and every catalogue language, and nothing else', () => {
    for (const language of ['auto', ...LANGS]) expect(setSettings({ language })).not.toBeNull();
    for (const language of ['de', 'EN', 'tr-TR', '', null, 42, ['tr'], { lang: 'tr' }, 'auto '])
      expect(setSettings({ language }), String(language)).toBeNull();
    expect(setSettings({ language: 'tr', lockoutDays: 15 })).not.toBeNull();
    expect(admit({ type: 'panel:setSettings', payload: { language: 'tr' } }, 'content')).toBeNull();
  });

  it('the handler stores it and leaves the other settings alone', async () => {
    await handlers['panel:setSettings']({ lockoutDays: 15 }, ctx);
    expect((await settingsItem.getValue()).language).toBe('auto'); // the default
    await handlers['panel:setSettings']({ language: 'fa' }, ctx);
    expect(await settingsItem.getValue()).toMatchObject({ language: 'fa', lockoutDays: 15 });
    await handlers['panel:setSettings']({ lockoutWarnDays: 20 }, ctx);
    expect((await settingsItem.getValue()).language).toBe('fa');
    await handlers['panel:setSettings']({ language: 'auto' }, ctx);
    expect((await settingsItem.getValue()).language).toBe('auto');
  });

  it('settings stored before the field existed still read (language absent means auto)', async () => {
    await fakeBrowser.storage.local.set({
      settings: { lockoutDays: 30, lockoutWarnDays: 15, bridgeDays: [] },
    });
    expect((await settingsItem.getValue()).language).toBeUndefined();
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('uk');
    expect(notificationFormat(await settingsItem.getValue()).lang).toBe('uk');
  });
});

describe('notification language', () => {
  it('the chosen language wins over the browser’s; auto or absent follows the browser', () => {
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('ru-RU');
    expect(notificationFormat({ language: 'tr' }).lang).toBe('tr');
    expect(notificationFormat({ language: 'auto' }).lang).toBe('ru');
    expect(notificationFormat({}).lang).toBe('ru');
  });

  it('a browser in a language without a catalogue, or without the API, gets English', () => {
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('de-DE');
    expect(notificationFormat({ language: 'auto' }).lang).toBe('en');
    vi.spyOn(browser.i18n, 'getUILanguage').mockImplementation(() => {
      throw new Error('not implemented');
    });
    expect(notificationFormat({}).lang).toBe('en');
    expect(notificationFormat({ language: 'ar' }).lang).toBe('ar');
  });

  it('renders the title, the body, the person’s name and the "missed" note from the catalogue', () => {
    // A made-up catalogue: proves every piece comes from the messages, in the language's word order.
    const f = makeFormat('tr', {
      ...EN_MESSAGES,
      reminder_window_opens_title: 'Uzatma penceresi açıldı',
      reminder_window_opens_body: 'Son gün {lastDay}.',
      ui_reminders_person_title: '{title} ({name})',
      ui_reminders_notification_missed: '{body} [kaçırıldı]',
    });
    const r = {
      personId: 'p-2',
      title: line('reminder_window_opens_title', []),
      body: line('reminder_window_opens_body', [], { lastDay: '2026-08-11' }),
    };
    const people: Person[] = [DEFAULT_PERSON, { id: 'p-2', name: 'Ayşe', createdAt: '2026-01-01T00:00:00Z' }];
    expect(notificationText(r, true, people, f)).toEqual({
      title: 'Uzatma penceresi açıldı (Ayşe)',
      message: 'Son gün 11 Ağustos 2026. [kaçırıldı]',
    });
    // One person: no name; on time: no note.
    expect(notificationText(r, false, [DEFAULT_PERSON], f)).toEqual({
      title: 'Uzatma penceresi açıldı',
      message: 'Son gün 11 Ağustos 2026.',
    });
  });

  it('English keeps the wording it had', () => {
    const r = {
      personId: 'p-2',
      title: line('reminder_window_opens_title', []),
      body: line('reminder_window_opens_body', [], { lastDay: '2026-08-11' }),
    };
    const people: Person[] = [DEFAULT_PERSON, { id: 'p-2', name: 'Ayşe', createdAt: '2026-01-01T00:00:00Z' }];
    expect(notificationText(r, true, people, EN_FORMAT)).toEqual({
      title: 'Ayşe: Extension window opens today',
      message:
        '(Missed while the browser was closed) From today you can apply to extend your permit: apply by 11 Aug 2026, the day it ends.',
    });
  });

  it('a reminder that fires is notified in the stored language', async () => {
    const create = vi.spyOn(browser.notifications, 'create');
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('en-US');
    await factsItem.setValue({
      [DEFAULT_PERSON.id]: mergeReading(
        emptyFacts(),
        reading({ permit: { start: null, end: '2026-08-11' }, status: null, statusText: null }),
        '2026-05-01T06:00:00.000Z',
      ),
    });
    await handlers['panel:setSettings']({ language: 'tr' }, ctx);
    await refreshReminders(() => new Date('2026-05-01T09:00:00.000Z'));
    await refreshReminders(() => new Date(istanbulInstant('2026-06-12', '09:00').getTime() + 20_000));
    expect(create).toHaveBeenCalledTimes(1);
    const tr = formatFor('tr');
    const body = tr.line(line('reminder_window_opens_body', [], { lastDay: '2026-08-11' }));
    expect(create.mock.calls[0]?.[1]).toMatchObject({
      title: tr.line(line('reminder_window_opens_title', [])),
      message: body,
    });
    expect(body).toContain('Ağustos'); // the date at least is Turkish, whatever the state of the translation
  });
});
