/**
 * The evidence log: a hash chain of captures, note edits and deletions in IndexedDB, shared by the service worker
 * and the panel. One file per concern: errors.ts (what can go wrong, in the user's language), idb.ts (the database,
 * its transactions, the chunked screenshot writer, the append lock), rows.ts (entries onto rows), chain.ts (the one
 * way the chain grows), queries.ts (reading it), merge.ts (import and restore).
 */
import { webSha256 } from '../record';
import { chainWrites, committer } from './chain';
import { connect } from './idb';
import { merging } from './merge';
import { queries } from './queries';
import type { EvidenceStore, StoreOptions } from './types';

export * from './errors';
export * from './types';
export { DB_NAME, DB_VERSION, withAppendLock } from './idb';

export function openEvidenceStore(opts: StoreOptions = {}): EvidenceStore {
  const c = connect(opts);
  const commit = committer(c);
  return {
    ...chainWrites(c, commit, opts.sha256 ?? webSha256),
    ...queries(c),
    ...merging(c, commit),
    close: c.close,
  };
}

let shared: EvidenceStore | null = null;

/** The store every context of the extension uses (the worker and the panel each open their own connection). */
export function sharedEvidenceStore(): EvidenceStore {
  shared ??= openEvidenceStore();
  return shared;
}

/** Tests: forget the shared connection (e.g. after swapping the global `indexedDB`). */
export function resetSharedEvidenceStore(): void {
  shared?.close();
  shared = null;
}
