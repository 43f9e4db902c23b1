/**
 * Deleting as SharePoint deletes: a permanent DELETE, a recycle() into the site's recycle bin, the
 * relationship rules of lookup columns, and the recycle bin itself (read, restore, delete).
 *
 * Rules (sources beside each):
 * - `DELETE …/items(id)` deletes the item for good (SP.ListItem.deleteObject, "Deletes the list
 *   item", as against SP.ListItem.recycle); `POST …/items(id)/recycle()` moves it to the recycle bin and
 *   answers the recycle bin item's ID (SP.ListItem.recycle, learn.microsoft.com jj247053: "Moves the
 *   list item to the Recycle Bin and returns the identifier of the new Recycle Bin item"; POST
 *   only; UnauthorizedAccessException -2147024891 without the right, ee546707). SharePoint's own list UI
 *   recycles; PnPjs has both (`item.delete()`, `item.recycle()`).
 * - Both need Delete Items, and under item-level write security only on one's own items unless the
 *   user has Override List Behaviors (security.ts, canDelete) – Edit Items is not enough
 *   (OfficeDocs-SharePoint, user-permissions-and-permission-levels: "Delete Items – Delete items
 *   from a list"). An item the user cannot see is not found.
 * - A lookup column whose RelationshipDeleteBehavior is Restrict "prevents an item in the source list
 *   from being deleted if any items in the dependent list look up to it"; Cascade deletes the
 *   dependent items with it (SPFieldLookup.RelationshipDeleteBehavior, learn.microsoft.com ee545040;
 *   FieldLookup.RelationshipDeleteBehavior ee541772: the lookup must be indexed first; values of
 *   SP.RelationshipDeleteBehaviorType, jj245901: 0 None, 1 Cascade, 2 Restrict).
 *   Every dependent item counts, also those the user may not read. The behaviour is a property the
 *   site has (set over REST, list settings → column → "Enforce relationship behavior"); whether a
 *   feature's XML applies it is doubtful (provisioning.ts), so the emulator starts without it.
 * - The site's recycle bin (first stage) shows a user the items they deleted; only a site
 *   collection administrator sees others'. Deleting an item from it sends it to the site collection
 *   (second-stage) recycle bin; restoring puts it back where it was, with its ID (support.office.com
 *   "View, restore, or delete items in the Recycle Bin of a site", f887b333-8069-43ad-9583-303137b81d83;
 *   SP.RecycleBinItem restore/deleteObject, learn.microsoft.com jj245382 and jj246549
 *   "`POST …/_api/web/RecycleBin(recyclebinitemid)/restore()`"; SP.Web.recycleBin jj245961;
 *   SP.RecycleBinItemState 1 first stage, 2 second).
 */
import type { Call } from './call';
import { Errors } from './errors';
import { EmulatorResponse, empty, json, quotedArg } from './http';
import { canDelete } from './security';
import { ListData, RecycledItem, Store, StoredItem, storedName } from './store';

/** SP.RecycleBinItemType: 1 File (a library's document), 3 ListItem. */
const ITEM_TYPE = { file: 1, listItem: 3 } as const;

/**
 * The items of other lists that look up to `item` through a column with a relationship behaviour;
 * throws SharePoint's refusal when one of them restricts the delete.
 */
function dependents(store: Store, list: ListData, item: StoredItem): { list: ListData; item: StoredItem }[] {
  const cascade: { list: ListData; item: StoredItem }[] = [];
  for (const other of store.lists.values()) {
    for (const field of other.schema.fields) {
      if (field.lookupList !== list.schema.key || field.relationshipDeleteBehavior === 'None') {
        continue;
      }
      const key = storedName(field.type, field.name);
      const refers = (i: StoredItem): boolean => {
        const v = i.fields[key];
        return Array.isArray(v) ? v.includes(item.id) : v === item.id;
      };
      const found = [...other.items.values()].filter(refers);
      if (found.length === 0) {
        continue;
      }
      if (field.relationshipDeleteBehavior === 'Restrict') {
        throw Errors.restrictedDelete(other.schema.title, list.schema.title);
      }
      cascade.push(...found.map((i) => ({ list: other, item: i })));
    }
  }
  return cascade;
}

/**
 * Deletes an item for good (`DELETE`) or moves it to the recycle bin (`recycle()`), with the
 * rights and relationship rules above. Answers the recycle bin item's ID when recycled.
 */
export async function removeItem(call: Call, list: ListData, item: StoredItem, how: 'delete' | 'recycle'): Promise<string | undefined> {
  const { store, user } = call;
  if (!canDelete(store, user, list, item)) {
    throw Errors.accessDenied();
  }
  // Cascaded items go the same way as the item (learn.microsoft.com ee545040).
  const all = [...dependents(store, list, item), { list, item }];
  let id: string | undefined;
  for (const target of all) {
    if (how === 'delete') {
      await store.deleteItem(target.list.schema.key, target.item.id);
    } else {
      const { entry, done } = store.recycleItem(target.list.schema.key, target.item.id, user.id);
      await done;
      id = entry.id;
    }
  }
  return id;
}

function recycleBinItemJson(call: Call, entry: RecycledItem): Record<string, unknown> {
  const list = call.store.list(entry.list);
  const deletedBy = call.store.users.get(entry.deletedById);
  const author = call.store.users.get(Number(entry.item.fields.AuthorId));
  const file = entry.item.file;
  return {
    ...(call.read.metadata ? { 'odata.type': 'SP.RecycleBinItem', 'odata.id': `${call.read.apiUrl}/Web/RecycleBin('${entry.id}')`, 'odata.editLink': `Web/RecycleBin('${entry.id}')` } : {}),
    AuthorEmail: author?.email ?? '',
    AuthorName: author?.title ?? '',
    DeletedByEmail: deletedBy?.email ?? '',
    DeletedByName: deletedBy?.title ?? '',
    DeletedDate: entry.deletedDate,
    // A site-relative path without the leading slash, as SPRecycleBinItem.DirName.
    DirName: `${call.siteUrl.slice(1)}/${list.schema.url}`,
    Id: entry.id,
    ItemState: entry.stage ?? 1,
    ItemType: file ? ITEM_TYPE.file : ITEM_TYPE.listItem,
    // A list item's leaf name is "<ID>_.000"; a document's, its file name.
    LeafName: file ? file.name : `${entry.item.id}_.000`,
    Size: file ? file.size : 0,
    Title: String(entry.item.fields.Title ?? file?.name ?? '')
  };
}

/** `_api/web/RecycleBin`, `RecycleBin('id')`, `RecycleBin('id')/Restore`, `RecycleBin('id')/DeleteObject`. */
export async function recycleBinEndpoint(call: Call, segments: string[]): Promise<EmulatorResponse> {
  const { store, user, method } = call;
  // First stage only; a site collection administrator sees everyone's, a user their own.
  const visible = (r: RecycledItem): boolean => (r.stage ?? 1) === 1 && (user.isSiteAdmin || r.deletedById === user.id);
  const selector = segments[1].slice('RecycleBin'.length);
  if (!selector) {
    if (segments.length !== 2 || method !== 'GET') {
      throw Errors.badRequest(`The emulator does not serve ${method} ${segments.join('/')}.`);
    }
    return json(200, { value: store.recycleBin.filter(visible).map((r) => recycleBinItemJson(call, r)) });
  }
  const id = quotedArg(selector) ?? '';
  const entry = store.recycleBin.find((r) => r.id.toLowerCase() === id.toLowerCase());
  if (!entry || !visible(entry)) {
    throw Errors.fileNotFound();
  }
  const action = segments[2]?.replace(/\(\)$/, '').toLowerCase();
  if (!action && method === 'GET') {
    return json(200, recycleBinItemJson(call, entry));
  }
  if (method !== 'POST' || segments.length !== 3) {
    throw Errors.badRequest(`The emulator does not serve ${method} ${segments.join('/')}.`);
  }
  if (action === 'restore') {
    await store.restoreRecycled(entry.id);
    return empty(200);
  }
  if (action === 'deleteobject' || action === 'movetosecondstage') {
    await store.toSecondStage(entry.id);
    return empty(200);
  }
  throw Errors.badRequest(`The emulator does not serve RecycleBin/${segments[2]}.`);
}
