import { type Clock, systemClock } from '../clock';
import { browser } from 'wxt/browser';
import { admit, senderKind } from './guard';
import { dispatch } from './handlers';
import { refusal, saidBy } from '../messaging';
import { Refused } from './refused';

/**
 * One listener for every message. A foreign sender (another extension, a web page, a frame) gets silence. Our own
 * panel and content script always get an answer: the handler's result, `invalid` when the guard or the handler
 * refuses the message as it came, or `failed` when the handler could not finish, each with its sentence
 * (src/messaging.ts, Refusal).
 */
export function registerRouter(now: Clock = systemClock): void {
  const ownId = browser.runtime.id;
  const ownBase = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const kind = senderKind(sender, ownId, ownBase);
    if (!kind) return undefined; // not ours to answer
    const envelope = admit(message, kind);
    if (!envelope) return Promise.resolve(refusal('invalid'));
    return dispatch(envelope, { tabId: sender.tab?.id ?? null, now }).catch((e: unknown) =>
      // A handler's or store's own sentence when it has one (Refused, EvidenceStoreError), else the general one.
      refusal(e instanceof Refused ? 'invalid' : 'failed', {
        said: saidBy(e),
        detail: e instanceof Error ? e.message : String(e),
      }),
    );
  });
}
