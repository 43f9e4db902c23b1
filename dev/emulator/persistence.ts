/**
 * The store's data folder: a snapshot, a journal of the changes since, and a folder of blobs.
 *
 *   snapshot.jsonl   one JSON value per line: a header (format 2, the sequence number it holds
 *                    everything up to, the lists, small settings), one line per site user, per item
 *                    and per further record (a recycled item), and an end line with the counts;
 *                    read and written in bounded chunks, never as one string
 *   journal.jsonl    one change per line, with increasing sequence numbers: a new item whole, an
 *                    edited item as the fields and properties that changed (never the whole item
 *                    again), a deletion, a site user
 *   blobs/<sha256>   attachment and document contents, written before the change that refers to them
 *
 * The journal is compacted into a new snapshot when it outgrows the snapshot (and at least
 * `compactAtBytes`), at every clean stop and at a start that replayed anything, so neither file
 * grows with the number of edits, only with the data. Folders written by the first version
 * (state.json and whole items in the journal) are read and converted on the first start.
 */
import { createHash } from 'crypto';
import { join } from 'path';
import type { ListKey } from '../../src/model/schema';
import { AppendFile, FileIO, StorageError, TMP_MARK, fsyncDir, readLines, sweepTemporaryFiles, writeFileAtomic } from './disk';
import type { ListData, SiteUser, StoredFile, StoredItem } from './store';

export type JournalEntry =
  | { seq: number; op: 'add'; list: ListKey; item: StoredItem; nextId: number }
  | {
      seq: number;
      op: 'set';
      list: ListKey;
      id: number;
      /** Changed item properties other than fields; `file: null` removes the file. */
      props?: { version?: number; guid?: string; attachments?: StoredFile[]; file?: StoredFile | null };
      /** Changed and added fields. */
      set?: Record<string, unknown>;
      /** Removed fields. */
      unset?: string[];
    }
  | { seq: number; op: 'del'; list: ListKey; id: number }
  | { seq: number; op: 'user'; user: SiteUser }
  /** Format 1 (the first version): a whole item for every change. Still read, never written. */
  | { seq: number; op: 'put'; list: ListKey; item: StoredItem; nextId: number };

/** Any other change the store journals (site settings, say), applied by the store itself on replay. */
export interface OtherEntry {
  seq: number;
  op: string;
  [key: string]: unknown;
}

/** What the data folder loads into and snapshots from: the store's lists and users, and more. */
export interface StoreState {
  lists: Map<ListKey, ListData>;
  users: Map<number, SiteUser>;
  /** Further state kept in the snapshot's header (small: settings, not items). */
  snapshotExtras?(): Record<string, unknown>;
  /** Restores what `snapshotExtras` gave, before the items are loaded. */
  restoreExtras?(extras: Record<string, unknown>): void;
  /** Further snapshot lines (large things, one per line: recycled items, say). */
  snapshotLines?(): Iterable<Record<string, unknown>>;
  /** Restores one line that `snapshotLines` gave. */
  restoreLine?(line: Record<string, unknown>): void;
  /** Restores what a first-version snapshot (state.json) held besides items and users. */
  restoreLegacy?(snapshot: Record<string, unknown>): void;
  /** Replays a journal entry of another kind than items and users. */
  applyOther?(entry: OtherEntry): void;
  /** Blobs that further state refers to (recycled items keep their attachments and files). */
  blobsInUse?(): Iterable<string>;
}

interface SnapshotHeader {
  format: 2;
  seq: number;
  lists: { key: ListKey; id: string; nextId: number; created: string }[];
  extras?: Record<string, unknown>;
}

/** The first version's snapshot: one JSON document. */
interface LegacySnapshot {
  format: 1;
  seq: number;
  lists: { key: ListKey; id: string; nextId: number; created: string; items: StoredItem[] }[];
  users: SiteUser[];
}

const SNAPSHOT = 'snapshot.jsonl';
const LEGACY_SNAPSHOT = 'state.json';
const JOURNAL = 'journal.jsonl';
/** Below this the journal is never compacted during a run (compaction rewrites all data). */
export const DEFAULT_COMPACT_AT_BYTES = 16 * 1024 * 1024;

function same(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b));
}

/** The journal entry for a change from `before` to `after` (a new item when `before` is undefined). */
export function changeEntry(seq: number, list: ListData, before: StoredItem | undefined, after: StoredItem): JournalEntry {
  if (!before) {
    return { seq, op: 'add', list: list.schema.key, item: after, nextId: list.nextId };
  }
  const entry: Extract<JournalEntry, { op: 'set' }> = { seq, op: 'set', list: list.schema.key, id: after.id };
  const props: NonNullable<typeof entry.props> = {};
  if (before.version !== after.version) {
    props.version = after.version;
  }
  if (before.guid !== after.guid) {
    props.guid = after.guid;
  }
  if (!same(before.attachments, after.attachments)) {
    props.attachments = after.attachments;
  }
  if (!same(before.file, after.file)) {
    props.file = after.file ?? null;
  }
  if (Object.keys(props).length) {
    entry.props = props;
  }
  const set: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(after.fields)) {
    if (!(name in before.fields) || !same(before.fields[name], value)) {
      set[name] = value;
    }
  }
  const unset = Object.keys(before.fields).filter((name) => !(name in after.fields));
  if (Object.keys(set).length) {
    entry.set = set;
  }
  if (unset.length) {
    entry.unset = unset;
  }
  return entry;
}

/** Applies one journal entry to the state (replay). */
export function applyEntry(state: StoreState, entry: JournalEntry): void {
  const listOf = (key: ListKey): ListData => {
    const list = state.lists.get(key);
    if (!list) {
      throw new Error(`The journal names a list '${key}' that the schema does not have.`);
    }
    return list;
  };
  switch (entry.op) {
    case 'add':
    case 'put': {
      const list = listOf(entry.list);
      list.items.set(entry.item.id, entry.item);
      list.nextId = Math.max(list.nextId, entry.nextId, entry.item.id + 1);
      break;
    }
    case 'set': {
      const list = listOf(entry.list);
      const item = list.items.get(entry.id);
      if (!item) {
        throw new Error(`The journal changes item ${entry.id} of '${entry.list}', which does not exist (entry ${entry.seq}).`);
      }
      const fields = { ...item.fields, ...(entry.set ?? {}) };
      for (const name of entry.unset ?? []) {
        delete fields[name];
      }
      const { file, ...props } = entry.props ?? {};
      const next: StoredItem = { ...item, ...props, fields };
      if (file === null) {
        delete next.file;
      } else if (file !== undefined) {
        next.file = file;
      }
      list.items.set(entry.id, next);
      break;
    }
    case 'del':
      listOf(entry.list).items.delete(entry.id);
      break;
    case 'user':
      state.users.set(entry.user.id, entry.user);
      break;
    default: {
      const other = entry as unknown as OtherEntry;
      if (!state.applyOther) {
        throw new Error(`The journal has an entry of a kind this emulator does not know: '${other.op}' (entry ${other.seq}).`);
      }
      state.applyOther(other);
    }
  }
}

/** The blobs an item refers to: its attachments' and its file's. */
export function blobsOf(item: StoredItem): string[] {
  return [...item.attachments.map((a) => a.blob), ...(item.file ? [item.file.blob] : [])];
}

/** One journal line: the sequence number first, so that a line can be recognised inside a torn one. */
export function journalLine(entry: JournalEntry | OtherEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

function parseEntry(text: string): JournalEntry | undefined {
  try {
    const value = JSON.parse(text) as JournalEntry;
    return typeof value === 'object' && value !== null && typeof value.seq === 'number' && typeof value.op === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

export interface LoadResult {
  /** The highest sequence number in the snapshot and the journal. */
  seq: number;
  /** Journal entries replayed on top of the snapshot. */
  replayed: number;
  /** Bytes of a torn journal tail that were cut off. */
  cutBytes: number;
  /** Entries recovered from behind torn lines written by the first version. */
  salvaged: number;
  legacy: boolean;
}

export class DataFolder {
  private journal: AppendFile | undefined;
  private snapshotBytes = 0;
  /** Compaction failed (a full disk, say): try again only when the journal has doubled. */
  private compactFloor = 0;

  constructor(
    public readonly dir: string,
    private readonly io: FileIO,
    private readonly compactAtBytes: number = DEFAULT_COMPACT_AT_BYTES
  ) {}

  private path(name: string): string {
    return join(this.dir, name);
  }

  /**
   * Loads the snapshot and replays the journal into `state`, cuts off a torn journal tail and opens
   * the journal for appending. Never writes anything else: a start works on a full disk.
   */
  public load(state: StoreState): LoadResult {
    const io = this.io;
    io.mkdirSync(join(this.dir, 'blobs'), { recursive: true });
    sweepTemporaryFiles(io, this.dir);
    sweepTemporaryFiles(io, join(this.dir, 'blobs'));
    let seq = 0;
    let legacy = false;
    if (io.existsSync(this.path(SNAPSHOT))) {
      seq = this.readSnapshot(state);
    } else if (io.existsSync(this.path(LEGACY_SNAPSHOT))) {
      seq = this.readLegacySnapshot(state);
      legacy = true;
    }
    const result: LoadResult = { seq, replayed: 0, cutBytes: 0, salvaged: 0, legacy };
    let validEnd = 0;
    const journalPath = this.path(JOURNAL);
    if (io.existsSync(journalPath)) {
      let previous = -Infinity;
      let fileEnd = 0;
      for (const line of readLines(io, journalPath)) {
        fileEnd = line.end;
        if (!line.terminated) {
          // A write that did not finish: never acknowledged.
          continue;
        }
        const text = line.bytes.toString('utf8');
        let entry = parseEntry(text);
        if (!entry) {
          // The first version appended behind a torn line, so an acknowledged entry can sit at the
          // end of an unreadable line: take it from there (entries begin with {"seq":).
          const at = text.lastIndexOf('{"seq":');
          entry = at > 0 ? parseEntry(text.slice(at)) : undefined;
          if (entry) {
            result.salvaged++;
          }
        }
        // Anything else unreadable, or out of sequence, is the tail of an append that failed
        // (never acknowledged); it is cut off below.
        if (!entry || entry.seq <= previous) {
          continue;
        }
        previous = entry.seq;
        validEnd = line.end;
        if (entry.seq > seq) {
          applyEntry(state, entry);
          seq = entry.seq;
          result.replayed++;
        }
      }
      result.cutBytes = fileEnd - validEnd;
    }
    this.journal = AppendFile.open(io, journalPath, validEnd);
    result.seq = seq;
    return result;
  }

  private readSnapshot(state: StoreState): number {
    let header: SnapshotHeader | undefined;
    let items = 0;
    let users = 0;
    let extras = 0;
    let ended = false;
    let bytes = 0;
    for (const line of readLines(this.io, this.path(SNAPSHOT))) {
      bytes = line.end;
      if (!line.terminated) {
        break;
      }
      const value = JSON.parse(line.bytes.toString('utf8')) as
        | SnapshotHeader
        | { list: ListKey; item: StoredItem }
        | { user: SiteUser }
        | { extra: Record<string, unknown> }
        | { end: true; items: number; users: number; extras?: number };
      if (!header) {
        if ((value as SnapshotHeader).format !== 2) {
          throw new Error(`${this.path(SNAPSHOT)} is not a snapshot this emulator can read.`);
        }
        header = value as SnapshotHeader;
        if (header.extras) {
          state.restoreExtras?.(header.extras);
        }
        for (const l of header.lists) {
          const list = state.lists.get(l.key);
          if (list) {
            Object.assign(list, { id: l.id, nextId: l.nextId, created: l.created });
          }
        }
      } else if ('item' in value) {
        const list = state.lists.get(value.list);
        if (list) {
          list.items.set(value.item.id, value.item);
          items++;
        }
      } else if ('user' in value) {
        state.users.set(value.user.id, value.user);
        users++;
      } else if ('extra' in value) {
        state.restoreLine?.(value.extra);
        extras++;
      } else if ('end' in value) {
        ended = value.items === items && value.users === users && (value.extras ?? 0) === extras;
      }
    }
    if (!header || !ended) {
      // Snapshots are renamed into place only when complete, so this is damage from outside.
      throw new Error(`${this.path(SNAPSHOT)} is incomplete; restore the folder from a backup or start over with --reset.`);
    }
    this.snapshotBytes = bytes;
    return header.seq;
  }

  private readLegacySnapshot(state: StoreState): number {
    const snapshot = JSON.parse(this.io.readFileSync(this.path(LEGACY_SNAPSHOT)).toString('utf8')) as LegacySnapshot;
    for (const saved of snapshot.lists) {
      const list = state.lists.get(saved.key);
      if (list) {
        Object.assign(list, { id: saved.id, nextId: saved.nextId, created: saved.created });
        for (const item of saved.items) {
          list.items.set(item.id, item);
        }
      }
    }
    for (const u of snapshot.users) {
      state.users.set(u.id, u);
    }
    state.restoreLegacy?.(snapshot as unknown as Record<string, unknown>);
    return snapshot.seq;
  }

  /** Appends journal lines and fsyncs; throws a StorageError (and keeps nothing) when the disk refuses. */
  public append(lines: string): void {
    try {
      this.journal!.append(Buffer.from(lines, 'utf8'));
    } catch (err) {
      throw new StorageError(err as Error);
    }
  }

  public get journalBytes(): number {
    return this.journal?.size ?? 0;
  }

  /** Whether the journal has outgrown the snapshot enough to be compacted. */
  public get wantsCompaction(): boolean {
    const size = this.journalBytes;
    return size > Math.max(this.compactAtBytes, this.snapshotBytes, this.compactFloor);
  }

  /**
   * Writes a new snapshot holding everything up to `seq` and empties the journal. Throws when the
   * snapshot cannot be written; the old snapshot and the journal then stay as they were.
   */
  public compact(state: StoreState, seq: number): void {
    const io = this.io;
    try {
      this.snapshotBytes = writeFileAtomic(io, this.path(SNAPSHOT), (write) => {
        const header: SnapshotHeader = {
          format: 2,
          seq,
          lists: [...state.lists.values()].map((l) => ({ key: l.schema.key, id: l.id, nextId: l.nextId, created: l.created })),
          extras: state.snapshotExtras?.()
        };
        write(`${JSON.stringify(header)}\n`);
        let items = 0;
        for (const user of state.users.values()) {
          write(`${JSON.stringify({ user })}\n`);
        }
        for (const l of state.lists.values()) {
          for (const item of l.items.values()) {
            write(`${JSON.stringify({ list: l.schema.key, item })}\n`);
            items++;
          }
        }
        let extras = 0;
        for (const extra of state.snapshotLines?.() ?? []) {
          write(`${JSON.stringify({ extra })}\n`);
          extras++;
        }
        write(`${JSON.stringify({ end: true, items, users: state.users.size, extras })}\n`);
      });
    } catch (err) {
      this.compactFloor = this.journalBytes * 2;
      throw new StorageError(err as Error);
    }
    // The snapshot holds everything up to `seq`; entries up to it are skipped on replay even if
    // the journal cannot be emptied now.
    this.compactFloor = 0;
    try {
      this.journal!.reset();
    } catch (err) {
      throw new StorageError(err as Error);
    }
    if (io.existsSync(this.path(LEGACY_SNAPSHOT))) {
      io.unlinkSync(this.path(LEGACY_SNAPSHOT));
      fsyncDir(io, this.dir);
    }
  }

  public close(): void {
    this.journal?.close();
    this.journal = undefined;
  }

  // ----- blobs -----------------------------------------------------------------------------

  /** Stores content under its sha256 (durably, before the change that refers to it is journalled). */
  public putBlob(content: Buffer): string {
    const hash = createHash('sha256').update(content).digest('hex');
    const path = join(this.dir, 'blobs', hash);
    if (!this.io.existsSync(path)) {
      try {
        writeFileAtomic(this.io, path, (write) => write(content));
      } catch (err) {
        throw new StorageError(err as Error);
      }
    }
    return hash;
  }

  public getBlob(hash: string): Buffer {
    return this.io.readFileSync(join(this.dir, 'blobs', hash));
  }

  /**
   * Removes blobs nothing refers to (left by a change that failed after its blob was written):
   * neither an item nor further state such as the recycle bin, whose items SharePoint keeps whole
   * until they are restored "to their original location" (RecycleBinItem.Restore,
   * https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-csom/ee544030(v=office.15)).
   */
  public sweepBlobs(state: StoreState): number {
    const referenced = new Set<string>(state.blobsInUse?.() ?? []);
    for (const list of state.lists.values()) {
      for (const item of list.items.values()) {
        blobsOf(item).forEach((b) => referenced.add(b));
      }
    }
    let removed = 0;
    const dir = join(this.dir, 'blobs');
    for (const name of this.io.readdirSync(dir)) {
      if (!referenced.has(name) && !name.includes(TMP_MARK)) {
        try {
          this.io.unlinkSync(join(dir, name));
          removed++;
        } catch {
          // Kept for the next start.
        }
      }
    }
    return removed;
  }
}
