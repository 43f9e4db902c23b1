/**
 * A list view's CAML query, run as SharePoint runs a view: `POST …/getList('…')/GetItems` with
 * `{"query": {"ViewXml": "<View><Query><Where>…</Where><OrderBy>…</OrderBy></Query><RowLimit>…"}}`
 * (SP.List.getItems(SP.CamlQuery), learn.microsoft.com jj245102: POST only; List.GetItems, ee539544:
 * SPQueryThrottledException -2147024860 when "the throttling limit is exceeded"; PnPjs
 * `list.getItemsByCAMLQuery`).
 * The product itself never sends CAML; this is how the emulator checks the views the package
 * provisions for SharePoint's own list UI (schema.ts `views`, in the feature XML).
 *
 * The query goes through the same rules as a REST query (query.ts, threshold.ts): on a list of more
 * than 5,000 items the first condition of the Where must be on an indexed column and narrow the list
 * to 5,000 items or fewer, otherwise SharePoint answers SPQueryThrottledException ("Manage large
 * lists and libraries", support.microsoft.com b8588dae-9387-48c2-9248-c24122f07c59: "the first
 * column you specify in the view filter must be indexed"; SPQueryThrottledException, ee570450:
 * "thrown when the attempted operation exceeds the list view threshold"). The CAML elements are
 * the Query schema's (Microsoft's wss.xsd, ../shared/spec/wss/): Where with And, Or, Eq, Neq, Gt,
 * Geq, Lt, Leq, IsNull, IsNotNull; FieldRef Name; Value Type with text, `<Today OffsetDays="n"/>`
 * (midnight of the site's day, in its regional-settings time zone) and `<UserID/>` (the caller);
 * GroupBy and OrderBy FieldRef Ascending; RowLimit. Anything else is refused, never guessed.
 */
import { DOMParser } from '@xmldom/xmldom';
import { addDays, dayIn, startOfDay } from '../../src/model/calendar';
import { Errors } from './errors';
import { FilterNode, parseFilter, parseOrderBy } from './odata';
import type { ItemQuery } from './query';
import type { ListData, SiteUser } from './store';

const OPS: Record<string, string> = { Eq: 'eq', Neq: 'ne', Gt: 'gt', Geq: 'ge', Lt: 'lt', Leq: 'le' };

function elementsOf(el: Element): Element[] {
  return Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1);
}

function odataString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * The ItemQuery of a view's CAML, as an OData filter the emulator already knows how to run.
 * @param now the moment the view runs; `<Today/>` is its day in the site's time zone `zone` (IANA)
 * @throws SPError 400 for CAML this emulator does not know (never a lenient guess)
 */
export function camlQuery(viewXml: string, list: ListData, user: SiteUser, now: Date, zone: string): ItemQuery {
  const errors: string[] = [];
  const doc = new DOMParser({ errorHandler: { warning: () => undefined, error: (m: string) => errors.push(m), fatalError: (m: string) => errors.push(m) } }).parseFromString(viewXml, 'text/xml');
  const view = doc.documentElement;
  if (errors.length > 0 || !view || view.nodeName !== 'View') {
    throw Errors.badRequest(`ViewXml is not a <View>: ${errors.join('; ')}`);
  }
  const query = elementsOf(view).find((e) => e.nodeName === 'Query');
  const where = query && elementsOf(query).find((e) => e.nodeName === 'Where');
  const orderBy = query && elementsOf(query).find((e) => e.nodeName === 'OrderBy');
  // A grouped view sorts by its groups first (GroupBy, then OrderBy within each group).
  const groupBy = query && elementsOf(query).find((e) => e.nodeName === 'GroupBy');
  const rowLimit = elementsOf(view).find((e) => e.nodeName === 'RowLimit');
  const fieldOf = (ref: Element | undefined): { stored: string; type: string } => {
    const name = ref?.getAttribute('Name') ?? '';
    const field = list.schema.fields.find((f) => f.name === name);
    if (name === 'ID' || name === 'Author' || name === 'Editor') {
      return { stored: name === 'ID' ? 'Id' : `${name}Id`, type: name === 'ID' ? 'Counter' : 'User' };
    }
    if (!field) {
      throw Errors.badRequest(`The view refers to a column the list does not have: ${name}.`);
    }
    return { stored: field.type === 'User' || field.type === 'Lookup' ? `${name}Id` : name, type: field.type };
  };
  const valueOf = (value: Element | undefined, type: string): string => {
    const inner = value ? elementsOf(value)[0] : undefined;
    if (inner?.nodeName === 'UserID') {
      return String(user.id);
    }
    if (inner?.nodeName === 'Today') {
      const day = addDays(dayIn(now, zone), Number(inner.getAttribute('OffsetDays') ?? 0));
      return `datetime'${startOfDay(day, zone).toISOString()}'`;
    }
    if (inner) {
      throw Errors.badRequest(`The emulator does not know <${inner.nodeName}> in a view's Value.`);
    }
    const text = value?.textContent ?? '';
    if (type === 'Counter' || type === 'Number' || type === 'User' || type === 'Lookup' || value?.getAttribute('Type') === 'Integer') {
      return String(Number(text));
    }
    if (type === 'Boolean') {
      return text === '1' || text.toLowerCase() === 'true' ? 'true' : 'false';
    }
    if (type === 'DateTime') {
      return `datetime'${new Date(text).toISOString()}'`;
    }
    return odataString(text);
  };
  const filter = (el: Element): string => {
    const children = elementsOf(el);
    if (el.nodeName === 'And' || el.nodeName === 'Or') {
      if (children.length !== 2) {
        throw Errors.badRequest(`<${el.nodeName}> takes two conditions.`);
      }
      return `(${filter(children[0])} ${el.nodeName.toLowerCase()} ${filter(children[1])})`;
    }
    const field = fieldOf(children.find((c) => c.nodeName === 'FieldRef'));
    if (el.nodeName === 'IsNull' || el.nodeName === 'IsNotNull') {
      return `${field.stored} ${el.nodeName === 'IsNull' ? 'eq' : 'ne'} null`;
    }
    const op = OPS[el.nodeName];
    if (!op) {
      throw Errors.badRequest(`The emulator does not know <${el.nodeName}> in a view's Where.`);
    }
    return `${field.stored} ${op} ${valueOf(children.find((c) => c.nodeName === 'Value'), field.type)}`;
  };
  const condition = where ? elementsOf(where)[0] : undefined;
  const keys = [...(groupBy ? elementsOf(groupBy) : []), ...(orderBy ? elementsOf(orderBy) : [])];
  const order = keys.map((ref) => `${fieldOf(ref).stored} ${ref.getAttribute('Ascending') === 'FALSE' ? 'desc' : 'asc'}`);
  let parsed: FilterNode | undefined;
  if (condition) {
    // Parentheses around the whole keep the first condition first (threshold.ts reads it).
    const text = filter(condition);
    parsed = parseFilter(text.startsWith('(') && text.endsWith(')') ? text.slice(1, -1) : text);
  }
  return { filter: parsed, orderBy: parseOrderBy(order.join(',')), top: rowLimit ? Number(rowLimit.textContent) : 100 };
}
