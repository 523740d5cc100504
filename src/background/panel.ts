import { browser } from 'wxt/browser';

/** Firefox's sidebar API (not in the Chrome-shaped types WXT ships). */
interface FirefoxSidebar {
  sidebarAction: { open(): Promise<void> };
}

/**
 * The toolbar icon opens the panel. It goes through `action.onClicked` (not `openPanelOnActionClick`, which
 * skips onClicked) because the click is also what grants activeTab on the portal tab for evidence capture.
 * `open()` is called first, with no `await` before it: the user gesture is lost after the first await.
 */
export function registerPanelOpener(): void {
  const action = browser.action ?? browser.browserAction;
  action.onClicked.addListener((tab) => {
    if (import.meta.env.FIREFOX) {
      void (browser as unknown as FirefoxSidebar).sidebarAction.open();
    } else if (tab.id !== undefined) {
      void browser.sidePanel.open({ tabId: tab.id });
    }
  });
}
