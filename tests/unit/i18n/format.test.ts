/** Formatting per language: dates through date-fns locales, Latin digits, the portal's form, direction. */
import { describe, expect, it } from 'vitest';
import {
  EN_MESSAGES,
  langFromLocale,
  resolveLang,
  withFallback,
  type Messages,
} from '../../../src/i18n/catalogue';
import { EN_FORMAT, makeFormat, portalDate } from '../../../src/i18n/format';
import { renderMessage } from '../../../src/i18n/render';

const fake = (over: Partial<Record<keyof Messages, string>>): Messages => ({ ...EN_MESSAGES, ...over });

describe('choosing the language', () => {
  it('takes the primary subtag of the browser language, English when unsupported', () => {
    expect(langFromLocale('tr-TR')).toBe('tr');
    expect(langFromLocale('fa_IR')).toBe('fa');
    expect(langFromLocale('UK')).toBe('uk');
    expect(langFromLocale('pt-BR')).toBe('en');
    expect(langFromLocale('')).toBe('en');
    expect(langFromLocale(undefined)).toBe('en');
  });
  it('a choice made in the panel wins over the browser; "auto" follows the browser', () => {
    expect(resolveLang('ar', 'tr-TR')).toBe('ar');
    expect(resolveLang('auto', 'ru-RU')).toBe('ru');
    expect(resolveLang(undefined, 'uk')).toBe('uk');
    expect(resolveLang('xx' as never, 'tr')).toBe('tr');
  });
  it('a missing or empty translation falls back to English, key by key', () => {
    const m = withFallback({ ui_save: { message: 'Kaydet' }, ui_cancel: { message: '' } });
    expect(m.ui_save).toBe('Kaydet');
    expect(m.ui_cancel).toBe(EN_MESSAGES.ui_cancel);
    expect(m.urgency_low).toBe(EN_MESSAGES.urgency_low);
  });
});

describe('rendering', () => {
  it('fills placeholders, formats ISO dates and numbers, leaves unknown ones visible', () => {
    const f = makeFormat(
      'tr',
      fake({ urgency_days_left: 'Kalan gün: {daysLeft}; izniniz {permitEnd} tarihinde bitiyor.' }),
    );
    expect(f.t('urgency_days_left', { daysLeft: 1234, permitEnd: '2027-03-15' })).toBe(
      'Kalan gün: 1.234; izniniz 15 Mart 2027 tarihinde bitiyor.',
    );
    expect(renderMessage(EN_MESSAGES, 'urgency_days_left', { daysLeft: 3 })).toBe(
      '3 days left: your permit ends on {permitEnd}.',
    );
  });
  it('page text is never read as a placeholder or a date pattern', () => {
    const f = makeFormat('en', fake({ ui_strip_noslots_quote: 'Says: “{text}”' }));
    expect(f.t('ui_strip_noslots_quote', { text: '{daysLeft} <b>x</b>' })).toBe(
      'Says: “{daysLeft} <b>x</b>”',
    );
  });
});

describe('dates and numbers per language', () => {
  const iso = '2026-11-24';
  it.each([
    ['en', '24 Nov 2026'],
    ['tr', '24 Kasım 2026'],
    ['ru', '24 ноября 2026'],
    ['uk', '24 листопада 2026'],
    ['ar', '24 نوفمبر 2026'],
    ['fa', '24 نوامبر 2026'],
  ] as const)('%s: %s, Latin digits, and the portal form 24.11.2026', (lang, want) => {
    const f = makeFormat(lang, EN_MESSAGES);
    expect(f.date(iso)).toBe(want);
    expect(f.portalDate(iso)).toBe('24.11.2026');
    expect(f.num(12345)).toMatch(/^12\D?345$/);
    expect(f.dir).toBe(lang === 'ar' || lang === 'fa' ? 'rtl' : 'ltr');
  });
  it('an Istanbul wall-clock time, with the year only when it is not this year', () => {
    const f = makeFormat('tr', EN_MESSAGES);
    expect(f.when('2026-11-22T11:05:00Z', '2026-11-24')).toBe('22 Kasım 14:05');
    expect(f.when('2025-11-22T11:05:00Z', '2026-11-24')).toBe('22 Kasım 2025 14:05');
    expect(EN_FORMAT.when('2026-11-22T11:05:00Z', '2026-11-24')).toBe('22 Nov 14:05');
  });
  it('an invalid date is shown as given, never as a rolled-over day', () => {
    expect(makeFormat('ru', EN_MESSAGES).date('2027-02-30')).toBe('2027-02-30');
    expect(portalDate('2027-02-30')).toBe('2027-02-30');
  });
});
