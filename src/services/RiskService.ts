import { startOfDay, TimeZone } from '../model/calendar';
import { ASSESSMENT_STATUSES, INCIDENTS_LIST, RISKS_LIST, RISK_ASSESSMENTS_LIST, RISK_STATUSES, choiceValue } from '../model/schema';
import type { IRisk, IRiskAssessment } from '../model/types';
import { isGrade } from '../model/risk';
import { ServiceError, toServiceError } from './errors';
import { listOf, noAccessAs, THRESHOLD } from './lists';
import { fromScores, RISK_ASSESSMENT_SHAPE, RISK_DETAIL_SHAPE, RISK_SHAPE, toRisk, toRiskAssessment } from './mapping';
import type { ILinkedReport, INewAssessment, INewRisk, IRiskChanges, IRiskService } from './interfaces';
import type { SPFI } from './sp';

type Raw = Record<string, unknown>;

export type { ILinkedReport, INewAssessment, INewRisk, IRiskChanges } from './interfaces';

/**
 * The risk register (Risker) and its assessment history (Riskbedömningar).
 *
 * Privacy: a risk item holds only its fastställd figures – a draft assessment lives in
 * Riskbedömningar, which staff cannot read, and reaches the risk only when it is fastställd – so
 * whoever the region lets read the register (Members: Read, a setting) never sees a draft.
 * Dates: Bedömd datum and Nästa översyn are date-only columns, written as midnight of the day in
 * the site's time zone (model/calendar.ts). Errors: every method throws ServiceError
 * ('conflict' on a 412: someone saved the risk first; 'forbidden' without rights).
 */
export class RiskService implements IRiskService {
  constructor(
    private readonly sp: SPFI,
    private readonly siteUrl: string,
    private readonly timeZone: () => Promise<TimeZone>
  ) {}

  private risks(sp: SPFI = this.sp): ReturnType<typeof listOf> {
    return listOf(sp, RISKS_LIST, this.siteUrl);
  }

  private assessments(sp: SPFI = this.sp): ReturnType<typeof listOf> {
    return listOf(sp, RISK_ASSESSMENTS_LIST, this.siteUrl);
  }

  /**
   * The register, for one area or the region (filter first on the indexed Område). A user without
   * access to Risker (staff where the region has not opened it, visitors) gets an empty register.
   */
  public async getRisks(areaId?: number, sp?: SPFI): Promise<IRisk[]> {
    let q = this.risks(sp).items.select(...RISK_SHAPE.select).expand(...RISK_SHAPE.expand);
    if (areaId !== undefined) {
      q = q.filter(`AreaId eq ${Number(areaId)}`);
    }
    const rows: Raw[] = await q.top(THRESHOLD)().catch(noAccessAs<Raw[]>([]));
    return rows.map(toRisk);
  }

  public async getRisk(id: number, sp?: SPFI): Promise<IRisk> {
    try {
      const raw: Raw = await this.risks(sp).items.getById(id).select(...RISK_DETAIL_SHAPE.select).expand(...RISK_DETAIL_SHAPE.expand)();
      return toRisk(raw);
    } catch (err) {
      throw toServiceError(err);
    }
  }

  /** Every assessment of the given risks, newest first; empty for those who may not read them (staff). */
  public async getAssessments(riskIds: readonly number[], sp?: SPFI): Promise<IRiskAssessment[]> {
    if (riskIds.length === 0) {
      return [];
    }
    const rows: Raw[] = await this.assessments(sp)
      .items.select(...RISK_ASSESSMENT_SHAPE.select)
      .expand(...RISK_ASSESSMENT_SHAPE.expand)
      .filter(riskIds.map((id) => `RiskId eq ${Number(id)}`).join(' or '))
      .orderBy('AssessedAt', false)
      .top(THRESHOLD)()
      .catch(noAccessAs<Raw[]>([]));
    return rows.map(toRiskAssessment);
  }

  /**
   * The fastställda assessments made between two instants (the säkerhetsberättelse's years): the
   * indexed Bedömd datum first. Empty for those who may not read them.
   */
  public async getApprovedAssessments(from: Date, to: Date, sp?: SPFI): Promise<IRiskAssessment[]> {
    const rows: Raw[] = await this.assessments(sp)
      .items.select(...RISK_ASSESSMENT_SHAPE.select)
      .expand(...RISK_ASSESSMENT_SHAPE.expand)
      .filter(`AssessedAt ge datetime'${from.toISOString()}' and AssessedAt lt datetime'${to.toISOString()}' and AssessmentStatus eq '${choiceValue(ASSESSMENT_STATUSES, 'approved')}'`)
      .top(THRESHOLD)()
      .catch(noAccessAs<Raw[]>([]));
    return rows.map(toRiskAssessment);
  }

  /**
   * The reports linked to a risk (Händelser's Risk, indexed); owners only – item-level security hides them from anyone else.
   * @param scope the OData condition of the reports the user handles (model/scope.ts scopeCondition), after the indexed Risk
   */
  public async getLinkedReports(riskId: number, sp?: SPFI, scope?: string): Promise<ILinkedReport[]> {
    const rows: Raw[] = await listOf(sp ?? this.sp, INCIDENTS_LIST, this.siteUrl)
      .items.select('Id', 'Title', 'OccurredAt')
      .filter(scope ? `RiskId eq ${Number(riskId)} and ${scope}` : `RiskId eq ${Number(riskId)}`)
      .top(THRESHOLD)()
      .catch(noAccessAs<Raw[]>([]));
    return rows.map((r) => ({ id: Number(r.Id), title: String(r.Title ?? ''), occurredAt: typeof r.OccurredAt === 'string' ? new Date(r.OccurredAt) : undefined }));
  }

  public async addRisk(risk: INewRisk): Promise<IRisk> {
    if (!risk.title.trim() || !risk.threat.trim() || !risk.harm.trim()) {
      // The form names the empty field; this guards other callers. Nothing is sent.
      throw new ServiceError('invalid', 'A risk needs a title, a threat and what it would harm', undefined, 'riskIncomplete');
    }
    try {
      const zone = await this.timeZone();
      const added: Raw = await this.risks().items.add({
        Title: risk.title.trim(),
        AreaId: risk.areaId,
        Threat: risk.threat.trim(),
        Harm: risk.harm.trim(),
        Location: risk.location?.trim() || null,
        Controls: risk.controls?.trim() || null,
        RiskOwnerId: risk.ownerId ?? null,
        RiskStatus: choiceValue(RISK_STATUSES, 'identified'),
        NextReview: risk.nextReview ? startOfDay(risk.nextReview, zone).toISOString() : null
      });
      return this.getRisk(Number(added.Id));
    } catch (err) {
      throw toServiceError(err);
    }
  }

  /** Saves changes with the ETag the risk was read with. */
  public async updateRisk(risk: IRisk, changes: IRiskChanges): Promise<IRisk> {
    try {
      const zone = await this.timeZone();
      const body: Raw = {};
      if (changes.title !== undefined) body.Title = changes.title.trim();
      if (changes.threat !== undefined) body.Threat = changes.threat.trim();
      if (changes.harm !== undefined) body.Harm = changes.harm.trim();
      if (changes.location !== undefined) body.Location = changes.location.trim() || null;
      if (changes.controls !== undefined) body.Controls = changes.controls.trim() || null;
      if (changes.ownerId !== undefined) body.RiskOwnerId = changes.ownerId || null;
      if (changes.status !== undefined) body.RiskStatus = choiceValue(RISK_STATUSES, changes.status);
      if (changes.nextReview !== undefined) body.NextReview = changes.nextReview ? startOfDay(changes.nextReview, zone).toISOString() : null;
      await this.risks().items.getById(risk.id).update(body, risk.etag);
      return this.getRisk(risk.id);
    } catch (err) {
      throw toServiceError(err);
    }
  }

  /**
   * Adds an assessment; the earlier ones stay. With `approve`, it becomes the risk's current one:
   * first stored as a draft, then its figures are copied to the risk (with the risk's ETag), then
   * it is marked fastställd – so a refused step leaves at worst a draft, never a register that
   * shows figures nobody fastställt. A risk still Identifierad becomes Bedömd.
   */
  public async assess(risk: IRisk, assessment: INewAssessment): Promise<{ risk: IRisk; assessment: IRiskAssessment }> {
    const { before, after } = assessment.scores;
    const graded = (s: { likelihood: unknown; consequence: unknown }): boolean => isGrade(s.likelihood) && isGrade(s.consequence);
    if (!assessment.title.trim() || !graded(before) || (after && !graded(after))) {
      throw new ServiceError('invalid', 'An assessment needs a summary and grades 1–4 for sannolikhet and konsekvens', undefined, 'assessmentIncomplete');
    }
    try {
      const zone = await this.timeZone();
      const added: Raw = await this.assessments().items.add({
        Title: assessment.title.trim(),
        RiskId: risk.id,
        AssessedAt: startOfDay(assessment.assessedAt, zone).toISOString(),
        AssessmentStatus: choiceValue(ASSESSMENT_STATUSES, 'draft'),
        AssessorId: assessment.assessorId ?? null,
        Motivation: assessment.motivation?.trim() || null,
        ...fromScores(assessment.scores)
      });
      const draft = await this.readAssessment(Number(added.Id));
      if (!assessment.approve) {
        return { risk, assessment: draft };
      }
      return await this.approve(risk, draft);
    } catch (err) {
      throw toServiceError(err);
    }
  }

  /** Fastställer a draft: its figures become the risk's (see assess). */
  public async approve(risk: IRisk, draft: IRiskAssessment): Promise<{ risk: IRisk; assessment: IRiskAssessment }> {
    try {
      await this.risks()
        .items.getById(risk.id)
        .update(
          {
            ...fromScores(draft.scores),
            AssessedAt: draft.assessedAt.toISOString(),
            ...(risk.status === 'identified' ? { RiskStatus: choiceValue(RISK_STATUSES, 'assessed') } : {})
          },
          risk.etag
        );
      await this.assessments().items.getById(draft.id).update({ AssessmentStatus: choiceValue(ASSESSMENT_STATUSES, 'approved') }, draft.etag);
      return { risk: await this.getRisk(risk.id), assessment: await this.readAssessment(draft.id) };
    } catch (err) {
      throw toServiceError(err);
    }
  }

  /**
   * Links a report to the risk it realised (or unlinks it without a risk): Händelser's Risk, saved with
   * the report's ETag. Only those who handle reports can (item-level security; Override List Behaviors).
   */
  public async linkReport(report: { id: number; etag: string }, riskId: number | undefined): Promise<void> {
    try {
      await listOf(this.sp, INCIDENTS_LIST, this.siteUrl).items.getById(report.id).update({ RiskId: riskId ?? null }, report.etag);
    } catch (err) {
      throw toServiceError(err);
    }
  }

  private async readAssessment(id: number): Promise<IRiskAssessment> {
    const raw: Raw = await this.assessments().items.getById(id).select(...RISK_ASSESSMENT_SHAPE.select).expand(...RISK_ASSESSMENT_SHAPE.expand)();
    return toRiskAssessment(raw);
  }
}
