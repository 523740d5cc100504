import { browser } from 'wxt/browser';
import { tabReadingsItem } from '../storage';
import { update } from './update';

/** A closed tab's reading is of no more use: drop it (the person's facts keep what was learnt). */
export function registerTabCleanup(): void {
  browser.tabs.onRemoved.addListener((tabId) => {
    void update(tabReadingsItem, (all) => {
      if (!(String(tabId) in all)) return all;
      const rest = { ...all };
      delete rest[String(tabId)];
      return rest;
    });
  });
}
