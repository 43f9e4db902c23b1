/**
 * The bugs issue 16's review planted by hand that the suite once let through, planted again on
 * every run: each must now make a test fail. StrykerJS (npm run mutate) does not make these – it
 * never changes a number (1 day to 2) or swaps one variable for another – so they are kept here, as
 * text replacements in a copy of the project, with the tests expected to catch them.
 *
 *   npm run mutate:planted                 all of them
 *   npm run mutate:planted -- aml-two-days  one (or several) by id
 *
 * Prints one line per planted bug (killed or SURVIVED, and the time it took) and exits non-zero
 * when one survives, or when a replacement no longer finds its text (the code moved: update it).
 */
import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';

interface IPlanted {
  id: string;
  /** What the bug does, as the review described it. */
  says: string;
  file: string;
  /** Text that occurs exactly once in the file, and what it becomes. */
  from: string;
  to: string;
  /** Test files expected to catch it. */
  tests: string[];
}

const PLANTED: IPlanted[] = [
  {
    id: 'aml-two-days',
    says: 'the AML 3:3a deadline is two days after the event instead of one',
    file: 'src/model/caseRules.ts',
    from: "out.push({ authority: 'workEnvironmentAuthority', due: addDays(day, 1) });",
    to: "out.push({ authority: 'workEnvironmentAuthority', due: addDays(day, 2) });",
    tests: ['tests/unit/deadlines.test.ts']
  },
  {
    id: 'lex-maria-no-clamp',
    says: 'lex Maria: two months after the 31st is not clamped to the last day of a shorter month',
    file: 'src/model/calendar.ts',
    from: 'return fromDayNumber(Date.UTC(d.year, month, Math.min(d.day, last)));',
    to: 'return fromDayNumber(Date.UTC(d.year, month, d.day));',
    tests: ['tests/unit/deadlines.test.ts']
  },
  {
    id: 'police-six-days',
    says: 'the police report routine counts six days instead of seven',
    file: 'src/model/caseRules.ts',
    from: "out.push({ authority: 'policeReport', due: addDays(day, 7) });",
    to: "out.push({ authority: 'policeReport', due: addDays(day, 6) });",
    tests: ['tests/unit/deadlines.test.ts']
  },
  {
    id: 'closed-within-strict',
    says: '"closed within N days" counted with < instead of <=',
    file: 'src/analytics/indicators.ts',
    from: 'if (daysBetween(reported, dayIn(r.closedAt, zone)) <= days) {',
    to: 'if (daysBetween(reported, dayIn(r.closedAt, zone)) < days) {',
    tests: ['tests/unit/indicators.test.ts']
  },
  {
    id: 'closed-within-from-event',
    says: '"closed within N days" counted from the event\'s date instead of the report\'s',
    file: 'src/analytics/indicators.ts',
    from: 'const reported = dayIn(r.created, zone);',
    to: 'const reported = dayIn(r.occurredAt, zone);',
    tests: ['tests/unit/indicators.test.ts']
  },
  {
    id: 'lagesbild-always-within',
    says: 'the lägesbild\'s "closed within 30 days" figure counts every decided report as within',
    file: 'src/analytics/situation.ts',
    from: 'closedWithin30: decided ? Math.round((1000 * within) / decided) / 10 : undefined,',
    to: 'closedWithin30: decided ? Math.round((1000 * decided) / decided) / 10 : undefined,',
    tests: ['tests/unit/indicators.test.ts']
  },
  {
    id: 'previous-year-cutoff',
    says: 'the previous year\'s part is cut off one step early (< instead of <= the same moment)',
    file: 'src/analytics/situation.ts',
    from: '(!running || f.occurredAt <= lastYearNow)',
    to: '(!running || f.occurredAt < lastYearNow)',
    tests: ['tests/unit/indicators.test.ts']
  },
  {
    id: 'previous-year-a-day-late',
    says: 'the previous year\'s part runs a day too far',
    file: 'src/model/calendar.ts',
    from: 'const r = resolveWallClock(addMonths(now.date, -12), now.time, zone);',
    to: 'const r = resolveWallClock(addDays(addMonths(now.date, -12), 1), now.time, zone);',
    tests: ['tests/unit/indicators.test.ts']
  },
  {
    id: 'judged-when-equal',
    says: '"judged" is set when the owner\'s judgement equals the computed status',
    file: 'src/analytics/indicators.ts',
    from: 'judged: goal.statusOverride !== undefined && goal.statusOverride !== computed',
    to: 'judged: goal.statusOverride !== undefined',
    tests: ['tests/unit/indicators.test.ts']
  },
  {
    id: 'restored-draft-new-report-id',
    says: 'a restored draft gets a new ReportId (a retry after a closed tab would make a second report)',
    file: 'src/components/ReportForm/useDraft.ts',
    from: 'return { draft: stored.draft, restoredFrom: new Date(stored.savedAt) };',
    to: 'return { draft: { ...stored.draft, reportId: newReportId() }, restoredFrom: new Date(stored.savedAt) };',
    tests: ['tests/components/report-form.test.tsx']
  }
];

const ROOT = join(__dirname, '..');
const SANDBOX = join(ROOT, '.stryker-tmp', 'planted');

function files(): string[] {
  const out = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' });
  if (out.status !== 0) {
    throw new Error(`git ls-files failed: ${out.stderr}`);
  }
  return out.stdout.split('\0').filter((f) => f && existsSync(join(ROOT, f)));
}

function prepareSandbox(): void {
  rmSync(SANDBOX, { recursive: true, force: true });
  for (const f of files()) {
    mkdirSync(dirname(join(SANDBOX, f)), { recursive: true });
    cpSync(join(ROOT, f), join(SANDBOX, f));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(SANDBOX, 'node_modules'), 'dir');
}

/** Runs test files in the sandbox with the mutation config (no browser tests); true when all pass. */
function testsPass(tests: string[]): boolean {
  const run = spawnSync(process.execPath, [join(SANDBOX, 'node_modules', 'jest', 'bin', 'jest.js'), '-c', 'tests/mutation/jest.config.js', '--ci', '--silent', ...tests], {
    cwd: SANDBOX,
    encoding: 'utf8'
  });
  return run.status === 0;
}

function main(): void {
  const only = process.argv.slice(2);
  const chosen = only.length ? PLANTED.filter((p) => only.includes(p.id)) : PLANTED;
  if (chosen.length === 0) {
    throw new Error(`No planted bug named ${only.join(', ')}; known: ${PLANTED.map((p) => p.id).join(', ')}`);
  }
  prepareSandbox();
  // Every replacement must still find its text, once: otherwise the list is out of date.
  const stale = chosen.filter((p) => readFileSync(join(SANDBOX, p.file), 'utf8').split(p.from).length !== 2);
  if (stale.length) {
    stale.forEach((p) => console.log(`STALE     ${p.id}: "${p.from}" is not in ${p.file} exactly once`));
    process.exit(1);
  }
  const allTests = [...new Set(chosen.flatMap((p) => p.tests))];
  console.log(`Planted bugs: checking that ${allTests.join(', ')} pass unchanged…`);
  if (!testsPass(allTests)) {
    console.log('The tests fail without a planted bug: fix them first (npx jest ' + allTests.join(' ') + ').');
    process.exit(1);
  }
  let survived = 0;
  for (const p of chosen) {
    const path = join(SANDBOX, p.file);
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, original.replace(p.from, p.to));
    const started = Date.now();
    const killed = !testsPass(p.tests);
    writeFileSync(path, original);
    survived += killed ? 0 : 1;
    console.log(`${killed ? 'killed   ' : 'SURVIVED '} ${p.id.padEnd(30)} ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s  ${p.says}`);
  }
  rmSync(SANDBOX, { recursive: true, force: true });
  console.log(`${chosen.length - survived} of ${chosen.length} planted bugs killed`);
  process.exit(survived ? 1 : 0);
}

main();
