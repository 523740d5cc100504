import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export interface SentMessage {
  type: string;
  payload: unknown;
}

/**
 * A card test's setup: a fresh fake browser whose background answers every message with `{ ok: true }` and
 * records it in `sent`, and a `root` element in the document to render into (emptied after each test).
 */
export function cardHarness(): { root: HTMLElement; sent: SentMessage[] } {
  const root = document.createElement('div');
  const sent: SentMessage[] = [];
  beforeEach(() => {
    fakeBrowser.reset();
    sent.length = 0;
    fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
      sent.push(msg as SentMessage);
      return Promise.resolve({ ok: true });
    });
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  return { root, sent };
}
