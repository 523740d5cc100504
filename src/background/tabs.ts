import { browser } from 'wxt/browser';
import { tabReadingsItem } from '../storage';
import { dropGrant, endGrantIfLeft } from './grants';
import { update } from './update';

/**
 * The tab listeners, one each. A closed tab's reading is of no more use (the person's facts keep what was learnt)
 * and its capture grant is gone; a tab that leaves the portal's origin loses its grant (grants.ts).
 */
export function registerTabs(): void {
  browser.tabs.onRemoved.addListener((tabId) => {
    void update(tabReadingsItem, (all) => {
      if (!(String(tabId) in all)) return all;
      const rest = { ...all };
      delete rest[String(tabId)];
      return rest;
    });
    void dropGrant(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, info, tab) => void endGrantIfLeft(tabId, info, tab));
}
