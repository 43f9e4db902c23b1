import { CONSEQUENCES, LIKELIHOODS, RISK_LEVELS } from '../../src/model/schema';
import { countByCell, GRADES, levelRank, riskLevel, riskValue, consequenceGrade, likelihoodGrade } from '../../src/model/risk';
import type { Grade } from '../../src/model/schema';

/**
 * The risk matrix, every cell by hand. Scales: Socialstyrelsen, "Händelseanalys & riskanalys –
 * Handbok" (2009), konsekvens Mindre/Måttlig/Betydande/Katastrofal and sannolikhet Mycket liten/
 * Liten/Stor/Mycket stor graded 1–4, riskvärde = S × K; the region's default levels: 1–2 Låg,
 * 3–4 Måttlig, 6–8 Hög, 9–16 Mycket hög (above 8: the handbook's threshold for further analysis).
 */
describe('risk matrix (model/risk.ts)', () => {
  // [sannolikhet, konsekvens, riskvärde, nivå] – written out by hand, one row per cell.
  const CELLS: [Grade, Grade, number, string][] = [
    [1, 1, 1, 'low'], [1, 2, 2, 'low'], [1, 3, 3, 'medium'], [1, 4, 4, 'medium'],
    [2, 1, 2, 'low'], [2, 2, 4, 'medium'], [2, 3, 6, 'high'], [2, 4, 8, 'high'],
    [3, 1, 3, 'medium'], [3, 2, 6, 'high'], [3, 3, 9, 'veryHigh'], [3, 4, 12, 'veryHigh'],
    [4, 1, 4, 'medium'], [4, 2, 8, 'high'], [4, 3, 12, 'veryHigh'], [4, 4, 16, 'veryHigh']
  ];

  it('has all 16 cells in the table above', () => {
    expect(CELLS.map(([s, k]) => `${s}${k}`).sort()).toEqual(GRADES.flatMap((s) => GRADES.map((k) => `${s}${k}`)));
  });

  it.each(CELLS)('sannolikhet %i × konsekvens %i: value %i, level %s', (likelihood, consequence, value, level) => {
    expect(riskValue({ likelihood, consequence })).toBe(value);
    expect(riskLevel({ likelihood, consequence })).toBe(level);
  });

  it('levels rise with either grade (no cell lower than its left or lower neighbour)', () => {
    for (const s of GRADES) {
      for (const k of GRADES) {
        const here = levelRank(riskLevel({ likelihood: s, consequence: k }));
        if (k > 1) expect(here).toBeGreaterThanOrEqual(levelRank(riskLevel({ likelihood: s, consequence: (k - 1) as Grade })));
        if (s > 1) expect(here).toBeGreaterThanOrEqual(levelRank(riskLevel({ likelihood: (s - 1) as Grade, consequence: k })));
      }
    }
  });

  it('a region changes a level in the matrix only: a changed matrix gives its own level', () => {
    const stricter = [
      ['medium', 'medium', 'medium', 'high'],
      ['medium', 'medium', 'high', 'high'],
      ['medium', 'high', 'veryHigh', 'veryHigh'],
      ['high', 'high', 'veryHigh', 'veryHigh']
    ] as const;
    expect(riskLevel({ likelihood: 1, consequence: 4 }, stricter)).toBe('high');
    expect(riskLevel({ likelihood: 1, consequence: 4 })).toBe('medium');
  });

  it('refuses grades outside 1–4', () => {
    expect(() => riskLevel({ likelihood: 0 as Grade, consequence: 2 })).toThrow(RangeError);
    expect(() => riskLevel({ likelihood: 2, consequence: 5 as Grade })).toThrow(RangeError);
  });

  it('uses the handbook wording, lowest grade first', () => {
    expect(LIKELIHOODS.map((c) => [c.grade, c.value])).toEqual([[1, 'Mycket liten'], [2, 'Liten'], [3, 'Stor'], [4, 'Mycket stor']]);
    expect(CONSEQUENCES.map((c) => [c.grade, c.value])).toEqual([[1, 'Mindre'], [2, 'Måttlig'], [3, 'Betydande'], [4, 'Katastrofal']]);
    expect(RISK_LEVELS.map((l) => l.value)).toEqual(['Låg', 'Måttlig', 'Hög', 'Mycket hög']);
    expect([likelihoodGrade('Stor'), consequenceGrade('Katastrofal'), likelihoodGrade('Hög'), consequenceGrade(null)]).toEqual([3, 4, undefined, undefined]);
  });

  it('counts scores per cell', () => {
    const counts = countByCell([{ likelihood: 3, consequence: 4 }, { likelihood: 3, consequence: 4 }, { likelihood: 1, consequence: 1 }]);
    expect(counts[2][3]).toBe(2);
    expect(counts[0][0]).toBe(1);
    expect(counts.flat().reduce((a, b) => a + b, 0)).toBe(3);
  });
});
