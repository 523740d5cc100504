import { isRefusal } from '../messaging';
import type { Format } from './format';

/** The background's refusal in the panel's language, or null when `r` is not a refusal. */
export function refusalText(f: Format, r: unknown): string | null {
  return isRefusal(r) ? f.t(r.key, r.params) : null;
}

/**
 * For the evidence log's own sentences: a `failed` refusal carries the store's English sentence as its detail, which
 * src/ui/evidenceText.ts still maps to the log's translated sentences; any other refusal is said as itself.
 */
export function evidenceRefusalText(f: Format, r: unknown, relayed: (english: string) => string): string {
  if (isRefusal(r) && r.code === 'failed') return relayed(r.params?.detail ?? '');
  return refusalText(f, r) ?? relayed('');
}
