/**
 * Firefox: nothing leaves the machine. Every page request is intercepted and every other request of the browser
 * goes to a recording proxy (scripts/lib/firefox.ts); the add-on makes none while it reads both portals and the
 * panel is used. Positive control: a copy of the add-on that sends one request from its background page and one
 * from its content script is caught on both.
 */
import { describe, expect, it } from 'vitest';
import { waitFor } from '../../scripts/lib/browser';
import { launchFirefox } from '../../scripts/lib/firefox';
import { CANARY_URLS } from '../../scripts/lib/firefoxCopy';
import { FIXTURES } from '../fixtures';

describe('Firefox: no network', () => {
  it('makes no request of its own on either portal, with the panel open', async () => {
    const ff = await launchFirefox();
    try {
      for (const f of FIXTURES.filter((x) => x.lang === 'en').slice(0, 8)) {
        const page = await ff.openPortal(f.url, f.file);
        await new Promise((r) => setTimeout(r, f.settledAfterMs + 300));
        await page.close();
      }
      const panel = await ff.panel();
      for (const tab of ['documents', 'evidence', 'stay', 'more', 'deadlines'])
        await panel.click(`#tab-${tab}`);
      expect(ff.violations()).toEqual([]);
    } finally {
      await ff.close();
    }
  });

  it('positive control: a request from the background page and one from a content script are both caught', async () => {
    const ff = await launchFirefox({ canary: true });
    const f = FIXTURES.find((x) => x.portal === 'e-ikamet' && x.lang === 'en')!;
    const page = await ff.openPortal(f.url, f.file);
    const caught = await waitFor(() => {
      const v = ff.violations();
      return CANARY_URLS.every((u) => v.some((x) => x.includes(new URL(u).host))) ? v : null;
    }, 'both canary requests');
    expect(caught.length).toBeGreaterThanOrEqual(2);
    await page.close();
    ff.forget((s) => s.includes('canary.invalid'));
    await ff.close();
  });
});
