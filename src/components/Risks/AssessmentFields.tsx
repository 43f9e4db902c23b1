import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { format, IStrings } from '../../loc';
import { useContentLang, useStrings } from '../../hooks/useHost';
import { parseDay } from '../../model/calendar';
import { isGrade, type Grade } from '../../model/risk';
import { CONSEQUENCES, fieldOf, LIKELIHOODS, RISK_ASSESSMENTS_LIST } from '../../model/schema';
import type { IRiskScores } from '../../model/types';
import type { INewAssessment } from '../../services/interfaces';
import { CheckboxField } from '../common/CheckboxField';
import { label } from '../common/labels';
import { TextInput } from '../common/TextInput';
import { RadioGroup } from '../ReportForm/RadioGroup';
import { LevelBadge } from './RiskTable';

const useStyles = makeStyles((theme) => ({
  fields: { display: 'grid', gap: 12, maxWidth: 760 },
  pair: { display: 'grid', gap: 12 },
  level: { margin: 0, color: theme.semanticColors.bodySubtext }
}));

const TITLE_MAX = fieldOf(RISK_ASSESSMENTS_LIST, 'Title').maxLength!;
const MOTIVATION_MAX = fieldOf(RISK_ASSESSMENTS_LIST, 'Motivation').maxLength!;

/** An assessment as typed: grades as '1'–'4' or '' (not chosen), the day as 'yyyy-mm-dd'. */
export interface IAssessmentForm {
  title: string;
  likelihood: string;
  consequence: string;
  residualLikelihood: string;
  residualConsequence: string;
  assessedAt: string;
  motivation: string;
  approve: boolean;
}

export type AssessmentField = Exclude<keyof IAssessmentForm, 'approve'>;
export type IAssessmentProblems = { [K in AssessmentField]?: string };
const FIELDS: AssessmentField[] = ['title', 'assessedAt', 'likelihood', 'consequence', 'residualLikelihood', 'residualConsequence', 'motivation'];

export function emptyAssessmentForm(today: string): IAssessmentForm {
  return { title: '', likelihood: '', consequence: '', residualLikelihood: '', residualConsequence: '', assessedAt: today, motivation: '', approve: true };
}

export function assessmentFormChanged(form: IAssessmentForm, today: string): boolean {
  const empty = emptyAssessmentForm(today);
  return FIELDS.some((f) => form[f] !== empty[f]);
}

const grade = (text: string): Grade | undefined => {
  const n = Number(text);
  return text && isGrade(n) ? n : undefined;
};

/** Each field's problem by its visible label, in the user's language. */
export function checkAssessmentForm(form: IAssessmentForm, strings: IStrings): IAssessmentProblems {
  const problems: IAssessmentProblems = {};
  const title = form.title.trim();
  if (!title) {
    problems.title = format(strings.errRequired, strings.assessmentTitle);
  } else if (title.length > TITLE_MAX) {
    problems.title = format(strings.errTooLong, strings.assessmentTitle, TITLE_MAX);
  }
  if (!parseDay(form.assessedAt)) {
    problems.assessedAt = form.assessedAt ? format(strings.errDay, strings.assessmentDate) : format(strings.errRequired, strings.assessmentDate);
  }
  if (!grade(form.likelihood)) {
    problems.likelihood = format(strings.errRequiredChoice, strings.likelihood);
  }
  if (!grade(form.consequence)) {
    problems.consequence = format(strings.errRequiredChoice, strings.consequence);
  }
  // After measures: both or neither.
  if (!!form.residualLikelihood !== !!form.residualConsequence) {
    problems[form.residualLikelihood ? 'residualConsequence' : 'residualLikelihood'] = strings.errResidualBoth;
  }
  if (form.motivation.trim().length > MOTIVATION_MAX) {
    problems.motivation = format(strings.errTooLong, strings.assessmentMotivation, MOTIVATION_MAX);
  }
  return problems;
}

export function firstAssessmentProblem(problems: IAssessmentProblems): AssessmentField | undefined {
  return FIELDS.find((f) => problems[f]);
}

/** The checked form as the service takes it (call only when checkAssessmentForm found nothing). */
export function newAssessmentOf(form: IAssessmentForm, assessorId: number | undefined): INewAssessment {
  const scores: IRiskScores = { before: { likelihood: grade(form.likelihood)!, consequence: grade(form.consequence)! } };
  const rl = grade(form.residualLikelihood);
  const rc = grade(form.residualConsequence);
  if (rl && rc) {
    scores.after = { likelihood: rl, consequence: rc };
  }
  return { title: form.title, scores, assessedAt: form.assessedAt, motivation: form.motivation, assessorId, approve: form.approve };
}

export interface IAssessmentFieldsProps {
  idPrefix: string;
  form: IAssessmentForm;
  problems: IAssessmentProblems;
  onChange(form: IAssessmentForm, field: keyof IAssessmentForm): void;
}

/**
 * Sannolikhet and konsekvens on the region's 4-step scales (model/risk.ts), each step with its
 * help, before measures and after them; the level the matrix gives is shown as it is chosen.
 */
export function AssessmentFields({ idPrefix, form, problems, onChange }: IAssessmentFieldsProps): JSX.Element {
  const classes = useStyles();
  const { strings } = useStrings();
  const lang = useContentLang();
  const set =
    <K extends keyof IAssessmentForm>(field: K): ((value: IAssessmentForm[K]) => void) =>
    (value: IAssessmentForm[K]): void =>
      onChange({ ...form, [field]: value }, field);
  const likelihoods = LIKELIHOODS.map((c) => ({ value: String(c.grade), label: `${c.grade} ${label(strings, 'likelihood', c.key)}`, help: label(strings, 'likelihoodHelp', c.key) }));
  const consequences = CONSEQUENCES.map((c) => ({ value: String(c.grade), label: `${c.grade} ${label(strings, 'consequence', c.key)}`, help: label(strings, 'consequenceHelp', c.key) }));
  // After measures may be left unassessed: its first choice clears it.
  const residualLikelihoods = [{ value: '', label: strings.riskNotAssessed }, ...likelihoods];
  const residualConsequences = [{ value: '', label: strings.riskNotAssessed }, ...consequences];
  const score = (l: string, c: string): { likelihood: Grade; consequence: Grade } | undefined => {
    const [lg, cg] = [grade(l), grade(c)];
    return lg && cg ? { likelihood: lg, consequence: cg } : undefined;
  };
  const before = score(form.likelihood, form.consequence);
  const after = score(form.residualLikelihood, form.residualConsequence);
  return (
    <div className={classes.fields}>
      <TextInput id={`${idPrefix}title`} label={strings.assessmentTitle} required value={form.title} onChange={set('title')} error={problems.title} lang={lang} />
      <TextInput id={`${idPrefix}assessedAt`} type="date" label={strings.assessmentDate} required value={form.assessedAt} onChange={set('assessedAt')} error={problems.assessedAt} />
      <div className={classes.pair}>
        <RadioGroup id={`${idPrefix}likelihood`} legend={format(strings.beforeMeasuresLegend, strings.likelihood)} options={likelihoods} value={form.likelihood} onChange={set('likelihood')} required error={problems.likelihood} />
        <RadioGroup id={`${idPrefix}consequence`} legend={format(strings.beforeMeasuresLegend, strings.consequence)} options={consequences} value={form.consequence} onChange={set('consequence')} required error={problems.consequence} />
        <p className={classes.level}>
          {strings.riskLevel}: <LevelBadge score={before} />
        </p>
      </div>
      <div className={classes.pair}>
        <p className={classes.level}>{strings.residualHelp}</p>
        <RadioGroup
          id={`${idPrefix}residualLikelihood`}
          legend={format(strings.afterMeasuresLegend, strings.likelihood)}
          options={residualLikelihoods}
          value={form.residualLikelihood}
          onChange={set('residualLikelihood')}
          error={problems.residualLikelihood}
        />
        <RadioGroup
          id={`${idPrefix}residualConsequence`}
          legend={format(strings.afterMeasuresLegend, strings.consequence)}
          options={residualConsequences}
          value={form.residualConsequence}
          onChange={set('residualConsequence')}
          error={problems.residualConsequence}
        />
        <p className={classes.level}>
          {strings.riskLevel}: <LevelBadge score={after} />
        </p>
      </div>
      <TextInput
        id={`${idPrefix}motivation`}
        label={strings.assessmentMotivation}
        multiline
        rows={3}
        value={form.motivation}
        onChange={set('motivation')}
        description={strings.assessmentMotivationHelp}
        error={problems.motivation}
        lang={lang}
      />
      <CheckboxField id={`${idPrefix}approve`} label={strings.approveNow} checked={form.approve} onChange={set('approve')} help={strings.approveNowHelp} />
    </div>
  );
}
