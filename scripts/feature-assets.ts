/**
 * Renders the SharePoint feature files in sharepoint/assets/ from src/model/schema.ts.
 *
 * SharePoint provisions these when the app is added to a site: one element manifest with a
 * ListInstance per list, and one list schema per list with its own content type, fields, views and
 * forms. Fields are list-scoped (not site columns) because lookups must point at a list that exists,
 * and list instances are created in manifest order: Säkerhetsområden first.
 *
 * Run `npm run assets` after changing the schema; a test fails when the committed files differ.
 */
import { createHash } from 'crypto';
import { IFieldSchema, IListSchema, IViewSchema, LISTS, listByKey } from '../src/model/schema';

const SP_NS = 'http://schemas.microsoft.com/sharepoint/';
const GENERIC_LIST_FEATURE = '00bfea71-de22-43b2-a848-c05709900100';
const DOCUMENT_LIBRARY_FEATURE = '00bfea71-e717-4e80-aa17-d0c71b360101';
const TITLE_FIELD_ID = 'fa564e0f-0c70-4ab9-b863-0177e6ddd247';
const FILE_LEAF_REF_ID = '8553196d-ec8d-4564-9861-3dbe931050c8';

/** A stable GUID derived from a name, so that regenerating the XML never changes field IDs. */
export function stableGuid(name: string): string {
  const hex = createHash('sha1').update(`sakerhet:${name}`).digest('hex');
  // Shape it as an RFC 4122 name-based (v5) UUID.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function fieldId(list: IListSchema, field: IFieldSchema): string {
  return field.builtIn && field.name === 'Title' ? TITLE_FIELD_ID : stableGuid(`${list.key}:${field.name}`);
}

export function contentTypeId(list: IListSchema): string {
  const parent = list.template === 101 ? '0x0101' : '0x01';
  return `${parent}00${stableGuid(`${list.key}:contenttype`).replace(/-/g, '').toUpperCase()}`;
}

export function schemaFileName(list: IListSchema): string {
  return `${list.url.split('/').pop()}.schema.xml`;
}

function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function bool(value: boolean | undefined): string {
  return value ? 'TRUE' : 'FALSE';
}

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.keys(values)
    .filter((k) => values[k] !== undefined)
    .map((k) => `${k}="${esc(String(values[k]))}"`)
    .join(' ');
}

function fieldXml(list: IListSchema, field: IFieldSchema): string {
  const common: Record<string, string | number | undefined> = {
    ID: `{${fieldId(list, field)}}`,
    Type: field.type,
    Name: field.name,
    StaticName: field.name,
    DisplayName: field.displayName,
    Description: field.description,
    Required: bool(field.required),
    Indexed: field.indexed ? 'TRUE' : undefined,
    EnforceUniqueValues: field.unique ? 'TRUE' : undefined,
    ShowInNewForm: field.hiddenInForms ? 'FALSE' : undefined,
    ShowInEditForm: field.hiddenInForms ? 'FALSE' : undefined,
    CustomFormatter: field.formatter ? JSON.stringify(field.formatter) : undefined
  };
  if (field.builtIn) {
    common.SourceID = 'http://schemas.microsoft.com/sharepoint/v3';
    common.FromBaseType = 'TRUE';
  }
  const children: string[] = [];
  switch (field.type) {
    case 'Text':
      common.MaxLength = field.maxLength ?? 255;
      break;
    case 'Note':
      Object.assign(common, { NumLines: field.numLines ?? 6, RichText: 'FALSE', AppendOnly: 'FALSE', RestrictedMode: 'TRUE' });
      break;
    case 'Number':
      Object.assign(common, { Min: field.min, Max: field.max, Decimals: field.decimals });
      break;
    case 'DateTime':
      Object.assign(common, { Format: field.dateOnly ? 'DateOnly' : 'DateTime', FriendlyDisplayFormat: 'Disabled' });
      break;
    case 'Choice':
    case 'MultiChoice':
      common.FillInChoice = 'FALSE';
      if (field.type === 'Choice') {
        common.Format = 'Dropdown';
      }
      children.push(`<CHOICES>${(field.choices ?? []).map((c) => `<CHOICE>${esc(c.value)}</CHOICE>`).join('')}</CHOICES>`);
      break;
    case 'Boolean':
      break;
    case 'User':
      Object.assign(common, { List: 'UserInfo', ShowField: 'ImnName', UserSelectionMode: 'PeopleOnly', UserSelectionScope: 0 });
      break;
    case 'Lookup':
    case 'LookupMulti':
      Object.assign(common, {
        List: listByKey(field.lookupList ?? 'areas').url,
        ShowField: 'Title',
        Mult: field.type === 'LookupMulti' ? 'TRUE' : undefined,
        // Restrict deleting an area that still has goals or reports (needs an indexed lookup).
        RelationshipDeleteBehavior: field.type === 'Lookup' && field.indexed ? 'Restrict' : undefined
      });
      break;
  }
  if (field.defaultValue !== undefined) {
    children.push(`<Default>${esc(field.defaultValue)}</Default>`);
  }
  if (field.validation) {
    children.push(`<Validation Message="${esc(field.validation.message)}">${esc(field.validation.formula)}</Validation>`);
  }
  const open = `<Field ${attrs(common)}`;
  return children.length ? `${open}>${children.join('')}</Field>` : `${open} />`;
}

function viewXml(list: IListSchema, view: IViewSchema): string {
  const query: string[] = [];
  if (view.where) {
    query.push(`<Where>${view.where}</Where>`);
  }
  if (view.groupBy?.length) {
    query.push(`<GroupBy Collapse="FALSE" GroupLimit="30">${view.groupBy.map((f) => `<FieldRef Name="${f}" />`).join('')}</GroupBy>`);
  }
  if (view.orderBy?.length) {
    query.push(`<OrderBy>${view.orderBy.map((o) => `<FieldRef Name="${o.field}" Ascending="${bool(o.ascending)}" />`).join('')}</OrderBy>`);
  }
  const a = attrs({
    BaseViewID: 1,
    Type: 'HTML',
    WebPartZoneID: 'Main',
    DisplayName: view.name,
    DefaultView: view.isDefault ? 'TRUE' : undefined,
    MobileView: 'TRUE',
    MobileDefaultView: view.isDefault ? 'TRUE' : undefined,
    SetupPath: 'pages\\viewpage.aspx',
    ImageUrl: list.template === 101 ? '/_layouts/15/images/dlicon.png' : '/_layouts/15/images/generic.png',
    Url: view.url
  });
  return [
    `      <View ${a}>`,
    '        <XslLink Default="TRUE">main.xsl</XslLink>',
    '        <JSLink>clienttemplates.js</JSLink>',
    `        <RowLimit Paged="TRUE">${view.rowLimit}</RowLimit>`,
    '        <Toolbar Type="Standard" />',
    `        <ViewFields>${view.fields.map((f) => `<FieldRef Name="${f}" />`).join('')}</ViewFields>`,
    `        <Query>${query.join('')}</Query>`,
    '      </View>'
  ].join('\n');
}

export function listSchemaXml(list: IListSchema): string {
  const isLibrary = list.template === 101;
  const listAttrs = attrs({
    'xmlns:ows': 'Microsoft SharePoint',
    Title: list.title,
    Description: list.description,
    EnableContentTypes: 'FALSE',
    FolderCreation: 'FALSE',
    Direction: '$Resources:Direction;',
    Url: list.url,
    BaseType: isLibrary ? 1 : 0,
    VersioningEnabled: bool(list.enableVersioning),
    // Attachments are on by default; the CAML schema turns them off with DisableAttachments
    // (wss.xsd ListDefinition). Item-level security is not in the schema at all: the installation
    // check sets SP.List.ReadSecurity/WriteSecurity over REST.
    DisableAttachments: isLibrary || list.enableAttachments ? undefined : 'TRUE',
    xmlns: SP_NS
  });
  const fieldRefs = [
    ...(isLibrary ? [`<FieldRef ID="{${FILE_LEAF_REF_ID}}" Name="FileLeafRef" Required="TRUE" />`] : []),
    ...list.fields.map((f) => `<FieldRef ID="{${fieldId(list, f)}}" Name="${f.name}"${f.required ? ' Required="TRUE"' : ''} />`)
  ];
  const forms = isLibrary
    ? [
        '<Form Type="DisplayForm" Url="Forms/DispForm.aspx" SetupPath="pages\\form.aspx" WebPartZoneID="Main" />',
        '<Form Type="EditForm" Url="Forms/EditForm.aspx" SetupPath="pages\\form.aspx" WebPartZoneID="Main" />',
        '<Form Type="NewForm" Url="Forms/Upload.aspx" SetupPath="pages\\form.aspx" WebPartZoneID="Main" />'
      ]
    : [
        '<Form Type="DisplayForm" Url="DispForm.aspx" SetupPath="pages\\form.aspx" WebPartZoneID="Main" />',
        '<Form Type="EditForm" Url="EditForm.aspx" SetupPath="pages\\form.aspx" WebPartZoneID="Main" />',
        '<Form Type="NewForm" Url="NewForm.aspx" SetupPath="pages\\form.aspx" WebPartZoneID="Main" />'
      ];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!-- Generated from src/model/schema.ts by `npm run assets`. Do not edit by hand. -->',
    `<List ${listAttrs}>`,
    '  <MetaData>',
    '    <ContentTypes>',
    `      <ContentType ID="${contentTypeId(list)}" Name="${esc(list.title)}" Group="Säkerhet" Description="${esc(list.description)}">`,
    `        <FieldRefs>${fieldRefs.join('')}</FieldRefs>`,
    '      </ContentType>',
    '    </ContentTypes>',
    '    <Fields>',
    ...list.fields.map((f) => `      ${fieldXml(list, f)}`),
    '    </Fields>',
    '    <Views>',
    ...list.views.map((v) => viewXml(list, v)),
    '    </Views>',
    '    <Forms>',
    ...forms.map((f) => `      ${f}`),
    '    </Forms>',
    ...(list.validation ? [`    <Validation Message="${esc(list.validation.message)}">${esc(list.validation.formula)}</Validation>`] : []),
    '  </MetaData>',
    '</List>',
    ''
  ].join('\n');
}

export function elementsXml(lists: readonly IListSchema[] = LISTS): string {
  const instances = lists.map((list) =>
    [
      '  <ListInstance',
      `    ${attrs({
        CustomSchema: schemaFileName(list),
        FeatureId: list.template === 101 ? DOCUMENT_LIBRARY_FEATURE : GENERIC_LIST_FEATURE,
        Title: list.title,
        Description: list.description,
        TemplateType: list.template,
        Url: list.url,
        OnQuickLaunch: 'TRUE'
      })}>`,
      '  </ListInstance>'
    ].join('\n')
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!-- Generated from src/model/schema.ts by `npm run assets`. Do not edit by hand. -->',
    '<!-- Order matters: Säkerhetsområden is created first because the other lists look it up. -->',
    `<Elements xmlns="${SP_NS}">`,
    ...instances,
    '</Elements>',
    ''
  ].join('\n');
}

/** Every file of the feature, by file name. */
export function renderFeatureAssets(): Record<string, string> {
  const files: Record<string, string> = { 'elements.xml': elementsXml() };
  for (const list of LISTS) {
    files[schemaFileName(list)] = listSchemaXml(list);
  }
  return files;
}
