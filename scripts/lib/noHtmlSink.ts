import type { Plugin } from 'vite';

/**
 * Takes the one HTML sink out of the bundle: Preact's `dangerouslySetInnerHTML`, which writes `innerHTML`. The
 * panel never uses it (page text is data, never HTML: eslint forbids the prop in src/), so the branch can only be
 * reached by a mistake; with it gone, nothing in the built add-on can assign `innerHTML`, and Mozilla's validator
 * (addons-linter, run by `npm test`) has no unsafe assignment to warn about. The build fails if Preact's code
 * changes shape and the sink is not found, so an upgrade cannot bring it back unseen
 * (tests/unit/build/noHtmlSink.test.ts).
 */
export const PREACT_HTML_SINK = /\(([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html\)/;

export function noHtmlSink(): Plugin {
  return {
    name: 'ikamet:no-html-sink',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id.split('?')[0]!)) return null;
      if (!PREACT_HTML_SINK.test(code)) {
        this.error(
          "Preact's innerHTML sink was not found: check scripts/lib/noHtmlSink.ts against this Preact.",
        );
      }
      return {
        code: code.replace(
          PREACT_HTML_SINK,
          '(()=>{throw new Error("dangerouslySetInnerHTML is not built in")})()',
        ),
        map: null,
      };
    },
  };
}
