/**
 * Date expectations for E2E tests, computed with plain arithmetic rather than the product's own code, so a bug
 * in src/domain cannot make a test agree with it. "Today" is the day of the pinned clock every extension context
 * runs at in E2E (scripts/lib/browser.ts, PINNED_NOW), never the machine's date.
 */
import { PINNED_NOW } from '../../scripts/lib/browser';

export const istanbulToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(new Date(PINNED_NOW));

export const addDays = (iso: string, n: number): string =>
  new Date(Date.parse(`${iso}T00:00Z`) + n * 864e5).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00Z`) - Date.parse(`${from}T00:00Z`)) / 864e5);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "7 Jan 2027", as the English panel shows dates. */
export const short = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
};

/** The panel's urgency word for `d` days left, by the thresholds of the urgency rule (src/domain/urgency.ts). */
export const levelWord = (d: number): string =>
  d > 60 ? 'Low' : d >= 30 ? 'Medium' : d >= 15 ? 'High' : d >= 0 ? 'Very high' : 'Critical';
