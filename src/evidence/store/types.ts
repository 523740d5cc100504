/** The evidence store's public shapes: what goes in, what the list and summary give back, and the store itself. */
import type {
  CaptureFields,
  CaptureRecord,
  Entry,
  ImageType,
  NoteEditEntry,
  Sha256,
  TombstoneEntry,
} from '../record';

export interface ImageInput {
  bytes: Uint8Array;
  type: ImageType;
  width: number;
  height: number;
}

/** A record's screenshot and thumbnail, as a verified bundle or backup brings them, by record id. */
export type ImageFiles = ReadonlyMap<string, { image: ImageInput | null; thumb: ImageInput | null }>;

export interface LogFilter {
  personId?: string | null;
  /** Istanbul calendar days, inclusive (`yyyy-MM-dd`). */
  fromDay?: string | null;
  toDay?: string | null;
}

export interface ListQuery extends LogFilter {
  /** Return captures with a seq below this one (the `nextCursor` of the previous page). */
  before?: number | null;
  limit?: number;
}

export interface ListItem {
  record: CaptureRecord;
  note: string;
  noteEdited: boolean;
}

export interface LogSummary {
  attempts: number;
  noSlotsAttempts: number;
  firstUtc: string | null;
  lastUtc: string | null;
  /** Istanbul calendar days of the first and last attempt. */
  firstDay: string | null;
  lastDay: string | null;
  /** Captures deleted (tombstoned) whose capture time falls in the date range. */
  removed: number;
}

export interface ImportResult {
  added: number;
  skipped: number;
}

/** Where the export reads from; the store is one, tests may pass another. */
export interface BundleSource {
  allEntries(): Promise<Entry[]>;
  imageBytes(id: string): Promise<Uint8Array | null>;
  thumbBytes(id: string): Promise<Uint8Array | null>;
}

export interface EvidenceStore extends BundleSource {
  /** Appends a capture; `fields.capturedAtUtc` is when the screenshot was taken. */
  appendCapture(fields: CaptureFields, image: ImageInput, thumb: ImageInput | null): Promise<CaptureRecord>;
  editNote(id: string, note: string, now: Date, extensionVersion: string): Promise<NoteEditEntry>;
  remove(id: string, reason: string, now: Date, extensionVersion: string): Promise<TombstoneEntry[]>;
  list(query?: ListQuery): Promise<{ items: ListItem[]; nextCursor: number | null }>;
  count(filter?: LogFilter): Promise<number>;
  summary(filter?: LogFilter): Promise<LogSummary>;
  getImage(id: string): Promise<Blob | null>;
  getThumb(id: string): Promise<Blob | null>;
  head(): Promise<{ seq: number; hash: string } | null>;
  /** Adds entries of a verified bundle that are not here yet (see import.ts); all or nothing. */
  importEntries(entries: readonly Entry[], files: ImageFiles): Promise<ImportResult>;
  /**
   * Replaces the whole log with a verified bundle's entries (a backup restore): all or nothing, see below.
   * `afterCommit` runs once the new log is in place, still under the append lock; if it throws, the old log is put
   * back exactly as it was and the error is rethrown.
   */
  replaceAll(
    entries: readonly Entry[],
    files: ImageFiles,
    opts?: { afterCommit?: () => Promise<void> },
  ): Promise<{ entries: number; records: number }>;
  close(): void;
}

export interface StoreOptions {
  indexedDB?: IDBFactory;
  name?: string;
  sha256?: Sha256;
}
