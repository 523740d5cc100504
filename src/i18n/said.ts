import type { MessageKey } from './catalogue';

/**
 * A sentence of the catalogue and its parameters: how the background and the stores say something the panel shows.
 * The panel renders `key` in its language; parameters are numbers, dates or technical detail, never sentences.
 */
export interface Said {
  key: MessageKey;
  params?: Record<string, string>;
}

export function isSaid(v: unknown): v is Said {
  if (typeof v !== 'object' || v === null) return false;
  const { key, params } = v as { key?: unknown; params?: unknown };
  return (
    typeof key === 'string' &&
    /^[a-z0-9_]+$/.test(key) &&
    (params === undefined ||
      (typeof params === 'object' &&
        params !== null &&
        Object.values(params).every((p) => typeof p === 'string')))
  );
}

/** The sentence an error carries, when it is one of ours that says itself (Refused, EvidenceStoreError). */
export function saidBy(e: unknown): Said | undefined {
  const said = (e as { said?: unknown } | null)?.said;
  return isSaid(said) ? said : undefined;
}
