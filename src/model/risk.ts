/**
 * Risk assessment: the 4-step scales and the risk matrix the region uses for its risk register
 * (Risker) – the one place they are defined. The lists' choices (schema.ts), the app's assessment
 * form, the lägesbild's heat map and the säkerhetsberättelse all read them from here.
 *
 * Source of the scales: Socialstyrelsen, "Händelseanalys & riskanalys – Handbok" (2009), the
 * chapter on riskanalys (konsekvens and sannolikhet tables and the risk matrix, pp. 46 ff.), the
 * method Swedish healthcare regions and SKR's patient safety work use: konsekvens Mindre,
 * Måttlig, Betydande, Katastrofal and sannolikhet Mycket liten, Liten, Stor, Mycket stor, each
 * graded 1–4; the riskvärde (riskpoäng) is sannolikhet × konsekvens, 1–16. The handbook's
 * decision rule is that a risk above 8 calls for further analysis and action at once, which the
 * default matrix below keeps as the level "Mycket hög" (9, 12, 16).
 *
 * The matrix maps each cell to a level explicitly, not by a formula on the value, so that a
 * region which judges e.g. "katastrofal, mycket liten" (4) higher than "mindre, mycket stor" (4)
 * changes that one cell in RISK_MATRIX and nothing else.
 *
 * This file is plain data and pure functions with no imports beyond the schema's types, so the
 * emulator's seed, scripts and the browser bundle can all read it.
 */
import { CONSEQUENCES, Grade, LIKELIHOODS, RISK_LEVELS, RiskLevelKey } from './schema';

export type { Grade, RiskLevelKey } from './schema';

export const GRADES: readonly Grade[] = [1, 2, 3, 4];

/**
 * THE RISK MATRIX – the region changes levels here and nowhere else. Rows: sannolikhet 1–4
 * (Mycket liten … Mycket stor); columns: konsekvens 1–4 (Mindre … Katastrofal). Default: the
 * risk value S × K gives the level, 1–2 Låg, 3–4 Måttlig, 6–8 Hög, 9–16 Mycket hög (above 8:
 * the handbook's threshold for further analysis).
 */
export const RISK_MATRIX: readonly (readonly RiskLevelKey[])[] = [
  /* S=1 Mycket liten */ ['low', 'low', 'medium', 'medium'],
  /* S=2 Liten        */ ['low', 'medium', 'high', 'high'],
  /* S=3 Stor         */ ['medium', 'high', 'veryHigh', 'veryHigh'],
  /* S=4 Mycket stor  */ ['medium', 'high', 'veryHigh', 'veryHigh']
];

/** An assessment on the scales: sannolikhet and konsekvens as grades 1–4. */
export interface IRiskScore {
  likelihood: Grade;
  consequence: Grade;
}

export function isGrade(n: unknown): n is Grade {
  return n === 1 || n === 2 || n === 3 || n === 4;
}

/** Risk value (riskvärde) = sannolikhet × konsekvens, 1–16. */
export function riskValue(score: IRiskScore): number {
  return score.likelihood * score.consequence;
}

/** The level the matrix gives; throws on a grade outside 1–4 (a programming error, not user input). */
export function riskLevel(score: IRiskScore, matrix: readonly (readonly RiskLevelKey[])[] = RISK_MATRIX): RiskLevelKey {
  if (!isGrade(score.likelihood) || !isGrade(score.consequence)) {
    throw new RangeError(`Risk grades must be 1–4, got ${score.likelihood} × ${score.consequence}`);
  }
  return matrix[score.likelihood - 1][score.consequence - 1];
}

/** A level's rank 1 (Låg) – 4 (Mycket hög), for sorting and comparing. */
export function levelRank(level: RiskLevelKey): Grade {
  return RISK_LEVELS.find((l) => l.key === level)!.rank;
}

/** Grade of a stored sannolikhet choice value, or undefined (not assessed, or not a scale value). */
export function likelihoodGrade(stored: unknown): Grade | undefined {
  return LIKELIHOODS.find((c) => c.value === stored)?.grade;
}

/** Grade of a stored konsekvens choice value, or undefined. */
export function consequenceGrade(stored: unknown): Grade | undefined {
  return CONSEQUENCES.find((c) => c.value === stored)?.grade;
}

/** Stored choice values of a grade (sannolikhet, konsekvens). */
export function likelihoodValue(grade: Grade): string {
  return LIKELIHOODS[grade - 1].value;
}
export function consequenceValue(grade: Grade): string {
  return CONSEQUENCES[grade - 1].value;
}

/** Counts per cell of a set of scores: counts[likelihood-1][consequence-1]. */
export function countByCell(scores: readonly IRiskScore[]): number[][] {
  const counts = GRADES.map(() => GRADES.map(() => 0));
  for (const s of scores) {
    counts[s.likelihood - 1][s.consequence - 1]++;
  }
  return counts;
}
