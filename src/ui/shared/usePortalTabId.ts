import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isPortalUrl } from '../../portal/origins';

/**
 * The portal tab the panel sits beside: the active tab of the panel's own window when it is a portal tab (the
 * docked side panel). When the panel page is open on its own (a tab or window of its own: Firefox's sidebar
 * detached, or tests), the portal tab last read, if it is still the visible tab of its window.
 */
export function usePortalTabId(lastTabId: number | null): number | null {
  const [tabId, setTabId] = useState<number | null>(null);
  useEffect(() => {
    const check = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id !== undefined && isPortalUrl(tab.url)) return setTabId(tab.id);
      const last = lastTabId === null ? null : await browser.tabs.get(lastTabId).catch(() => null);
      setTabId(last?.id !== undefined && last.active && isPortalUrl(last.url) ? last.id : null);
    };
    void check();
    const onActivated = () => void check();
    const onUpdated = (_id: number, info: { url?: string; status?: string }) => {
      if (info.url || info.status === 'complete') void check();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onActivated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onActivated);
    };
  }, [lastTabId]);
  return tabId;
}
