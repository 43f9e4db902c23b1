/**
 * CAML, the XML SharePoint describes lists and columns in: the one renderer of a column's `<Field>`
 * element, shared by the feature files (scripts/feature-assets.ts) and the installation check.
 * Plain functions with no Node or browser dependencies.
 */
import { IFieldSchema, ListKey, deleteBehaviorOf } from './schema';

export function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function bool(value: boolean | undefined): string {
  return value ? 'TRUE' : 'FALSE';
}

export function attrs(values: Record<string, string | number | undefined>): string {
  return Object.keys(values)
    .filter((k) => values[k] !== undefined)
    .map((k) => `${k}="${esc(String(values[k]))}"`)
    .join(' ');
}

/**
 * A column as CAML `<Field>` XML (wss.xsd FieldDefinition): for the feature's list schemas, and for
 * `fields/createfieldasxml` when the installation check adds a column a later version brought.
 * @param options.id the field's GUID (the feature's stable IDs); omitted, SharePoint assigns one
 * @param options.lookupList how a lookup names its list: its URL in feature XML, its GUID over REST
 * @param options.deleteBehavior whether to declare RelationshipDeleteBehavior (feature XML only:
 *   SharePoint does not apply it from XML – sp-dev-docs #10137 – and the check sets it over REST)
 */
export function fieldXml(field: IFieldSchema, options: { id?: string; lookupList: (key: ListKey) => string; deleteBehavior: boolean }): string {
  const common: Record<string, string | number | undefined> = {
    ID: options.id ? `{${options.id}}` : undefined,
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
        List: options.lookupList(field.lookupList ?? 'areas'),
        ShowField: 'Title',
        Mult: field.type === 'LookupMulti' ? 'TRUE' : undefined,
        RelationshipDeleteBehavior: options.deleteBehavior && deleteBehaviorOf(field) !== 'None' ? deleteBehaviorOf(field) : undefined
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
