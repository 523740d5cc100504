import { browser } from 'wxt/browser';
import { recordGrant } from './grants';

/** Firefox's sidebar API (not in the Chrome-shaped types WXT ships). */
interface FirefoxSidebar {
  sidebarAction: { open(): Promise<void> };
}

/**
 * The toolbar icon, one listener for both things its click does: it opens the panel, and on a portal tab it
 * grants activeTab for evidence capture, which is recorded (grants.ts). It goes through `action.onClicked` (not
 * `openPanelOnActionClick`, which skips onClicked). The order matters: `open()` is called first, with no `await`
 * before it, since the user gesture is lost after the first await; the grant is written after.
 */
export function registerToolbar(): void {
  const action = browser.action ?? browser.browserAction;
  action.onClicked.addListener((tab) => {
    if (import.meta.env.FIREFOX) {
      void (browser as unknown as FirefoxSidebar).sidebarAction.open();
    } else if (tab.id !== undefined) {
      void browser.sidePanel.open({ tabId: tab.id });
    }
    void recordGrant(tab, 'action');
  });
}
