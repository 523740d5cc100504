import type { ParsedIsoDate } from '../../domain/calendar';
import { MAX_YEAR, MIN_YEAR } from '../../domain/calendar';
import type { Format } from '../../i18n/format';

/** Why a typed date was refused, in the panel's language (the parser's own `reason` is English, for logs and CLI). */
export function dateProblem(f: Format, p: Extract<ParsedIsoDate, { ok: false }>, input: string): string {
  const s = input.trim();
  switch (p.problem) {
    case 'empty':
      return f.t('ui_date_empty');
    case 'format':
      return f.t('ui_date_format', { input: s });
    case 'year':
      return f.t('ui_date_year', { year: s.slice(0, 4), min: String(MIN_YEAR), max: String(MAX_YEAR) });
    case 'month':
      return f.t('ui_date_month');
    case 'day':
      return f.t('ui_date_day', { day: s.slice(8, 10) });
  }
}
