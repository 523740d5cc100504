/**
 * The benchmark's floor: an extension that does nothing, loaded the same way as ours. Its content script is empty
 * and runs on the same matches at the same time (document_idle), so a page loaded with it pays what the browser
 * charges for any extension's content script (an isolated world, the injection) and nothing of ours. Its
 * `blank.html` is the floor of the panel's first render: an extension page with one `<main>` and no script.
 *
 * `burnMs` makes the positive control: a content script that keeps the main thread busy for that long after the
 * page's load, so `npm run bench -- --control` shows that the page-cost rows see a cost of that size.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PORTAL_MATCHES } from '../../src/portal/origins';

export function floorExtension(opts: { burnMs?: number } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'ikamet-floor-ext-'));
  const manifest = {
    manifest_version: 3,
    name: opts.burnMs ? `bench control (${opts.burnMs} ms)` : 'bench floor (empty)',
    version: '1.0.0',
    // A worker, as ours has: the harness waits for an extension's worker to know its id.
    background: { service_worker: 'background.js' },
    host_permissions: PORTAL_MATCHES,
    content_scripts: [{ matches: PORTAL_MATCHES, js: ['content.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'background.js'), '// nothing\n');
  writeFileSync(
    join(dir, 'content.js'),
    opts.burnMs
      ? `(() => { const t = performance.now(); while (performance.now() - t < ${opts.burnMs}); })();\n`
      : '// nothing\n',
  );
  writeFileSync(
    join(dir, 'blank.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body><main>blank</main></body></html>\n',
  );
  return dir;
}
