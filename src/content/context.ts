/**
 * The content script's context, in place of WXT's `ContentScriptContext` (wxt.config.ts aliases WXT's module to
 * this file, so the framework's own entry wrapper builds this one).
 *
 * Why: WXT's context announces every start to the page. It dispatches `<id>:portal:wxt:content-script-started`
 * on `document` and `window.postMessage`s the same name (to stop an older copy of the script), listens on the
 * page's `document` for that name (so the page could stop us), and its location watcher dispatches
 * `wxt:locationchange` on `window`. The portal's own scripts can observe all of that. This context does none of
 * it: it talks to nothing on the page and listens to nothing the page can send. An older copy of the script stops
 * by itself: once its extension is reloaded or removed, the runtime's `id` is gone and `isValid` turns false.
 */
import { nativeRuntime } from './runtime';

export class ContentScriptContext {
  readonly #controller = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: object,
  ) {}

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** False once the extension that injected this script was reloaded, updated or removed. */
  get isValid(): boolean {
    if (nativeRuntime()?.id == null) this.notifyInvalidated();
    return !this.signal.aborted;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  /**
   * A listener on a page object (window, document) from this script's own isolated world, released when the
   * context ends. Only events the browser itself dispatched (`isTrusted`) reach `handler`: a page script that
   * dispatches the same event name cannot steer the content script.
   */
  addEventListener<E extends Event>(
    target: EventTarget,
    type: string,
    handler: (event: E) => void,
    options?: AddEventListenerOptions,
  ): void {
    target.addEventListener(
      type,
      (e) => {
        if (e.isTrusted) handler(e as E);
      },
      { ...options, signal: this.signal },
    );
  }

  notifyInvalidated(): void {
    if (!this.signal.aborted) this.#controller.abort('Content script context invalidated');
  }
}
