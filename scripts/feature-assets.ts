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
import { attrs, bool, esc, fieldXml } from '../src/model/caml';
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
    ...list.fields.map((f) => `      ${fieldXml(f, { id: fieldId(list, f), lookupList: (key) => listByKey(key).url, deleteBehavior: true })}`),
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
