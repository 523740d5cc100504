/**
 * Which portal tabs a user gesture granted capture on (activeTab): recorded by the toolbar click, the keyboard
 * command and the context-menu item, ended when the tab leaves the portal's origin, forgotten when it closes. The
 * browser does not tell an extension which grants it holds, so this is a belief kept in session storage
 * (src/evidence/captureState.ts says what it can and cannot know).
 */
import { type Clock, systemClock } from '../clock';
import type { Browser } from 'wxt/browser';
import { armedFor, type ArmedState, type GrantVia } from '../evidence/captureState';
import { isPortalUrl } from '../portal/origins';
import { captureGrantsItem } from '../storage';
import { update } from './update';

function originOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

/**
 * Forget a tab's grant (the tab closed, or a capture was refused without a known reason). A grant already marked
 * ended by a cross-origin navigation is kept as it is, so the panel goes on saying why a new click is needed.
 */
export async function dropGrant(tabId: number, keepEnded = false): Promise<void> {
  await update(captureGrantsItem, (all) => {
    if (!(String(tabId) in all)) return all;
    if (keepEnded && all[String(tabId)]?.endedAt) return all;
    const rest = { ...all };
    delete rest[String(tabId)];
    return rest;
  });
}

/** A user gesture on a portal tab granted activeTab: remember it so the panel can say capture is armed. */
export async function recordGrant(
  tab: Browser.tabs.Tab | undefined,
  via: GrantVia,
  now: Clock = systemClock,
): Promise<void> {
  const origin = originOf(tab?.url);
  if (tab?.id === undefined || !origin || !isPortalUrl(tab.url)) return;
  const grant = { tabId: tab.id, origin, at: now().toISOString(), via };
  await update(captureGrantsItem, (all) => ({ ...all, [String(tab.id)]: grant }));
}

/** Whether a capture of this tab is expected to work now (see captureState.ts for what this can and cannot know). */
export async function captureState(tabId: number | null): Promise<ArmedState> {
  return armedFor(await captureGrantsItem.getValue(), tabId);
}

/**
 * A tab changed address: a grant ends when the tab leaves the origin it was given on. With host access to the
 * portals only, the browser hides the URL of any other page: no URL means the tab left the portals, and the
 * activeTab grant with it. The grant is marked ended (not dropped), so the panel says a new click is needed.
 *
 * Firefox ties the grant to the document (../shared/browser-facts.md): there any new page load ends it, on the
 * same origin too (`endsOnEveryLoad`). A same-document navigation (the randevu app's route changes) keeps it.
 */
export async function endGrantIfLeft(
  tabId: number,
  info: { url?: string; status?: string },
  tab: Browser.tabs.Tab | undefined,
  now: Clock = systemClock,
  endsOnEveryLoad: boolean = import.meta.env.FIREFOX,
): Promise<void> {
  if (!info.url && info.status !== 'loading') return;
  const origin = originOf(info.url ?? tab?.url);
  const newDocument = endsOnEveryLoad && info.status === 'loading';
  await update(captureGrantsItem, (all) => {
    const g = all[String(tabId)];
    if (!g || g.endedAt || (origin === g.origin && !newDocument)) return all;
    return { ...all, [String(tabId)]: { ...g, endedAt: now().toISOString() } };
  });
}
