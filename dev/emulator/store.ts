/**
 * The emulator's data: lists provisioned from the feature XML (provisioning.ts), their settings as
 * changed over REST, the site's security and recycle bin, their items, site users and file
 * contents, kept in memory with indexes and persisted to a folder (persistence.ts, disk.ts).
 *
 * Durability: every change is journalled and fsync'ed before the request that made it is answered
 * (changes arriving together share one fsync); a change the disk refuses is undone and answered
 * with an error. On start the snapshot is loaded and the journal replayed; a torn tail (a crash or
 * a full disk mid-write, never acknowledged) is cut off before anything is appended.
 */
import { DIRECTORY, type DirectoryPerson } from './directory';
import { createHash, randomUUID } from 'crypto';
import type { SiteLanguage } from './errors';
import { ListKey } from '../../src/model/schema';
import { FileIO, StorageError, nodeIO } from './disk';
import { DataFolder, LoadResult, OtherEntry, blobsOf, changeEntry, journalLine } from './persistence';
import { SiteList, provisionFromFeature } from './provisioning';
import { DEFAULT_SITE_TIME_ZONE, ISiteTimeZone } from './regional';
import { BasePermissions, RoleAssignment, SiteSecurity, defaultRoleDefinitions, fromBasePermissions, toBasePermissions } from './security';
import { Comparable, ValueKind, columnKind, comparable, compareComparable } from './values';

export interface StoredFile {
  name: string;
  /** sha256 of the content; the bytes live in the blob folder (or memory). */
  blob: string;
  size: number;
  version: number;
  created: string;
  modified: string;
}

export interface StoredItem {
  id: number;
  version: number;
  guid: string;
  /** Field values by stored name: Title, AreaId, AreasId, OwnerId, Created, AuthorId, … */
  fields: Record<string, unknown>;
  attachments: StoredFile[];
  /** Document libraries: the file this item describes. */
  file?: StoredFile;
}

export interface SiteUser {
  id: number;
  /** Short sign-in alias of a dev user (the cookie value), e.g. anna. */
  key?: string;
  title: string;
  email: string;
  loginName: string;
  /** The SharePoint group on the Säkerhet site, or undefined for users without access. */
  group?: 'visitors' | 'staff' | 'areaOwners' | 'owners';
  isSiteAdmin: boolean;
  /** SP.Utilities.PrincipalType: 1 a user (the default), 4 a security group of the directory. */
  principalType?: 1 | 4;
}

export interface ListData {
  /** The list as provisioned from XML, with the settings changed since (item-level security, indexes). */
  schema: SiteList;
  id: string;
  items: Map<number, StoredItem>;
  nextId: number;
  created: string;
  /** The list's own role assignments once its inheritance is broken; undefined: the web's apply. */
  roleAssignments?: RoleAssignment[];
}

/** The site's security as persisted (masks as SharePoint writes them). */
export interface SavedSecurity {
  roleDefinitions: (Omit<SiteSecurity['roleDefinitions'][number], 'mask'> & { mask: BasePermissions })[];
  groups: SiteSecurity['groups'];
  webAssignments: RoleAssignment[];
  associated: SiteSecurity['associated'];
  lists: { key: ListKey; roleAssignments?: RoleAssignment[] }[];
}

/** What REST can change on a list after provisioning; persisted with the data. */
export interface ListSettings {
  readSecurity: SiteList['readSecurity'];
  writeSecurity: SiteList['writeSecurity'];
  enableAttachments?: boolean;
  indexedBuiltIns: string[];
  fields: { name: string; indexed: boolean; unique: boolean; relationshipDeleteBehavior: string; required?: boolean; choices?: string[] }[];
  /** Fields added over REST since the list was provisioned (createFieldAsXml), whole. */
  added?: SiteList['fields'];
}

/**
 * An item in the site's recycle bin (SP.RecycleBinItem: Id, DeletedDate, DeletedById, LeafName…),
 * kept whole so that it could be restored.
 */
export interface RecycledItem {
  /** The recycle bin item's ID, which SP.ListItem.recycle() answers. */
  id: string;
  list: ListKey;
  item: StoredItem;
  deletedById: number;
  deletedDate: string;
  /** SP.RecycleBinItemState: 1 the site's (first-stage) recycle bin, 2 the site collection's (second stage). */
  stage?: 1 | 2;
}

/** The stored name of a schema field: lookups and people keep their id under `<Name>Id`. */
export function storedName(type: string, name: string): string {
  return type === 'Lookup' || type === 'LookupMulti' || type === 'User' ? `${name}Id` : name;
}

/**
 * A sorted view of one indexed column, rebuilt lazily after writes. It answers "how many items,
 * and which, match this comparison" without scanning the list, as SharePoint's index does. Keys
 * are typed by the column (see values.ts): a text column's values are text whatever they look
 * like, and text compares case-insensitively in the site's sort order.
 */
interface IndexEntry {
  key: Comparable;
  id: number;
}

class ColumnIndex {
  private sorted: IndexEntry[] = [];
  private dirty = true;

  constructor(
    private readonly list: ListData,
    private readonly column: string,
    private readonly kind: ValueKind
  ) {}

  public invalidate(): void {
    this.dirty = true;
  }

  private keyOf(item: StoredItem): Comparable | undefined {
    return comparable(this.kind, this.column === 'ID' ? item.id : item.fields[this.column]);
  }

  /** Position of (key, id) in the sorted entries, or where it would go. */
  private position(key: Comparable, id: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareEntries(this.sorted[mid], { key, id }) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Keeps the index up to date for one changed item (before and after the change; undefined for
   * an added or deleted one), so that writes do not re-sort the whole list.
   */
  public update(before: StoredItem | undefined, after: StoredItem | undefined): void {
    if (this.dirty) {
      return;
    }
    if (before && before === after) {
      // Changed in place (tests do this): the old key is gone, so rebuild on the next lookup.
      this.dirty = true;
      return;
    }
    const oldKey = before && this.keyOf(before);
    const newKey = after && this.keyOf(after);
    if (before && after && oldKey === newKey) {
      return;
    }
    if (before && oldKey !== undefined) {
      const at = this.position(oldKey, before.id);
      if (this.sorted[at]?.id === before.id) {
        this.sorted.splice(at, 1);
      } else {
        this.dirty = true;
      }
    }
    if (after && newKey !== undefined) {
      this.sorted.splice(this.position(newKey, after.id), 0, { key: newKey, id: after.id });
    }
  }

  private entries(): IndexEntry[] {
    if (this.dirty) {
      const out: IndexEntry[] = [];
      for (const item of this.list.items.values()) {
        const key = this.keyOf(item);
        if (key !== undefined) {
          out.push({ key, id: item.id });
        }
      }
      out.sort(compareEntries);
      this.sorted = out;
      this.dirty = false;
    }
    return this.sorted;
  }

  /** Item ids matching `column <op> value`, or undefined when the index cannot answer it. */
  public lookup(op: string, value: unknown): number[] | undefined {
    const key = comparable(this.kind, value);
    if (key === undefined) {
      return undefined;
    }
    const entries = this.entries();
    /** The first entry not below the key (inclusive), or not at or below it. */
    const lower = (inclusive: boolean): number => {
      let lo = 0;
      let hi = entries.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const c = compareComparable(entries[mid].key, key);
        if (c < 0 || (!inclusive && c === 0)) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    };
    let from = 0;
    let to = entries.length;
    switch (op) {
      case 'eq':
        from = lower(true);
        to = lower(false);
        break;
      case 'gt':
        from = lower(false);
        break;
      case 'ge':
        from = lower(true);
        break;
      case 'lt':
        to = lower(true);
        break;
      case 'le':
        to = lower(false);
        break;
      default:
        return undefined;
    }
    return entries.slice(from, to).map((e) => e.id);
  }
}

function compareEntries(a: IndexEntry, b: IndexEntry): number {
  return compareComparable(a.key, b.key) || a.id - b.id;
}

export interface StoreOptions {
  /** The file system (tests inject short writes and full disks); `fs` by default. */
  io?: FileIO;
  /** Compact the journal during a run once it is larger than this and than the snapshot. */
  compactAtBytes?: number;
}

/** A change applied in memory and waiting for its journal line to be durable. */
interface PendingChange {
  line: string;
  undo: () => void;
  resolve: () => void;
  reject: (e: Error) => void;
}

export class Store {
  public readonly lists = new Map<ListKey, ListData>();
  public readonly users = new Map<number, SiteUser>();
  /** The site's regional-settings time zone (see regional.ts). */
  public timeZone: ISiteTimeZone = DEFAULT_SITE_TIME_ZONE;
  /** The site's language (SP.Web.Language, fixed when the site is created): answers and errors are worded in it. */
  public language: SiteLanguage = 1053;
  /**
   * Permission levels, SharePoint groups and role assignments. A new site has SharePoint's default
   * levels and its three associated groups (Owners, Members, Visitors) with Full Control, Edit and
   * Read on the web ("Permission levels in SharePoint", SharePoint Online).
   */
  public security: SiteSecurity = {
    roleDefinitions: defaultRoleDefinitions(),
    groups: [
      { id: 3, title: 'Säkerhet – ägare', members: [] },
      { id: 4, title: 'Säkerhet – besökare', members: [] },
      { id: 5, title: 'Säkerhet – medlemmar', members: [] }
    ],
    webAssignments: [
      { principalId: 3, roleDefinitionIds: [1073741829] },
      { principalId: 4, roleDefinitionIds: [1073741826] },
      { principalId: 5, roleDefinitionIds: [1073741830] }
    ],
    associated: { owners: 3, members: 5, visitors: 4 }
  };
  /**
   * The tenant's directory (Microsoft Entra ID) the people picker searches: larger than the site's
   * users (directory.ts). Not part of the site, so never journalled; a test may change a person in
   * it as an admin would in Entra ID.
   */
  public directory: DirectoryPerson[] = [...DIRECTORY];
  /** The site's recycle bin (first stage), oldest first. */
  public readonly recycleBin: RecycledItem[] = [];
  /** Each list's settings and the security as last journalled, to undo a change the disk refuses. */
  private readonly lastSettings = new Map<ListKey, ListSettings>();
  private lastSecurity: SavedSecurity | undefined;
  private readonly indexes = new Map<string, ColumnIndex>();
  private readonly memoryBlobs = new Map<string, Buffer>();
  private readonly folder: DataFolder | undefined;
  private seq = 0;
  private pending: PendingChange[] = [];
  /** Each list's nextId before the changes now pending, to restore if they cannot be stored. */
  private savepoint: Map<ListKey, number> | undefined;
  /** Resolves when the flush now scheduled is done (whatever its outcome). */
  private flushed: Promise<void> | undefined;
  private endFlush: (() => void) | undefined;

  /** @param dataDir folder for snapshot, journal and blobs; undefined keeps everything in memory. */
  constructor(dataDir?: string, options: StoreOptions = {}) {
    this.folder = dataDir ? new DataFolder(dataDir, options.io ?? nodeIO, options.compactAtBytes) : undefined;
  }

  public get isEmpty(): boolean {
    return this.users.size === 0;
  }

  /**
   * Loads the snapshot and replays the journal (cutting off a torn tail), or provisions empty lists
   * on first start. A start that replayed anything compacts; if the disk is full it starts anyway
   * from the journal as it is.
   * @param provisioned the lists of the feature XML (provisioning.ts reads sharepoint/assets/)
   */
  public open(provisioned: SiteList[] = provisionFromFeature().lists): LoadResult | undefined {
    const now = new Date().toISOString();
    for (const schema of provisioned) {
      this.lists.set(schema.key, { schema, id: randomUUID(), items: new Map(), nextId: 1, created: now });
    }
    let loaded: LoadResult | undefined;
    if (this.folder) {
      loaded = this.folder.load(this);
      this.seq = loaded.seq;
      this.folder.sweepBlobs(this);
      if (loaded.replayed > 0 || loaded.legacy) {
        this.tryCompact();
      }
    }
    for (const list of this.lists.values()) {
      this.lastSettings.set(list.schema.key, settingsOf(list.schema));
    }
    this.lastSecurity = this.savedSecurity();
    this.invalidateIndexes();
    return loaded;
  }

  // ----- what the data folder keeps besides items and users (persistence.ts StoreState) -----

  /** List settings and the site's security, in the snapshot's header. */
  public snapshotExtras(): Record<string, unknown> {
    return {
      settings: Object.fromEntries([...this.lists.values()].map((l) => [l.schema.key, settingsOf(l.schema)])),
      security: this.savedSecurity()
    };
  }

  public restoreExtras(extras: Record<string, unknown>): void {
    for (const [key, settings] of Object.entries((extras.settings ?? {}) as Record<string, ListSettings>)) {
      const list = this.lists.get(key as ListKey);
      if (list) {
        applySettings(list.schema, settings);
      }
    }
    if (extras.security) {
      this.restoreSecurity(extras.security as SavedSecurity);
    }
  }

  /** The recycle bin, one snapshot line per recycled item (they hold whole items). */
  public *snapshotLines(): Iterable<Record<string, unknown>> {
    for (const recycled of this.recycleBin) {
      yield { recycled };
    }
  }

  public restoreLine(line: Record<string, unknown>): void {
    if (line.recycled) {
      this.recycleBin.push(line.recycled as RecycledItem);
    }
  }

  /** The recycle bin's items keep their attachments and files, to be restored with them. */
  public *blobsInUse(): Iterable<string> {
    for (const recycled of this.recycleBin) {
      yield* blobsOf(recycled.item);
    }
  }

  /** What a first-version snapshot (state.json) held besides items and users. */
  public restoreLegacy(snapshot: Record<string, unknown>): void {
    const lists = (snapshot.lists ?? []) as { key: ListKey; settings?: ListSettings }[];
    this.restoreExtras({
      settings: Object.fromEntries(lists.filter((l) => l.settings).map((l) => [l.key, l.settings])),
      security: snapshot.security
    });
    this.recycleBin.push(...((snapshot.recycleBin ?? []) as RecycledItem[]));
  }

  /** Replays the journal entries of list settings, security and the recycle bin. */
  public applyOther(entry: OtherEntry): void {
    switch (entry.op) {
      case 'list':
        applySettings(this.list(entry.list as ListKey).schema, entry.settings as ListSettings);
        break;
      case 'security':
        this.restoreSecurity(entry.security as SavedSecurity);
        break;
      case 'recycle': {
        const recycled = entry.entry as RecycledItem;
        this.list(recycled.list).items.delete(recycled.item.id);
        this.recycleBin.push(recycled);
        break;
      }
      case 'restore':
        this.applyRestore(entry.id as string);
        break;
      case 'secondStage':
        this.recycleBin.find((r) => r.id === entry.id)!.stage = 2;
        break;
      default:
        throw new Error(`The journal has an entry of a kind this emulator does not know: '${entry.op}' (entry ${entry.seq}).`);
    }
  }

  /** Stores what is pending and compacts, so that the next start has nothing to replay. */
  public close(): void {
    if (this.folder) {
      this.flushNow();
      this.tryCompact();
      this.folder.close();
    }
  }

  /** Lets go of the data folder as a crash would: what is pending is never stored (tests). */
  public abandon(): void {
    this.pending = [];
    this.folder?.close();
  }

  public list(key: ListKey): ListData {
    return this.lists.get(key)!;
  }

  public listByUrl(serverRelativeUrl: string, siteUrl: string): ListData | undefined {
    const wanted = decodeURIComponent(serverRelativeUrl).replace(/\/$/, '').toLowerCase();
    for (const list of this.lists.values()) {
      if (`${siteUrl}/${list.schema.url}`.toLowerCase() === wanted) {
        return list;
      }
    }
    return undefined;
  }

  /**
   * The index for a column of a list, if the list has one: ID always, other columns only as
   * provisioned (Indexed="TRUE") or indexed since over REST (list settings → Indexed columns).
   */
  public index(list: ListData, column: string): ColumnIndex | undefined {
    const indexed =
      column === 'ID' ||
      list.schema.indexedBuiltIns.has(column) ||
      list.schema.fields.some((f) => f.indexed && storedName(f.type, f.name) === column);
    if (!indexed) {
      return undefined;
    }
    const key = `${list.schema.key}:${column}`;
    let index = this.indexes.get(key);
    if (!index) {
      index = new ColumnIndex(list, column, columnKind(list.schema, column) ?? 'text');
      this.indexes.set(key, index);
    }
    return index;
  }

  private updateIndexes(list: ListKey, before: StoredItem | undefined, after: StoredItem | undefined): void {
    for (const [key, index] of this.indexes) {
      if (key.startsWith(`${list}:`)) {
        index.update(before, after);
      }
    }
  }

  private invalidateIndexes(list?: ListKey): void {
    for (const [key, index] of this.indexes) {
      if (!list || key.startsWith(`${list}:`)) {
        index.invalidate();
      }
    }
  }

  // ----- changes ---------------------------------------------------------------------------
  //
  // A change is applied in memory at once (so that the next request's validation sees it, as the
  // next request on a SharePoint list does) and journalled; the promise resolves once the journal
  // line is on disk. If the disk refuses it, every change of that flush is undone in memory, in
  // reverse order, and its promise rejects with a StorageError: nothing of it stays to make a retry
  // look like a duplicate. `settled()` lets a reader wait until no change is pending.

  /** Adds or replaces an item; resolves once the change is durable, rejects (undone) if it cannot be. */
  public putItem(key: ListKey, item: StoredItem): Promise<void> {
    const list = this.list(key);
    this.keepSavepoint();
    const before = list.items.get(item.id);
    list.items.set(item.id, item);
    list.nextId = Math.max(list.nextId, item.id + 1);
    this.updateIndexes(key, before, item);
    const line = this.folder ? journalLine(changeEntry(++this.seq, list, before, item)) : '';
    return this.journal(line, () => {
      if (list.items.get(item.id) === item) {
        if (before) {
          list.items.set(item.id, before);
        } else {
          list.items.delete(item.id);
        }
        this.updateIndexes(key, item, before);
      }
    });
  }

  public deleteItem(key: ListKey, id: number): Promise<void> {
    const list = this.list(key);
    this.keepSavepoint();
    const before = list.items.get(id);
    list.items.delete(id);
    this.updateIndexes(key, before, undefined);
    const line = this.folder ? journalLine({ seq: ++this.seq, op: 'del', list: key, id }) : '';
    return this.journal(line, () => {
      if (before && !list.items.has(id)) {
        list.items.set(id, before);
        this.updateIndexes(key, undefined, before);
      }
    });
  }

  /** Moves an item to the recycle bin (SP.ListItem.recycle); `done` resolves once the change is durable. */
  public recycleItem(key: ListKey, id: number, deletedById: number): { entry: RecycledItem; done: Promise<void> } {
    const list = this.list(key);
    const item = list.items.get(id)!;
    const entry: RecycledItem = { id: randomUUID(), list: key, item, deletedById, deletedDate: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
    this.keepSavepoint();
    list.items.delete(id);
    this.updateIndexes(key, item, undefined);
    this.recycleBin.push(entry);
    const done = this.record({ op: 'recycle', entry }, () => {
      const at = this.recycleBin.indexOf(entry);
      if (at >= 0 && !list.items.has(id)) {
        this.recycleBin.splice(at, 1);
        list.items.set(id, item);
        this.updateIndexes(key, undefined, item);
      }
    });
    return { entry, done };
  }

  /** Puts a recycled item back in its list with its ID (SP.RecycleBinItem.restore); resolves once durable. */
  public restoreRecycled(id: string): Promise<void> {
    this.keepSavepoint();
    const entry = this.applyRestore(id);
    return this.record({ op: 'restore', id }, () => {
      const list = this.list(entry.list);
      if (list.items.get(entry.item.id) === entry.item) {
        list.items.delete(entry.item.id);
        this.updateIndexes(entry.list, entry.item, undefined);
        this.recycleBin.push(entry);
      }
    });
  }

  /** Moves a recycled item to the second-stage recycle bin (SP.RecycleBinItem.deleteObject from the first stage). */
  public toSecondStage(id: string): Promise<void> {
    const entry = this.recycleBin.find((r) => r.id === id)!;
    const previous = entry.stage;
    entry.stage = 2;
    return this.record({ op: 'secondStage', id }, () => {
      entry.stage = previous;
    });
  }

  private applyRestore(id: string): RecycledItem {
    const at = this.recycleBin.findIndex((r) => r.id === id);
    const [entry] = this.recycleBin.splice(at, 1);
    const list = this.list(entry.list);
    list.items.set(entry.item.id, entry.item);
    this.updateIndexes(entry.list, undefined, entry.item);
    return entry;
  }

  /** Records a change of a list's settings (item-level security, indexes, uniqueness) made in memory. */
  public putListSettings(key: ListKey): Promise<void> {
    const schema = this.list(key).schema;
    this.invalidateIndexes(key);
    const settings = settingsOf(schema);
    const previous = this.lastSettings.get(key);
    this.lastSettings.set(key, settings);
    return this.record({ op: 'list', list: key, settings }, () => {
      if (previous) {
        applySettings(schema, previous);
        this.lastSettings.set(key, previous);
      }
      this.invalidateIndexes(key);
    });
  }

  /** Records a change of levels, groups or role assignments (web or lists) made in memory. */
  public putSecurity(): Promise<void> {
    const security = this.savedSecurity();
    const previous = this.lastSecurity;
    this.lastSecurity = security;
    return this.record({ op: 'security', security }, () => {
      if (previous) {
        this.restoreSecurity(previous);
        this.lastSecurity = previous;
      }
    });
  }

  private savedSecurity(): SavedSecurity {
    return {
      roleDefinitions: this.security.roleDefinitions.map((r) => ({ ...r, mask: toBasePermissions(r.mask) })),
      groups: this.security.groups,
      webAssignments: this.security.webAssignments,
      associated: this.security.associated,
      lists: [...this.lists.values()].map((l) => ({ key: l.schema.key, roleAssignments: l.roleAssignments }))
    };
  }

  private restoreSecurity(saved: SavedSecurity): void {
    this.security = {
      roleDefinitions: saved.roleDefinitions.map((r) => ({ ...r, mask: fromBasePermissions(r.mask) })),
      groups: saved.groups,
      webAssignments: saved.webAssignments,
      associated: saved.associated
    };
    for (const l of saved.lists) {
      const list = this.lists.get(l.key);
      if (list) {
        list.roleAssignments = l.roleAssignments;
      }
    }
  }

  public putUser(user: SiteUser): Promise<void> {
    const before = this.users.get(user.id);
    this.users.set(user.id, user);
    const line = this.folder ? journalLine({ seq: ++this.seq, op: 'user', user }) : '';
    return this.journal(line, () => {
      if (this.users.get(user.id) === user) {
        if (before) {
          this.users.set(user.id, before);
        } else {
          this.users.delete(user.id);
        }
      }
    });
  }

  public allocateId(key: ListKey): number {
    this.keepSavepoint();
    const list = this.list(key);
    return list.nextId++;
  }

  /** Bulk load without journaling (seeding, generated data sets); call snapshot() afterwards. */
  public loadItems(key: ListKey, items: StoredItem[]): void {
    const list = this.list(key);
    for (const item of items) {
      list.items.set(item.id, item);
      list.nextId = Math.max(list.nextId, item.id + 1);
    }
    this.invalidateIndexes(key);
  }

  /** Writes a snapshot of everything now (after seeding); throws a StorageError if it cannot. */
  public snapshot(): void {
    if (this.folder) {
      this.flushNow();
      this.folder.compact(this, this.seq);
    }
  }

  /** Resolves when no change is waiting for the disk (at once if none is). */
  public settled(): Promise<void> {
    return this.flushed ?? Promise.resolve();
  }

  /** Bytes in the journal now (for tests and the bench). */
  public get journalBytes(): number {
    return this.folder?.journalBytes ?? 0;
  }

  private keepSavepoint(): void {
    if (this.folder && !this.savepoint) {
      this.savepoint = new Map([...this.lists].map(([key, list]) => [key, list.nextId]));
    }
  }

  /**
   * Journals a change of another kind (site settings, say) that the caller has already applied in
   * memory; `undo` reverts it if the disk refuses it. Replayed through `applyOther`.
   */
  public record(entry: Omit<OtherEntry, 'seq'>, undo: () => void): Promise<void> {
    const line = this.folder ? journalLine({ seq: ++this.seq, ...entry } as OtherEntry) : '';
    return this.journal(line, undo);
  }

  private journal(line: string, undo: () => void): Promise<void> {
    if (!this.folder) {
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ line, undo, resolve, reject });
      if (!this.flushed) {
        this.flushed = new Promise((resolve) => (this.endFlush = resolve));
        setImmediate(() => this.flushNow());
      }
    });
  }

  /** Group commit: one write and one fsync for everything that arrived since the last flush. */
  private flushNow(): void {
    const batch = this.pending;
    const savepoint = this.savepoint;
    const endFlush = this.endFlush;
    this.pending = [];
    this.savepoint = undefined;
    this.flushed = undefined;
    this.endFlush = undefined;
    try {
      if (batch.length === 0 || !this.folder) {
        return;
      }
      try {
        this.folder.append(batch.map((p) => p.line).join(''));
      } catch (err) {
        for (let i = batch.length - 1; i >= 0; i--) {
          batch[i].undo();
        }
        for (const [key, nextId] of savepoint ?? []) {
          this.list(key).nextId = nextId;
        }
        batch.forEach((p) => p.reject(err as Error));
        return;
      }
      batch.forEach((p) => p.resolve());
      if (this.folder.wantsCompaction) {
        this.tryCompact();
      }
    } finally {
      endFlush?.();
    }
  }

  /** Compacts if it can; a full disk only postpones it (the journal keeps everything meanwhile). */
  private tryCompact(): void {
    try {
      this.folder?.compact(this, this.seq);
    } catch (err) {
      const cause = err instanceof StorageError ? err.cause : (err as Error);
      console.warn(`Could not compact the data folder now (${cause.message}); its journal keeps every change meanwhile.`);
    }
  }

  // ----- blobs -----------------------------------------------------------------------------

  /** Stores file content durably and returns its hash; throws a StorageError if the disk refuses. */
  public putBlob(content: Buffer): string {
    if (!this.folder) {
      const hash = createHash('sha256').update(content).digest('hex');
      this.memoryBlobs.set(hash, content);
      return hash;
    }
    return this.folder.putBlob(content);
  }

  public getBlob(hash: string): Buffer {
    if (!this.folder) {
      return this.memoryBlobs.get(hash) ?? Buffer.alloc(0);
    }
    return this.folder.getBlob(hash);
  }
}

function settingsOf(list: SiteList): ListSettings {
  return {
    readSecurity: list.readSecurity,
    writeSecurity: list.writeSecurity,
    enableAttachments: list.enableAttachments,
    indexedBuiltIns: [...list.indexedBuiltIns],
    fields: list.fields.map((f) => ({
      name: f.name,
      indexed: !!f.indexed,
      unique: !!f.unique,
      relationshipDeleteBehavior: f.relationshipDeleteBehavior,
      required: !!f.required,
      choices: f.choices?.map((c) => c.value)
    })),
    added: list.fields.filter((f) => f.addedOverRest)
  };
}

function applySettings(list: SiteList, settings: ListSettings): void {
  list.readSecurity = settings.readSecurity;
  list.writeSecurity = settings.writeSecurity;
  if (settings.enableAttachments !== undefined) {
    list.enableAttachments = settings.enableAttachments;
  }
  list.indexedBuiltIns = new Set(settings.indexedBuiltIns);
  for (const added of settings.added ?? []) {
    if (!list.fields.some((f) => f.name === added.name)) {
      list.fields.push(added);
    }
  }
  for (const saved of settings.fields) {
    const field = list.fields.find((f) => f.name === saved.name);
    if (field) {
      field.indexed = saved.indexed;
      field.unique = saved.unique;
      field.relationshipDeleteBehavior = saved.relationshipDeleteBehavior as typeof field.relationshipDeleteBehavior;
      if (saved.required !== undefined) {
        field.required = saved.required;
      }
      if (saved.choices) {
        field.choices = saved.choices.map((c) => ({ key: c, value: c }));
      }
    }
  }
}
