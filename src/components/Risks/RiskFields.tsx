import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { format, IStrings } from '../../loc';
import { useContentLang, useStrings } from '../../hooks/useHost';
import { dayIn, parseDay, TimeZone } from '../../model/calendar';
import { fieldOf, RISKS_LIST, RISK_STATUSES } from '../../model/schema';
import type { IPerson, IRisk, RiskStatusKey } from '../../model/types';
import type { INewRisk, IRiskChanges } from '../../services/interfaces';
import { label } from '../common/labels';
import { Select } from '../common/Select';
import { TextInput } from '../common/TextInput';
import { PeoplePicker } from '../ReportDetail/PeoplePicker';

const useStyles = makeStyles(() => ({
  fields: { display: 'grid', gap: 12, maxWidth: 760 },
  row: { display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 14rem), 1fr))', alignItems: 'start' }
}));

/** The risk as typed: 'yyyy-mm-dd' or '' for the next review. */
export interface IRiskForm {
  title: string;
  threat: string;
  harm: string;
  location: string;
  controls: string;
  owner?: IPerson;
  nextReview: string;
  status: RiskStatusKey;
}

export type RiskField = keyof IRiskForm;
export type IRiskProblems = { [K in RiskField]?: string };
// In the order the form shows them: focus goes to the first with a problem.
const FIELDS: RiskField[] = ['title', 'threat', 'harm', 'controls', 'location', 'nextReview', 'status', 'owner'];
const MAX: Partial<Record<RiskField, number>> = {
  title: fieldOf(RISKS_LIST, 'Title').maxLength,
  threat: fieldOf(RISKS_LIST, 'Threat').maxLength,
  harm: fieldOf(RISKS_LIST, 'Harm').maxLength,
  location: fieldOf(RISKS_LIST, 'Location').maxLength,
  controls: fieldOf(RISKS_LIST, 'Controls').maxLength
};

export const EMPTY_RISK_FORM: IRiskForm = { title: '', threat: '', harm: '', location: '', controls: '', nextReview: '', status: 'identified' };

export function riskFormOf(risk: IRisk, zone: TimeZone): IRiskForm {
  return {
    title: risk.title,
    threat: risk.threat,
    harm: risk.harm,
    location: risk.location,
    controls: risk.controls,
    owner: risk.owner,
    nextReview: risk.nextReview ? dayIn(risk.nextReview, zone) : '',
    status: risk.status
  };
}

function same(field: RiskField, a: IRiskForm, b: IRiskForm): boolean {
  return field === 'owner' ? a.owner?.id === b.owner?.id : a[field] === b[field];
}

/** The fields in which the form differs from the other. */
export function changedRiskFields(base: IRiskForm, form: IRiskForm): RiskField[] {
  return FIELDS.filter((f) => !same(f, base, form));
}

/**
 * After a conflict: what this user changed since `base` wins, every other field takes the value
 * the other person saved – so saving again never undoes a change this user did not make.
 */
export function mergeRiskForms(base: IRiskForm, mine: IRiskForm, theirs: IRiskForm): IRiskForm {
  const merged = { ...theirs };
  for (const f of changedRiskFields(base, mine)) {
    (merged as Record<RiskField, unknown>)[f] = mine[f];
  }
  return merged;
}

/** Each field's problem, in the user's language, by its visible label; none when the form can be saved. */
export function checkRiskForm(form: IRiskForm, strings: IStrings): IRiskProblems {
  const labels: Record<RiskField, string> = {
    title: strings.riskTitle,
    threat: strings.riskThreat,
    harm: strings.riskHarm,
    location: strings.riskLocation,
    controls: strings.riskControls,
    owner: strings.riskOwner,
    nextReview: strings.nextReview,
    status: strings.status
  };
  const problems: IRiskProblems = {};
  for (const f of ['title', 'threat', 'harm'] as const) {
    if (!form[f].trim()) {
      problems[f] = format(strings.errRequired, labels[f]);
    }
  }
  for (const f of ['title', 'threat', 'harm', 'location', 'controls'] as const) {
    const max = MAX[f];
    if (!problems[f] && max !== undefined && form[f].trim().length > max) {
      problems[f] = format(strings.errTooLong, labels[f], max);
    }
  }
  if (form.nextReview && !parseDay(form.nextReview)) {
    problems.nextReview = format(strings.errDay, labels.nextReview);
  }
  return problems;
}

/** The first field with a problem, to move focus to (ids `${prefix}${field}`). */
export function firstProblem(problems: IRiskProblems): RiskField | undefined {
  return FIELDS.find((f) => problems[f]);
}

export function newRiskOf(form: IRiskForm, areaId: number): INewRisk {
  return {
    areaId,
    title: form.title,
    threat: form.threat,
    harm: form.harm,
    location: form.location,
    controls: form.controls,
    ownerId: form.owner?.id,
    nextReview: form.nextReview || undefined
  };
}

/** Only what changed since `base`: a save never rewrites a field the user left alone. */
export function riskChangesOf(base: IRiskForm, form: IRiskForm): IRiskChanges {
  const changes: IRiskChanges = {};
  for (const f of changedRiskFields(base, form)) {
    if (f === 'owner') {
      changes.ownerId = form.owner?.id ?? 0;
    } else if (f === 'status') {
      changes.status = form.status;
    } else {
      changes[f] = form[f];
    }
  }
  return changes;
}

export interface IRiskFieldsProps {
  /** Prefix of the fields' ids: `${idPrefix}title`, `${idPrefix}threat` … */
  idPrefix: string;
  form: IRiskForm;
  problems: IRiskProblems;
  onChange(form: IRiskForm, field: RiskField): void;
  /** Offer the status (an existing risk); a new risk starts as Identifierad. */
  withStatus?: boolean;
  /** A chosen owner is being added to the site: the save waits for it (usePeopleChoices). */
  onChoosing?(choice: Promise<boolean>): void;
}

/** The risk's own fields, with help and each field's problem under it. */
export function RiskFields({ idPrefix, form, problems, onChange, withStatus, onChoosing }: IRiskFieldsProps): JSX.Element {
  const classes = useStyles();
  const { strings } = useStrings();
  const lang = useContentLang();
  const set =
    <K extends RiskField>(field: K): ((value: IRiskForm[K]) => void) =>
    (value: IRiskForm[K]): void =>
      onChange({ ...form, [field]: value }, field);
  return (
    <div className={classes.fields}>
      <TextInput id={`${idPrefix}title`} label={strings.riskTitle} required value={form.title} onChange={set('title')} description={strings.riskTitleHelp} error={problems.title} lang={lang} />
      <TextInput id={`${idPrefix}threat`} label={strings.riskThreat} required multiline rows={3} value={form.threat} onChange={set('threat')} error={problems.threat} lang={lang} />
      <TextInput id={`${idPrefix}harm`} label={strings.riskHarm} required multiline rows={2} value={form.harm} onChange={set('harm')} description={strings.riskHarmHelp} error={problems.harm} lang={lang} />
      <TextInput id={`${idPrefix}controls`} label={strings.riskControls} multiline rows={2} value={form.controls} onChange={set('controls')} error={problems.controls} lang={lang} />
      <div className={classes.row}>
        <TextInput id={`${idPrefix}location`} label={strings.riskLocation} value={form.location} onChange={set('location')} error={problems.location} lang={lang} />
        <TextInput id={`${idPrefix}nextReview`} type="date" label={strings.nextReview} value={form.nextReview} onChange={set('nextReview')} error={problems.nextReview} />
        {withStatus && (
          <Select
            id={`${idPrefix}status`}
            label={strings.status}
            value={form.status}
            onChange={(v) => set('status')(v as RiskStatusKey)}
            options={RISK_STATUSES.map((s) => ({ value: s.key, text: label(strings, 'riskStatus', s.key) }))}
          />
        )}
      </div>
      <PeoplePicker id={`${idPrefix}owner`} label={strings.riskOwner} value={form.owner} onChange={(p) => set('owner')(p)} error={problems.owner} onChoosing={onChoosing} />
    </div>
  );
}
