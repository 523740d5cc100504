/**
 * The protocol (src/protocol.ts) and `send` for the panel and the background, through webextension-polyfill.
 * The content script sends through src/content/send.ts instead (no polyfill in the portal's pages).
 */
import { browser } from 'wxt/browser';
import { sendVia, type MessageType, type Payload, type Refusal, type Result } from './protocol';

export * from './protocol';

/**
 * Send a message to the background. Always resolves to an answer: the handler's result, a coded refusal, or
 * `no-answer` when none came (a dropped message, a stopped worker): never `undefined`, so a caller cannot take
 * silence for success.
 */
export function send<K extends MessageType>(type: K, payload: Payload<K>): Promise<Result<K> | Refusal> {
  return sendVia((m) => browser.runtime.sendMessage(m), type, payload);
}
