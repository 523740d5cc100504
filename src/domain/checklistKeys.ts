/**
 * Which checklist keys and item ids exist: the background stores a tick, an n/a mark or a note only for these, so
 * storage never fills with keys a panel bug or a stray message invented.
 */
import { applicationItemIds } from './checklists';
import { RANDEVU_TYPES } from './randevuTypes';

export function knownItemIds(key: string): Set<string> | null {
  const r = /^randevu:([a-z0-9-]+)$/.exec(key);
  if (r) {
    const t = RANDEVU_TYPES.find((x) => x.id === r[1]);
    return t ? new Set(t.documents.map((i) => i.id)) : null;
  }
  return applicationItemIds(key);
}

export function isKnownChecklistItem(key: string, itemId: string): boolean {
  return knownItemIds(key)?.has(itemId) ?? false;
}
