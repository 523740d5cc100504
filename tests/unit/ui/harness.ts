import { render } from 'preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerRouter } from '../../../src/background/router';

export interface SentMessage {
  type: string;
  payload: unknown;
}

/** The instant card tests run at (Tuesday 1 December 2026, 10:00 in Istanbul), as the E2E tests. */
export const CARD_NOW = new Date('2026-12-01T07:00:00.000Z');

/**
 * A card test's setup: a fresh fake browser with the REAL background router, guard and handlers answering the
 * panel (the panel's page is the sender, as in the browser), every message recorded in `sent`, and a `root`
 * element in the document to render into (emptied after each test). A card that says "Saved." here said it
 * because the background stored the value, and a refusal is the background's own.
 */
export function cardHarness(now: () => Date = () => CARD_NOW): { root: HTMLElement; sent: SentMessage[] } {
  const root = document.createElement('div');
  const sent: SentMessage[] = [];
  beforeEach(() => {
    fakeBrowser.reset();
    sent.length = 0;
    registerRouter(now);
    const panel = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') };
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (m: unknown) => {
      sent.push(m as SentMessage);
      return (await fakeBrowser.runtime.onMessage.trigger(m, panel)).find((x) => x !== undefined);
    }) as never);
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.restoreAllMocks();
  });
  return { root, sent };
}
