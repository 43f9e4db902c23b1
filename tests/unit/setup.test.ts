/**
 * The installation check's comparison (services/SetupService.ts, findIssues) on sites read by hand:
 * what it reports, what it repairs and what it leaves to the site owner. The requests themselves are
 * tested against the emulator in tests/integration/installation-check.test.ts.
 */
import { findIssues, ISiteSnapshot, maskOf } from '../../src/services/SetupService';
import { AREA_OWNER_LEVEL, AREA_OWNERS_GROUP, LISTS, Right, SecurityGroup, deleteBehaviorOf } from '../../src/model/schema';

const AREAS = [
  { key: 'arbetsmiljo', title: 'Arbetsmiljö' },
  { key: 'beredskap', title: 'Beredskap' }
];
// SharePoint Online's default levels (SP.RoleType: Reader 2, Contributor 3, Administrator 5; Limited Access 1, hidden).
const LEVELS = [
  { id: 1073741826, name: 'Läsa', roleTypeKind: 2, mask: { High: 0, Low: 1 }, hidden: false },
  { id: 1073741827, name: 'Bidra', roleTypeKind: 3, mask: { High: 0, Low: 3 }, hidden: false },
  { id: 1073741829, name: 'Fullständig behörighet', roleTypeKind: 5, mask: { High: 2147483647, Low: 4294967295 }, hidden: false },
  { id: 1073741825, name: 'Begränsad åtkomst', roleTypeKind: 1, mask: { High: 0, Low: 0 }, hidden: true },
  { id: 1073742000, name: AREA_OWNER_LEVEL.name, roleTypeKind: 0, mask: maskOf(AREA_OWNER_LEVEL.permissions), hidden: false }
];
const GROUPS = { owners: 3, visitors: 4, staff: 5, areaOwners: 6 } as const;
const LEVEL_OF: Record<Exclude<Right, 'none'>, number> = { read: 1073741826, contribute: 1073741827, fullControl: 1073741829, areaOwner: 1073742000 };

/** A site exactly as the schema wants it. */
function perfect(): ISiteSnapshot {
  return {
    webMask: { High: 2147483647, Low: 4294967295 },
    levels: LEVELS,
    groups: [
      { id: 3, title: 'Säkerhet – ägare' },
      { id: 4, title: 'Säkerhet – besökare' },
      { id: 5, title: 'Säkerhet – medlemmar' },
      { id: 6, title: AREA_OWNERS_GROUP.name }
    ],
    associated: { owners: 3, members: 5, visitors: 4 },
    areaOwnerMembers: 3,
    areaKeys: AREAS.map((a) => a.key),
    lists: LISTS.map((schema) => ({
      schema,
      found: true,
      id: `00000000-0000-4000-8000-00000000000${LISTS.indexOf(schema)}`,
      title: schema.title,
      readSecurity: schema.readSecurity === 'own' ? 2 : 1,
      writeSecurity: schema.writeSecurity === 'own' ? 2 : 1,
      enableAttachments: schema.enableAttachments,
      hasUniqueRoleAssignments: true,
      fields: [
        ...schema.fields.map((f) => ({ InternalName: f.name, Title: f.displayName, TypeAsString: f.type, Required: !!f.required, Indexed: !!f.indexed, Choices: f.choices?.map((c) => c.value), RelationshipDeleteBehavior: deleteBehaviorOf(f) === 'Restrict' ? 2 : 0 })),
        { InternalName: 'Author', Title: 'Skapad av', TypeAsString: 'User', Indexed: true }
      ],
      assignments: (Object.keys(schema.rights) as SecurityGroup[])
        .filter((g) => schema.rights[g] !== 'none')
        .map((g) => ({ principalId: GROUPS[g], principalTitle: g, bindings: [{ id: LEVEL_OF[schema.rights[g] as Exclude<Right, 'none'>], name: 'x', hidden: false }] }))
    }))
  };
}

const describeIssues = (site: ISiteSnapshot): string[] => findIssues(site, AREAS).map((i) => `${i.repair} ${i.kind}${i.list ? ` ${i.list}` : ''}${i.subject ? ` ${i.subject}` : ''}`);

describe('the installation check compares', () => {
  it('a site as the schema wants it: nothing', () => {
    expect(describeIssues(perfect())).toEqual([]);
  });

  it('finds levels by SharePoint\'s role type, so a Swedish site\'s level names do not matter', () => {
    const site = perfect();
    expect(site.levels.map((l) => l.name)).toContain('Läsa');
    expect(describeIssues(site)).toEqual([]);
  });

  it('ignores Limited Access, which SharePoint keeps by itself, and other people on the public lists; not on Risker, Händelser, Åtgärder, Riskbedömningar and Utkastnycklar', () => {
    const site = perfect();
    for (const list of site.lists) {
      list.assignments.push({ principalId: 99, principalTitle: 'Kommunikatörer', bindings: [{ id: 1073741826, name: 'Läsa', hidden: false }] });
      list.assignments.push({ principalId: 98, principalTitle: 'Nils', bindings: [{ id: 1073741825, name: 'Begränsad åtkomst', hidden: true }] });
    }
    expect(describeIssues(site)).toEqual([
      'auto assignmentExtra risks Kommunikatörer',
      'auto assignmentExtra incidents Kommunikatörer',
      'auto assignmentExtra actions Kommunikatörer',
      'auto assignmentExtra riskAssessments Kommunikatörer',
      'auto assignmentExtra draftKeys Kommunikatörer'
    ]);
  });

  it("leaves the region's setting alone – Members: Read on Risker – but not more than Read, and never on Riskbedömningar", () => {
    const site = perfect();
    const on = (key: string): ISiteSnapshot['lists'][number] => site.lists.find((l) => l.schema.key === key)!;
    on('risks').assignments.push({ principalId: GROUPS.staff, principalTitle: 'Säkerhet – medlemmar', bindings: [{ id: LEVEL_OF.read, name: 'Läsa', hidden: false }] });
    expect(describeIssues(site)).toEqual([]);
    on('risks').assignments.find((a) => a.principalId === GROUPS.staff)!.bindings.push({ id: LEVEL_OF.contribute, name: 'Bidra', hidden: false });
    on('riskAssessments').assignments.push({ principalId: GROUPS.staff, principalTitle: 'Säkerhet – medlemmar', bindings: [{ id: LEVEL_OF.read, name: 'Läsa', hidden: false }] });
    expect(describeIssues(site)).toEqual(['auto assignmentExtra risks Säkerhet – medlemmar', 'auto assignmentExtra riskAssessments Säkerhet – medlemmar']);
  });

  it('leaves a column of the wrong type to the site owner (SharePoint cannot change it), and does not look further at it', () => {
    const site = perfect();
    const severity = site.lists.find((l) => l.schema.key === 'incidents')!.fields.find((f) => f.InternalName === 'Severity')!;
    severity.TypeAsString = 'Text';
    severity.Indexed = false;
    expect(describeIssues(site)).toEqual(['manual fieldType incidents Allvarlighetsgrad']);
  });

  it('leaves missing associated groups and an empty area owners\' group to the site owner', () => {
    const site = perfect();
    site.associated.visitors = undefined;
    site.areaOwnerMembers = 0;
    const found = describeIssues(site);
    expect(found).toEqual(expect.arrayContaining(['manual associatedGroupMissing visitors', `manual groupEmpty ${AREA_OWNERS_GROUP.name}`]));
    // Without a Visitors group there is nobody to give Read to: no assignment is invented for it.
    expect(found.filter((f) => f.includes('assignmentMissing'))).toEqual([]);
  });

  it('repairs a level whose permissions someone changed, and keeps choices the site added', () => {
    const site = perfect();
    site.levels = site.levels.map((l) => (l.name === AREA_OWNER_LEVEL.name ? { ...l, mask: maskOf([...AREA_OWNER_LEVEL.permissions, 'DeleteListItems']) } : l));
    const status = site.lists.find((l) => l.schema.key === 'incidents')!.fields.find((f) => f.InternalName === 'Status')!;
    status.Choices = ['Ny', 'Egen status'];
    const issues = findIssues(site, AREAS);
    expect(issues.map((i) => i.kind)).toEqual(['levelPermissions', 'fieldChoices']);
    expect(issues[1].data!.choices).toEqual(['Ny', 'Egen status', 'Under utredning', 'Åtgärd pågår', 'Avslutad']);
  });

  it('adds only the areas the site lacks, by key', () => {
    const site = perfect();
    site.areaKeys = ['beredskap', 'egen-nyckel'];
    expect(findIssues(site, AREAS).map((i) => [i.kind, i.subject, i.expected])).toEqual([['areasMissing', 'Arbetsmiljö', '1']]);
  });
});
