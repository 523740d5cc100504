import { type Clock, systemClock } from '../clock';
import { browser } from 'wxt/browser';
import { admit, senderKind } from './guard';
import { dispatch } from './handlers';

/** One listener for every message: drop what isn't ours or isn't well-formed, answer the rest with a Promise. */
export function registerRouter(now: Clock = systemClock): void {
  const ownId = browser.runtime.id;
  const ownBase = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const kind = senderKind(sender, ownId, ownBase);
    const envelope = kind && admit(message, kind);
    if (!envelope) return undefined; // dropped silently: not ours to answer
    return dispatch(envelope, { tabId: sender.tab?.id ?? null, now }).catch((e: unknown) => ({
      ok: false,
      error: e instanceof Error ? e.message : String(e),
    }));
  });
}
