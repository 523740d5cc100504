// @vitest-environment happy-dom
/**
 * The content script's quiet context: it listens to nothing the page can forge (untrusted events are dropped),
 * sends nothing to the page, and ends when its extension is gone.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from '../../../src/content/context';

afterEach(() => vi.restoreAllMocks());

describe('the quiet content-script context', () => {
  it('ignores events a page script dispatches (isTrusted false), and releases listeners when it ends', () => {
    const ctx = new ContentScriptContext('portal');
    const seen: string[] = [];
    ctx.addEventListener(window, 'hashchange', (e) => seen.push(e.type));
    // A page script forging the browser's events: dropped.
    window.dispatchEvent(new Event('hashchange'));
    expect(seen).toEqual([]);
    // The guard is what drops it: the same listener sees a trusted event (isTrusted forced, as the browser sets it).
    const trusted = new Event('hashchange');
    Object.defineProperty(trusted, 'isTrusted', { value: true });
    window.dispatchEvent(trusted);
    expect(seen).toEqual(['hashchange']);
    ctx.notifyInvalidated();
    const again = new Event('hashchange');
    Object.defineProperty(again, 'isTrusted', { value: true });
    window.dispatchEvent(again);
    expect(seen).toEqual(['hashchange']);
  });

  it("dispatches and posts nothing when it starts (WXT's context announces itself)", () => {
    const posted = vi.spyOn(window, 'postMessage');
    const docEvents = vi.spyOn(document, 'dispatchEvent');
    const winEvents = vi.spyOn(window, 'dispatchEvent');
    const listens = vi.spyOn(document, 'addEventListener');
    new ContentScriptContext('portal');
    expect(posted).not.toHaveBeenCalled();
    expect(docEvents).not.toHaveBeenCalled();
    expect(winEvents).not.toHaveBeenCalled();
    expect(listens).not.toHaveBeenCalled();
  });

  it('ends when the extension is reloaded or removed (runtime.id gone), and tells its listeners', () => {
    const ctx = new ContentScriptContext('portal');
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    expect(ctx.isValid).toBe(true);
    vi.spyOn(browser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    expect(ctx.isValid).toBe(false);
    expect(ended).toHaveBeenCalledTimes(1);
  });
});
