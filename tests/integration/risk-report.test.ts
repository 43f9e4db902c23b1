/**
 * The säkerhetsberättelse's risk register section, checked against the lists: every risk whose
 * fastställd assessment falls in the year (Stockholm calendar) is in the Word document with its
 * level, and nothing from a draft is.
 */
import JSZip from 'jszip';
import { Packer } from 'docx';
import type { DevServer } from '../../dev/server';
import { buildAnnualReport } from '../../src/analytics/annualReport';
import { annualReportDocument } from '../../src/components/AnnualReport/docx';
import sv from '../../src/loc/sv-se';
import { yearIn } from '../../src/model/calendar';
import { sessionFor, startEmulator } from '../helpers/emulator';
import { pinClock } from '../helpers/clock';

const NOW = new Date('2026-11-20T12:00:00Z');
pinClock(NOW);
const ZONE = 'Europe/Stockholm';
let server: DevServer;

beforeAll(async () => {
  server = await startEmulator({ now: NOW });
});
afterAll(() => server.close());

it("puts each area's risks assessed in 2026 into the .docx with their level, and no draft", async () => {
  const maria = sessionFor(server, 'maria').services;
  const view = await maria.views.loadAnnualReport(2026);
  const report = buildAnnualReport(view, NOW, view.timeZone);
  const xml = await (await JSZip.loadAsync(await Packer.toBuffer(annualReportDocument(report, sv, 'sv-SE', view.timeZone)))).file('word/document.xml')!.async('string');

  // Straight from the lists: risks with a fastställd assessment in 2026 on the site's calendar.
  const risks = server.store.list('risks').items;
  const assessed2026 = new Set<number>();
  for (const a of server.store.list('riskAssessments').items.values()) {
    if (a.fields.AssessmentStatus === 'Fastställd' && yearIn(new Date(String(a.fields.AssessedAt)), ZONE) === 2026) {
      assessed2026.add(Number(a.fields.RiskId));
    }
  }
  expect(assessed2026.size).toBeGreaterThan(10);
  for (const id of assessed2026) {
    expect({ risk: risks.get(id)!.fields.Title, inDocx: xml.includes(String(risks.get(id)!.fields.Title)) }).toEqual({ risk: risks.get(id)!.fields.Title, inDocx: true });
  }
  expect(report.areas.reduce((n, s) => n + s.register.length, 0)).toBe(assessed2026.size);
  // A risk assessed in 2025 only ('Vattenskada i teknikutrymme', 465 days before) is not listed; nor the draft's risk.
  for (const title of ['Vattenskada i teknikutrymme', 'Utrymningsvägar blockeras av förråd']) {
    expect({ title, listed: report.areas.some((s) => s.register.some((r) => r.title === title)) }).toEqual({ title, listed: false });
  }
  // Patientsäkerhet, hand-computed from the sample: 'Patient förväxlas …' 3 × 3 = 9 Mycket hög, was 3 × 3 Mycket hög (unchanged);
  // 'Fördröjd bedömning …' 3 × 4 = 12 Mycket hög, was 3 × 4 (unchanged). Both: 2 assessed, 2 high or very high.
  const patient = report.areas.find((s) => s.area.key === 'patientsakerhet')!;
  expect(patient.register.map((r) => [r.title, r.level, r.value, r.change])).toEqual([
    ['Fördröjd bedömning på akuten vid hög belastning', 'veryHigh', 12, 'same'],
    ['Patient förväxlas vid provtagning eller besked', 'veryHigh', 9, 'same']
  ]);
  expect(xml).toContain('2 risker i områdets riskregister bedömdes under året, 2 med hög eller mycket hög risknivå.');
});
