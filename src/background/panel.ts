import { browser } from 'wxt/browser';
import { isPortalUrl } from '../portal/origins';
import { captureEvidence } from './capture';
import { recordGrant } from './grants';

/** Firefox's sidebar API (not in the Chrome-shaped types WXT ships). */
interface FirefoxSidebar {
  sidebarAction: { open(): Promise<void> };
}

/**
 * The toolbar icon, one listener for everything its click does: it opens the panel, and on a portal tab it grants
 * activeTab for evidence capture, which is recorded (grants.ts). It goes through `action.onClicked` (not
 * `openPanelOnActionClick`, which skips onClicked). The order matters: `open()` is called first, with no `await`
 * before it, since the user gesture is lost after the first await; the grant is written after.
 *
 * Firefox ends an activeTab grant on every page load (reload, form POST, link), so a grant given by this click
 * rarely outlives the next step of the portal: there the click also captures the portal tab at once, in the same
 * gesture, as the keyboard command and the menu item do on both browsers.
 */
export function registerToolbar(): void {
  const action = browser.action ?? browser.browserAction;
  action.onClicked.addListener((tab) => {
    if (import.meta.env.FIREFOX) {
      void (browser as unknown as FirefoxSidebar).sidebarAction.open();
    } else if (tab.id !== undefined) {
      void browser.sidePanel.open({ tabId: tab.id });
    }
    const granted = recordGrant(tab, 'action');
    if (import.meta.env.FIREFOX && tab.id !== undefined && isPortalUrl(tab.url)) {
      const tabId = tab.id;
      void granted.then(() => captureEvidence({ tabId, trigger: 'toolbar' }));
    }
  });
}
