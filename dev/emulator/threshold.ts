/**
 * SharePoint's list view threshold: on a list of more than 5,000 items a query may only read what an
 * index narrows to 5,000 or fewer.
 */
import { Errors } from './errors';
import type { ItemQuery } from './query';
import { FilterNode } from './odata';
import { ListData, Store, StoredItem } from './store';

export const LIST_VIEW_THRESHOLD = 5000;

/**
 * Which items a query may scan. On a list over the threshold SharePoint needs the first
 * condition of the filter to be on an indexed column and to narrow the list to the threshold or
 * less; an unfiltered query may only walk the list in ID order.
 */
export function candidates(store: Store, list: ListData, query: ItemQuery, top: number): StoredItem[] {
  const all = list.items;
  if (all.size <= LIST_VIEW_THRESHOLD) {
    return [...all.values()];
  }
  if (top > LIST_VIEW_THRESHOLD) {
    throw Errors.threshold();
  }
  if (!query.filter) {
    const byId = query.orderBy.length === 0 || (query.orderBy.length === 1 && ['ID', 'Id'].includes(query.orderBy[0].field));
    if (!byId) {
      throw Errors.threshold();
    }
    return [...all.values()];
  }
  // The leading conditions on the first indexed column form the index range SharePoint reads,
  // e.g. `Id gt 5000 and Id le 10000 and …`.
  const conjuncts = leadingConjuncts(query.filter);
  const first = conjuncts[0];
  if (first.kind === 'cmp' && first.op !== 'ne' && first.field.sub === undefined) {
    const column = indexColumn(first.field.field);
    const index = store.index(list, column);
    let ids = index?.lookup(first.op, first.value);
    for (const next of conjuncts.slice(1)) {
      if (!ids || next.kind !== 'cmp' || next.op === 'ne' || next.field.sub !== undefined || indexColumn(next.field.field) !== column) {
        break;
      }
      const more = new Set(index!.lookup(next.op, next.value) ?? []);
      ids = ids.filter((id) => more.has(id));
    }
    if (ids && ids.length <= LIST_VIEW_THRESHOLD) {
      return ids.map((id) => all.get(id)!);
    }
  }
  throw Errors.threshold();
}

function indexColumn(field: string): string {
  return field === 'Id' ? 'ID' : field;
}

/** The AND chain of a filter, left to right: `a and b and (c or d)` → [a, b, (c or d)]. */
function leadingConjuncts(node: FilterNode): FilterNode[] {
  return node.kind === 'and' ? [...leadingConjuncts(node.left), ...leadingConjuncts(node.right)] : [node];
}
