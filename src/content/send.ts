/**
 * The content script's messages to the background, through the browser's own runtime (./runtime.ts says why not
 * the polyfill). The answer is checked as the panel's `send` checks it (src/protocol.ts `sendVia`).
 */
import { sendVia, type MessageType, type Payload, type Refusal, type Result } from '../protocol';
import { nativeRuntime } from './runtime';

export function sendFromContent<K extends MessageType>(
  type: K,
  payload: Payload<K>,
): Promise<Result<K> | Refusal> {
  return sendVia(
    (m) => {
      const runtime = nativeRuntime();
      if (!runtime) throw new Error('the extension is gone (no runtime in this world)');
      return runtime.sendMessage(m);
    },
    type,
    payload,
  );
}
