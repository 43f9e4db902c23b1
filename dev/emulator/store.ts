/**
 * The emulator's data: lists provisioned from the feature XML (provisioning.ts), their settings as
 * changed over REST, their items, site users and file contents, kept in memory with indexes and
 * persisted to a folder.
 *
 * Durability: every change is appended to a journal and fsync'ed before the request that made it
 * is answered (changes arriving together share one fsync). On start the newest snapshot is loaded
 * and the journal replayed; a torn last line (a crash mid-write, never acknowledged) is ignored.
 * Snapshots are written to a temporary file, fsync'ed and renamed over the old one, so a crash
 * during a snapshot leaves the previous snapshot and the journal intact.
 */
import { createHash, randomUUID } from 'crypto';
import { DEFAULT_SITE_TIME_ZONE, ISiteTimeZone } from './regional';
import * as fs from 'fs';
import { join } from 'path';
import { ListKey } from '../../src/model/schema';
import { SiteList, provisionFromFeature } from './provisioning';
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
interface SavedSecurity {
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
  indexedBuiltIns: string[];
  fields: { name: string; indexed: boolean; unique: boolean; relationshipDeleteBehavior: string }[];
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
}

type JournalEntry =
  | { seq: number; op: 'put'; list: ListKey; item: StoredItem; nextId: number }
  | { seq: number; op: 'list'; list: ListKey; settings: ListSettings }
  | { seq: number; op: 'security'; security: SavedSecurity }
  | { seq: number; op: 'del'; list: ListKey; id: number }
  | { seq: number; op: 'recycle'; entry: RecycledItem }
  | { seq: number; op: 'user'; user: SiteUser };

interface Snapshot {
  format: 1;
  seq: number;
  lists: { key: ListKey; id: string; nextId: number; created: string; items: StoredItem[]; settings?: ListSettings }[];
  users: SiteUser[];
  security?: SavedSecurity;
  recycleBin?: RecycledItem[];
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

export class Store {
  public readonly lists = new Map<ListKey, ListData>();
  public readonly users = new Map<number, SiteUser>();
  /** The site's regional-settings time zone (see regional.ts). */
  public timeZone: ISiteTimeZone = DEFAULT_SITE_TIME_ZONE;
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
  /** The site's recycle bin (first stage), oldest first. */
  public readonly recycleBin: RecycledItem[] = [];
  private readonly indexes = new Map<string, ColumnIndex>();
  private readonly memoryBlobs = new Map<string, Buffer>();
  private seq = 0;
  private journalFd: number | undefined;
  private journalEntries = 0;
  private pending: { line: string; resolve: () => void; reject: (e: Error) => void }[] = [];
  private flushScheduled = false;

  /** @param dataDir folder for snapshot, journal and blobs; undefined keeps everything in memory. */
  constructor(private readonly dataDir?: string) {}

  public get isEmpty(): boolean {
    return this.users.size === 0;
  }

  /**
   * Loads the snapshot and replays the journal, or provisions empty lists on first start.
   * @param provisioned the lists of the feature XML (provisioning.ts reads sharepoint/assets/)
   */
  public open(provisioned: SiteList[] = provisionFromFeature().lists): void {
    let snapshot: Snapshot | undefined;
    if (this.dataDir) {
      fs.mkdirSync(join(this.dataDir, 'blobs'), { recursive: true });
      const snapPath = join(this.dataDir, 'state.json');
      if (fs.existsSync(snapPath)) {
        snapshot = JSON.parse(fs.readFileSync(snapPath, 'utf8')) as Snapshot;
      }
    }
    for (const schema of provisioned) {
      const saved = snapshot?.lists.find((l) => l.key === schema.key);
      if (saved?.settings) {
        applySettings(schema, saved.settings);
      }
      const list: ListData = {
        schema,
        id: saved?.id ?? randomUUID(),
        items: new Map((saved?.items ?? []).map((i) => [i.id, i])),
        nextId: saved?.nextId ?? 1,
        created: saved?.created ?? new Date().toISOString()
      };
      this.lists.set(schema.key, list);
    }
    for (const u of snapshot?.users ?? []) {
      this.users.set(u.id, u);
    }
    if (snapshot?.security) {
      this.restoreSecurity(snapshot.security);
    }
    this.recycleBin.push(...(snapshot?.recycleBin ?? []));
    this.seq = snapshot?.seq ?? 0;
    if (this.dataDir) {
      const journalPath = join(this.dataDir, 'journal.jsonl');
      if (fs.existsSync(journalPath)) {
        const lines = fs.readFileSync(journalPath, 'utf8').split('\n');
        for (const line of lines) {
          if (!line.trim()) {
            continue;
          }
          let entry: JournalEntry;
          try {
            entry = JSON.parse(line) as JournalEntry;
          } catch {
            // A torn write from a crash: it was never acknowledged, so it is dropped.
            continue;
          }
          if (entry.seq > this.seq) {
            this.apply(entry);
            this.seq = entry.seq;
          }
        }
      }
      // Start every run from a fresh snapshot and an empty journal (writeSnapshot opens it).
      this.writeSnapshot();
    }
    this.invalidateIndexes();
  }

  public close(): void {
    if (this.dataDir && this.journalFd !== undefined) {
      this.flushNow();
      this.writeSnapshot();
      fs.closeSync(this.journalFd);
      this.journalFd = undefined;
    }
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

  /** Adds or replaces an item; resolves once the change is durable. */
  public putItem(key: ListKey, item: StoredItem): Promise<void> {
    const list = this.list(key);
    const before = list.items.get(item.id);
    list.items.set(item.id, item);
    list.nextId = Math.max(list.nextId, item.id + 1);
    this.updateIndexes(key, before, item);
    return this.journal({ seq: ++this.seq, op: 'put', list: key, item, nextId: list.nextId });
  }

  public deleteItem(key: ListKey, id: number): Promise<void> {
    const before = this.list(key).items.get(id);
    this.list(key).items.delete(id);
    this.updateIndexes(key, before, undefined);
    return this.journal({ seq: ++this.seq, op: 'del', list: key, id });
  }

  /** Moves an item to the recycle bin (SP.ListItem.recycle); resolves once the change is durable. */
  public recycleItem(key: ListKey, id: number, deletedById: number): { entry: RecycledItem; done: Promise<void> } {
    const item = this.list(key).items.get(id)!;
    const entry: RecycledItem = { id: randomUUID(), list: key, item, deletedById, deletedDate: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
    this.list(key).items.delete(id);
    this.updateIndexes(key, item, undefined);
    this.recycleBin.push(entry);
    return { entry, done: this.journal({ seq: ++this.seq, op: 'recycle', entry }) };
  }

  /** Records a change of a list's settings (item-level security, indexes, uniqueness). */
  public putListSettings(key: ListKey): Promise<void> {
    this.invalidateIndexes(key);
    return this.journal({ seq: ++this.seq, op: 'list', list: key, settings: settingsOf(this.list(key).schema) });
  }

  /** Records a change of levels, groups or role assignments (web or lists). */
  public putSecurity(): Promise<void> {
    return this.journal({ seq: ++this.seq, op: 'security', security: this.savedSecurity() });
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
    this.users.set(user.id, user);
    return this.journal({ seq: ++this.seq, op: 'user', user });
  }

  public allocateId(key: ListKey): number {
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

  public snapshot(): void {
    if (this.dataDir) {
      this.flushNow();
      this.writeSnapshot();
    }
  }

  private apply(entry: JournalEntry): void {
    switch (entry.op) {
      case 'put': {
        const list = this.list(entry.list);
        list.items.set(entry.item.id, entry.item);
        list.nextId = Math.max(list.nextId, entry.nextId);
        break;
      }
      case 'del':
        this.list(entry.list).items.delete(entry.id);
        break;
      case 'recycle':
        this.list(entry.entry.list).items.delete(entry.entry.item.id);
        this.recycleBin.push(entry.entry);
        break;
      case 'list':
        applySettings(this.list(entry.list).schema, entry.settings);
        break;
      case 'security':
        this.restoreSecurity(entry.security);
        break;
      case 'user':
        this.users.set(entry.user.id, entry.user);
        break;
    }
  }

  private journal(entry: JournalEntry): Promise<void> {
    if (!this.dataDir) {
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ line: `${JSON.stringify(entry)}\n`, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flushNow());
      }
    });
  }

  /** Group commit: one write and one fsync for everything that arrived since the last flush. */
  private flushNow(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0 || this.journalFd === undefined) {
      batch.forEach((p) => p.resolve());
      return;
    }
    try {
      fs.writeSync(this.journalFd, batch.map((p) => p.line).join(''));
      fs.fsyncSync(this.journalFd);
      this.journalEntries += batch.length;
      batch.forEach((p) => p.resolve());
    } catch (err) {
      batch.forEach((p) => p.reject(err as Error));
      return;
    }
    if (this.journalEntries > 20000) {
      this.writeSnapshot();
    }
  }

  private writeSnapshot(): void {
    if (!this.dataDir) {
      return;
    }
    const snapshot: Snapshot = {
      format: 1,
      seq: this.seq,
      lists: [...this.lists.values()].map((l) => ({
        key: l.schema.key,
        id: l.id,
        nextId: l.nextId,
        created: l.created,
        items: [...l.items.values()],
        settings: settingsOf(l.schema)
      })),
      users: [...this.users.values()],
      security: this.savedSecurity(),
      recycleBin: this.recycleBin
    };
    const path = join(this.dataDir, 'state.json');
    writeFileAtomic(path, JSON.stringify(snapshot));
    // The snapshot now holds everything up to `seq`; start an empty journal the same way.
    const journalPath = join(this.dataDir, 'journal.jsonl');
    if (this.journalFd !== undefined) {
      fs.closeSync(this.journalFd);
    }
    writeFileAtomic(journalPath, '');
    this.journalFd = fs.openSync(journalPath, 'a');
    this.journalEntries = 0;
  }

  // ----- blobs -----------------------------------------------------------------------------

  public putBlob(content: Buffer): string {
    const hash = createHash('sha256').update(content).digest('hex');
    if (!this.dataDir) {
      this.memoryBlobs.set(hash, content);
      return hash;
    }
    const path = join(this.dataDir, 'blobs', hash);
    if (!fs.existsSync(path)) {
      writeFileAtomic(path, content);
    }
    return hash;
  }

  public getBlob(hash: string): Buffer {
    if (!this.dataDir) {
      return this.memoryBlobs.get(hash) ?? Buffer.alloc(0);
    }
    return fs.readFileSync(join(this.dataDir, 'blobs', hash));
  }
}

function settingsOf(list: SiteList): ListSettings {
  return {
    readSecurity: list.readSecurity,
    writeSecurity: list.writeSecurity,
    indexedBuiltIns: [...list.indexedBuiltIns],
    fields: list.fields.map((f) => ({ name: f.name, indexed: !!f.indexed, unique: !!f.unique, relationshipDeleteBehavior: f.relationshipDeleteBehavior }))
  };
}

function applySettings(list: SiteList, settings: ListSettings): void {
  list.readSecurity = settings.readSecurity;
  list.writeSecurity = settings.writeSecurity;
  list.indexedBuiltIns = new Set(settings.indexedBuiltIns);
  for (const saved of settings.fields) {
    const field = list.fields.find((f) => f.name === saved.name);
    if (field) {
      field.indexed = saved.indexed;
      field.unique = saved.unique;
      field.relationshipDeleteBehavior = saved.relationshipDeleteBehavior as typeof field.relationshipDeleteBehavior;
    }
  }
}

/** Write to a temporary file, fsync, then rename over the target: readers see old or new, never half. */
export function writeFileAtomic(path: string, content: string | Buffer): void {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, path);
}
