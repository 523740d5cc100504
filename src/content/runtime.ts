/**
 * The extension runtime as the browser itself gives it to the content script, without webextension-polyfill:
 * Chrome (MV3) and Firefox both return promises from the one call the script makes (`runtime.sendMessage`), and
 * the polyfill was a quarter of the content script's gzip size (bench row "bundle: content script", issue #20).
 *
 * `browser` first (Firefox's own promise API; Chrome may define it too), `chrome` otherwise. Both are read from the
 * content script's isolated world, which the page's scripts cannot reach or replace. Undefined once the extension
 * that injected the script is gone (its `id` disappears first).
 */
export interface NativeRuntime {
  readonly id?: string;
  sendMessage(message: unknown): Promise<unknown>;
}

export function nativeRuntime(): NativeRuntime | undefined {
  const g = globalThis as { browser?: { runtime?: NativeRuntime }; chrome?: { runtime?: NativeRuntime } };
  return g.browser?.runtime ?? g.chrome?.runtime;
}
