/**
 * Provisioning: the emulator's lists are created from the feature files the package ships
 * (`sharepoint/assets/elements.xml` and the list schemas it names), read the way SharePoint reads
 * them when the app is added to a site – not from src/model/schema.ts.
 *
 * Rules (sources beside each):
 * - A list is a `<ListInstance>` of elements.xml; its title, URL, template and description come from
 *   the ListInstance, its fields, views, forms and list validation from the `CustomSchema` file
 *   (SharePoint docs, "ListInstance element" and "List element (List)"; SPFx docs,
 *   "Provision SharePoint assets from your SharePoint client-side web part").
 * - Only attributes that Microsoft's CAML schema defines (wss.xsd: ListDefinition, FieldDefinition,
 *   ViewDefinition, ListInstanceDefinition), plus those SharePoint documented after 2010 (the
 *   ALLOWED list of ../shared/spec/wss/validate.sh), have an effect. Anything else – such as
 *   `ReadSecurity`, `WriteSecurity` or `EnableAttachments` on `<List>` – is ignored and reported at
 *   start: item-level security cannot be declared in feature XML; it is a list property set over
 *   REST (SP.List.ReadSecurity/WriteSecurity), which the installation check does.
 * - Attachments are on unless `<List DisableAttachments="TRUE">` (wss.xsd ListDefinition).
 * - No column is indexed unless its `<Field Indexed="TRUE">` says so; ID is always indexed.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { DOMParser } from '@xmldom/xmldom';
import type { FieldType, IChoice, IFieldSchema, IListSchema, IViewSchema, ListKey } from '../../src/model/schema';
import { LISTS } from '../../src/model/schema';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A field as the site has it now: provisioned from XML, then changed over REST (index, uniqueness). */
export type SiteField = Mutable<IFieldSchema> & {
  /** The field's GUID, from the XML. */
  id: string;
  /** SP.RelationshipDeleteBehaviorType: what deleting a looked-up item does. */
  relationshipDeleteBehavior: 'None' | 'Cascade' | 'Restrict';
  /** Added over REST after provisioning (persisted whole with the list's settings). */
  addedOverRest?: boolean;
  /** A person column that takes people only, not groups (UserSelectionMode PeopleOnly, the default). */
  peopleOnly?: boolean;
};

/** A list as the site has it now. ReadSecurity/WriteSecurity start at SharePoint's defaults (1: all items). */
export type SiteList = Omit<Mutable<IListSchema>, 'fields' | 'rights' | 'views'> & {
  fields: SiteField[];
  views: IViewSchema[];
  /** Built-in columns the site has indexed (`AuthorId`, `Created`, …); ID always is. */
  indexedBuiltIns: Set<string>;
};

export interface ProvisionResult {
  lists: SiteList[];
  /** What SharePoint would ignore, one line each (printed at start). */
  ignored: string[];
}

/**
 * Attributes Microsoft's CAML schema (wss.xsd) defines on the elements the emulator interprets,
 * plus those documented after 2010 (validate.sh's ALLOWED). tests/unit/caml-schema.test.ts checks
 * this table against wss.xsd.
 */
export const SCHEMA_ATTRIBUTES: Readonly<Record<'List' | 'Field' | 'View' | 'ListInstance', readonly string[]>> = {
  List: ['Id', 'Name', 'Title', 'Url', 'Default', 'WebImageWidth', 'EnableThumbnails', 'EnableContentTypes', 'FolderCreation', 'DisableAttachments', 'EventSinkAssembly', 'EventSinkClass', 'EventSinkData', 'OrderedList', 'ForceDefaultContentType', 'FetchPropertyBagForListView', 'PrivateList', 'QuickLaunchUrl', 'RootWebOnly', 'ModeratedList', 'DraftVersionVisibility', 'ThumbnailSize', 'DefaultItemOpen', 'VersioningEnabled', 'EnableMinorVersions', 'ModerationType', 'Type', 'URLEncode', 'WebImageHeight', 'BaseType', 'Direction', 'BrowserFileHandling', /* after 2010: */ 'Description'],
  Field: ['Aggregation', 'AllowDeletion', 'AllowDuplicateValues', 'AllowHyperlink', 'AllowMultiVote', 'AppendOnly', 'AuthoringInfo', 'BaseType', 'CalType', 'CalloutMenu', 'CalloutMenuAllowed', 'CanToggleHidden', 'ClassInfo', 'ColName', 'ColName2', 'Commas', 'Customization', 'DefaultListField', 'Decimals', 'Description', 'Dir', 'Direction', 'DisplayImage', 'DisplayName', 'DisplayNameSrcField', 'DisplaySize', 'Div', 'ListItemMenu', 'ListItemMenuAllowed', 'EnableLookup', 'EnforceUniqueValues', 'ExceptionImage', 'FieldRef', 'FillInChoice', 'Filterable', 'FilterableNoRecurrence', 'ForcedDisplay', 'ForcePromoteDemote', 'Format', 'FriendlyDisplayFormat', 'FromBaseType', 'HeaderImage', 'Height', 'Hidden', 'HTMLEncode', 'Id', 'IMEMode', 'Indexed', 'IsolateStyles', 'IsRelationship', 'JoinColName', 'JoinType', 'JSLink', 'LCID', 'LinkToItem', 'LinkToItemAllowed', 'List', 'ListInternal', 'Max', 'Min', 'Mult', 'Name', 'NegativeFormat', 'NoCrawl', 'Node', 'NoEditFormBreak', 'NumLines', 'Percentage', 'PIAttribute', 'PITarget', 'PrimaryPIAttribute', 'PrimaryPITarget', 'Presence', 'PrimaryKey', 'ReadOnly', 'ReadOnlyEnforced', 'RelationshipDeleteBehavior', 'RenderXMLUsingPattern', 'Required', 'RestrictedMode', 'ResultType', 'RichTextMode', 'RichText', 'Sealed', 'SeperateLine', 'SetAs', 'ShowAddressBookButton', 'ShowAlways', 'ShowField', 'ShowInDisplayForm', 'ShowInEditForm', 'ShowInFileDlg', 'ShowInListSettings', 'ShowInNewForm', 'ShowInViewForms', 'Sortable', 'StorageTZ', 'StripWS', 'SuppressNameDisplay', 'TextOnly', 'Title', 'Type', 'UniqueId', 'UnlimitedLengthInDocumentLibrary', 'URLEncode', 'URLEncodeAsURL', 'Version', 'Viewable', 'WikiLinking', 'Width', 'WebId', 'XName', 'ID', 'Group', 'MaxLength', 'SourceID', 'StaticName', 'JoinRowOrdinal', 'RowOrdinal', 'ShowInVersionHistory', 'PrependId', 'DisplaceOnUpgrade', 'UserSelectionMode', 'UserSelectionScope', /* after 2010: */ 'CustomFormatter', 'ClientSideComponentId', 'ClientSideComponentProperties'],
  View: ['AggregateView', 'BaseViewID', 'DefaultView', 'DisplayName', 'FailIfEmpty', 'FileDialog', 'FPModified', 'Hidden', 'List', 'Name', 'ContentTypeID', 'OrderedView', 'DefaultViewForContentType', 'IncludeRootFolder', 'PageType', 'Path', 'ReadOnly', 'RecurrenceRowset', 'RequiresClientIntegration', 'RowLimit', 'Scope', 'ShowHeaderUI', 'TabularView', 'Threaded', 'Type', 'Url', 'WebPartOrder', 'WebPartZoneID', 'FreeForm', 'ImageUrl', 'SetupPath', 'ModerationType', 'ToolbarTemplate', 'MobileView', 'MobileUrl', 'MobileDefaultView', 'MobileItemLimit', 'MobileSimpleViewField', 'ReqAuth', 'TargetType', 'TargetId', 'CssStyleSheet'],
  ListInstance: ['Description', 'FeatureId', 'Id', 'Title', 'OnQuickLaunch', 'RootWebOnly', 'QuickLaunchUrl', 'DocumentTemplate', 'TemplateType', 'Url', 'CustomSchema', 'HyperlinkBaseUrl', 'VersioningEnabled', 'Hidden']
};

/** The built-in Title field's ID (SharePoint's fields schema, fieldswss.xml). */
const TITLE_FIELD_ID = 'fa564e0f-0c70-4ab9-b863-0177e6ddd247';

export const ASSETS_DIR = join(__dirname, '..', '..', 'sharepoint', 'assets');

/** The emulator's short name for a list, by its URL (only a name: what the list is comes from XML). */
export function listKeyOfUrl(url: string): ListKey {
  const key = LISTS.find((l) => l.url.toLowerCase() === url.toLowerCase())?.key;
  if (!key) {
    throw new Error(`The feature provisions a list at ${url} that the emulator has no name for.`);
  }
  return key;
}

function elements(parent: Element, tag: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === tag) {
      out.push(n as Element);
    }
  }
  return out;
}

function child(parent: Element, tag: string): Element | undefined {
  return elements(parent, tag)[0];
}

function bool(el: Element, name: string): boolean | undefined {
  const v = el.getAttribute(name);
  return v === null || v === '' ? undefined : v.toUpperCase() === 'TRUE';
}

function num(el: Element, name: string): number | undefined {
  const v = el.getAttribute(name);
  return v === null || v === '' ? undefined : Number(v);
}

function reportUnknown(el: Element, kind: keyof typeof SCHEMA_ATTRIBUTES, where: string, ignored: string[]): void {
  const known = SCHEMA_ATTRIBUTES[kind];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes[i];
    if (a.name === 'xmlns' || a.name.startsWith('xmlns:') || known.includes(a.name)) {
      continue;
    }
    ignored.push(`${where}: <${kind} ${a.name}="${a.value.slice(0, 40)}"> is not in SharePoint's CAML schema (wss.xsd); SharePoint ignores it, and so does the emulator.`);
  }
}

function parseXml(text: string, file: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({ errorHandler: { warning: () => undefined, error: (m: string) => errors.push(m), fatalError: (m: string) => errors.push(m) } }).parseFromString(text, 'text/xml');
  if (errors.length) {
    throw new Error(`${file} is not well-formed XML: ${errors[0]}`);
  }
  return doc as unknown as Document;
}

/**
 * A `<Field>` as SharePoint creates it. A lookup's `List` is a list URL in feature XML and the
 * list's GUID in createFieldAsXml (`lookupKey` resolves either).
 */
function fieldOf(el: Element, where: string, ignored: string[], lookupKey: (list: string) => ListKey = listKeyOfUrl): SiteField {
  reportUnknown(el, 'Field', where, ignored);
  const id = (el.getAttribute('ID') ?? '').replace(/[{}]/g, '').toLowerCase();
  const type = el.getAttribute('Type') as FieldType;
  const choices = child(el, 'CHOICES');
  const validation = child(el, 'Validation');
  const def = child(el, 'Default');
  const list = el.getAttribute('List');
  const deleteBehavior = el.getAttribute('RelationshipDeleteBehavior');
  if (deleteBehavior && deleteBehavior !== 'None') {
    // Declared in XML, SharePoint Online reports the relationship as not enforced (sp-dev-docs issue
    // #10137, "How to provision a lookup column with enforce delete behavior"; pnp/PnP-Provisioning-Schema
    // issue #603, "RelationshipDeleteBehavior=Restrict is ignored"); it is set over REST
    // (SP.FieldLookup.RelationshipDeleteBehavior), which the installation check does.
    ignored.push(`${where}: <Field Name="${el.getAttribute('Name')}" RelationshipDeleteBehavior="${deleteBehavior}"> is not applied from XML (sp-dev-docs #10137); the installation check sets it over REST.`);
  }
  const field: SiteField = {
    id,
    name: el.getAttribute('Name') ?? '',
    displayName: el.getAttribute('DisplayName') ?? '',
    type,
    description: el.getAttribute('Description') ?? '',
    required: bool(el, 'Required') ?? false,
    indexed: bool(el, 'Indexed') ?? false,
    unique: bool(el, 'EnforceUniqueValues') ?? false,
    // Text: SharePoint's limit is 255 unless MaxLength says less (FieldDefinition MaxLength).
    maxLength: type === 'Text' ? num(el, 'MaxLength') ?? 255 : undefined,
    numLines: num(el, 'NumLines'),
    choices: choices ? elements(choices, 'CHOICE').map((c): IChoice => ({ key: c.textContent ?? '', value: c.textContent ?? '' })) : undefined,
    defaultValue: def ? def.textContent ?? '' : undefined,
    min: num(el, 'Min'),
    max: num(el, 'Max'),
    decimals: num(el, 'Decimals'),
    dateOnly: type === 'DateTime' ? el.getAttribute('Format') === 'DateOnly' : undefined,
    lookupList: list && (type === 'Lookup' || type === 'LookupMulti') ? lookupKey(list) : undefined,
    validation: validation ? { formula: validation.textContent ?? '', message: validation.getAttribute('Message') ?? '' } : undefined,
    hiddenInForms: bool(el, 'ShowInNewForm') === false,
    builtIn: id === TITLE_FIELD_ID || bool(el, 'FromBaseType') === true,
    relationshipDeleteBehavior: 'None',
    // FieldDefinition UserSelectionMode: PeopleOnly unless PeopleAndGroups (wss.xsd; SP.FieldUserSelectionMode).
    peopleOnly: type === 'User' ? el.getAttribute('UserSelectionMode') !== 'PeopleAndGroups' : undefined
  };
  return field;
}

/**
 * A field added over REST (`fields/createfieldasxml`, SP.FieldCollection.createFieldAsXml): the
 * same `<Field>` element, with a lookup's `List` given as the target list's GUID.
 * @throws Error with SharePoint's reason when the XML is not a field SharePoint would create
 */
export function fieldFromXml(xml: string, where: string, listIdToKey: (id: string) => ListKey | undefined): { field: SiteField; ignored: string[] } {
  const ignored: string[] = [];
  const el = parseXml(xml, 'SchemaXml').documentElement;
  if (el.localName !== 'Field' || !el.getAttribute('Name') || !el.getAttribute('Type')) {
    throw new Error('The SchemaXml is not a <Field> with a Name and a Type.');
  }
  const field = fieldOf(el, where, ignored, (list) => {
    const key = listIdToKey(list.replace(/[{}]/g, '').toLowerCase());
    if (!key) {
      throw new Error(`List '${list}' does not exist: a lookup created over REST names its list by GUID.`);
    }
    return key;
  });
  return { field, ignored };
}

function viewOf(el: Element, where: string, ignored: string[]): IViewSchema {
  reportUnknown(el, 'View', where, ignored);
  const query = child(el, 'Query');
  const where_ = query && child(query, 'Where');
  const groupBy = query && child(query, 'GroupBy');
  const orderBy = query && child(query, 'OrderBy');
  const viewFields = child(el, 'ViewFields');
  const rowLimit = child(el, 'RowLimit');
  const inner = (e: Element): string => {
    let s = '';
    for (let n = e.firstChild; n; n = n.nextSibling) {
      s += n.toString();
    }
    return s;
  };
  return {
    name: el.getAttribute('DisplayName') ?? '',
    url: el.getAttribute('Url') ?? '',
    isDefault: bool(el, 'DefaultView') ?? false,
    fields: viewFields ? elements(viewFields, 'FieldRef').map((f) => f.getAttribute('Name') ?? '') : [],
    where: where_ ? inner(where_) : undefined,
    groupBy: groupBy ? elements(groupBy, 'FieldRef').map((f) => f.getAttribute('Name') ?? '') : undefined,
    orderBy: orderBy ? elements(orderBy, 'FieldRef').map((f) => ({ field: f.getAttribute('Name') ?? '', ascending: (f.getAttribute('Ascending') ?? 'TRUE').toUpperCase() === 'TRUE' })) : undefined,
    rowLimit: rowLimit ? Number(rowLimit.textContent) : 30
  };
}

/** Reads the feature: elements.xml, then each list's schema file, in manifest order. */
export function provisionFromFeature(dir: string = ASSETS_DIR, read: (file: string) => string = (f) => readFileSync(join(dir, f), 'utf8')): ProvisionResult {
  const ignored: string[] = [];
  const manifest = parseXml(read('elements.xml'), 'elements.xml').documentElement;
  const lists: SiteList[] = [];
  for (const instance of elements(manifest, 'ListInstance')) {
    const url = instance.getAttribute('Url') ?? '';
    reportUnknown(instance, 'ListInstance', url, ignored);
    const schemaFile = instance.getAttribute('CustomSchema');
    if (!schemaFile) {
      throw new Error(`ListInstance ${url} has no CustomSchema; the emulator provisions custom schemas only.`);
    }
    const root = parseXml(read(schemaFile), schemaFile).documentElement;
    reportUnknown(root, 'List', url, ignored);
    const meta = child(root, 'MetaData');
    const fieldsEl = meta && child(meta, 'Fields');
    const viewsEl = meta && child(meta, 'Views');
    const validation = meta && child(meta, 'Validation');
    const template = Number(instance.getAttribute('TemplateType')) as 100 | 101;
    lists.push({
      key: listKeyOfUrl(url),
      title: instance.getAttribute('Title') ?? root.getAttribute('Title') ?? url,
      url,
      template,
      description: instance.getAttribute('Description') ?? root.getAttribute('Description') ?? '',
      fields: fieldsEl ? elements(fieldsEl, 'Field').map((f) => fieldOf(f, url, ignored)) : [],
      views: viewsEl ? elements(viewsEl, 'View').map((v) => viewOf(v, url, ignored)) : [],
      // Libraries have no attachments; lists do unless DisableAttachments="TRUE".
      enableAttachments: template !== 101 && bool(root, 'DisableAttachments') !== true,
      enableVersioning: bool(instance, 'VersioningEnabled') ?? bool(root, 'VersioningEnabled') ?? false,
      // SP.List.ReadSecurity/WriteSecurity default to 1 (all items); feature XML cannot set them.
      readSecurity: 'all',
      writeSecurity: 'all',
      validation: validation ? { formula: validation.textContent ?? '', message: validation.getAttribute('Message') ?? '' } : undefined,
      indexedBuiltIns: new Set()
    });
  }
  return { lists, ignored };
}
