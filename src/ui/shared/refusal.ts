import { isRefusal, send, type MessageType, type Payload, type Refusal, type Result } from '../../messaging';
import type { Said } from '../../i18n/said';
import { sayVerbatim } from '../../evidence/report';
import type { Format } from './FormatContext';

/**
 * A sentence of the background or a store in the panel's language. Its parameters go in as they are (record numbers,
 * limits, technical detail): they are facts, not words to translate or dates to reformat. `parts` fills a
 * placeholder with another sentence already said (an import's first problem inside "nothing was imported: …").
 */
export function saidText(f: Format, s: Said, parts: Readonly<Record<string, string>> = {}): string {
  return sayVerbatim(f, s.key, {}, { ...(s.params ?? {}), ...parts });
}

/** The background's refusal in the panel's language, or null when `r` is not a refusal. */
export function refusalText(f: Format, r: unknown): string | null {
  return isRefusal(r) ? saidText(f, r) : null;
}

type RefusalListener = (r: Refusal) => void;
const listeners = new Set<RefusalListener>();

/** Subscribe to refusals of changes sent without a form of their own (a toggle, a menu); returns the unsubscribe. */
export function onRefusal(listener: RefusalListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * `send`, for a control that has no message line of its own (a checkbox, a select, a button that toggles): a
 * refusal is still said, in the panel's one alert line (RefusalLine), and the control shows what is stored again.
 */
export async function sendAndSay<K extends MessageType>(
  type: K,
  payload: Payload<K>,
): Promise<Result<K> | Refusal> {
  const r = await send(type, payload);
  if (isRefusal(r)) for (const l of listeners) l(r);
  return r;
}
