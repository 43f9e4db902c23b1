/**
 * The bugs issue 16's review planted by hand that the suite once let through, planted again on
 * every run: each must now make a test fail. StrykerJS (npm run mutate) does not make these – it
 * never changes a number (1 day to 2) or swaps one variable for another – so they are kept here, as
 * text replacements with the tests expected to catch them. Each is planted in the worktree's own
 * file and put back before the next (also when the run is stopped): do not edit src/ meanwhile. (A
 * copy of the project with node_modules linked in runs SPFx's jest 25 runner instead of jest 29.)
 *
 *   npm run mutate:planted                 all of them
 *   npm run mutate:planted -- aml-two-days  one (or several) by id
 *
 * Prints one line per planted bug (killed or SURVIVED, and the time it took) and exits non-zero
 * when one survives, or when a replacement no longer finds its text (the code moved: update it).
 */
import { spawnSync } from 'child_process';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

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
    tests: ['tests/unit/analytics.test.ts', 'tests/unit/calendar.test.ts']
  },
  {
    id: 'lex-maria-no-clamp',
    says: 'lex Maria: two months after the 31st is not clamped to the last day of a shorter month',
    file: 'src/model/calendar.ts',
    from: 'return fromDayNumber(Date.UTC(d.year, month, Math.min(d.day, last)));',
    to: 'return fromDayNumber(Date.UTC(d.year, month, d.day));',
    tests: ['tests/unit/analytics.test.ts', 'tests/unit/calendar.test.ts']
  },
  {
    id: 'police-six-days',
    says: 'the police report routine counts six days instead of seven',
    file: 'src/model/caseRules.ts',
    from: "out.push({ authority: 'policeReport', due: addDays(day, 7) });",
    to: "out.push({ authority: 'policeReport', due: addDays(day, 6) });",
    tests: ['tests/unit/analytics.test.ts', 'tests/unit/calendar.test.ts']
  },
  {
    id: 'closed-within-strict',
    says: '"closed within N days" counted with < instead of <=',
    file: 'src/analytics/indicators.ts',
    from: 'if (daysBetween(reported, dayIn(r.closedAt, zone)) <= days) {',
    to: 'if (daysBetween(reported, dayIn(r.closedAt, zone)) < days) {',
    tests: ['tests/unit/analytics.test.ts']
  },
  {
    id: 'closed-within-from-event',
    says: '"closed within N days" counted from the event\'s date instead of the report\'s',
    file: 'src/analytics/indicators.ts',
    from: 'const reported = dayIn(r.created, zone);',
    to: 'const reported = dayIn(r.occurredAt, zone);',
    tests: ['tests/unit/analytics.test.ts']
  },
  {
    id: 'lagesbild-always-within',
    says: 'the lägesbild\'s "closed within 30 days" figure counts every decided report as within',
    file: 'src/analytics/situation.ts',
    from: 'closedWithin30: decided ? Math.round((1000 * within) / decided) / 10 : undefined,',
    to: 'closedWithin30: decided ? Math.round((1000 * decided) / decided) / 10 : undefined,',
    tests: ['tests/unit/analytics.test.ts']
  },
  {
    id: 'previous-year-cutoff',
    says: 'the previous year\'s part is cut off one step early (< instead of <= the same moment)',
    file: 'src/analytics/situation.ts',
    from: '(!running || f.occurredAt <= lastYearNow)',
    to: '(!running || f.occurredAt < lastYearNow)',
    tests: ['tests/unit/analytics.test.ts']
  },
  {
    id: 'previous-year-a-day-late',
    says: 'the previous year\'s part runs a day too far',
    file: 'src/model/calendar.ts',
    from: 'const r = resolveWallClock(addMonths(now.date, -12), now.time, zone);',
    to: 'const r = resolveWallClock(addDays(addMonths(now.date, -12), 1), now.time, zone);',
    tests: ['tests/unit/analytics.test.ts', 'tests/unit/calendar.test.ts']
  },
  {
    id: 'judged-when-equal',
    says: '"judged" is set when the owner\'s judgement equals the computed status',
    file: 'src/analytics/indicators.ts',
    from: 'judged: goal.statusOverride !== undefined && goal.statusOverride !== computed',
    to: 'judged: goal.statusOverride !== undefined',
    tests: ['tests/unit/analytics.test.ts']
  },
  {
    id: 'restored-draft-new-report-id',
    says: 'a restored draft gets a new ReportId (a retry after a closed tab would make a second report)',
    file: 'src/components/ReportForm/useDraft.ts',
    from: 'return { draft: stored.draft, restoredFrom: new Date(stored.savedAt) };',
    to: 'return { draft: { ...stored.draft, reportId: newReportId() }, restoredFrom: new Date(stored.savedAt) };',
    tests: ['tests/components/report-form.test.tsx']
  },
  {
    id: 'attachment-keeps-etag',
    says: 'the emulator: adding an attachment does not change the item\'s ETag',
    file: 'dev/emulator/files.ts',
    from: 'const updated: StoredItem = { ...item, version: item.version + 1, attachments: [...item.attachments, file],',
    to: 'const updated: StoredItem = { ...item, version: item.version, attachments: [...item.attachments, file],',
    tests: ['tests/integration/emulator-rest.test.ts']
  },
  {
    id: 'digests-never-expire',
    says: 'the emulator: a request digest is accepted however old it is',
    file: 'dev/emulator/digest.ts',
    from: "return now >= issued + DIGEST_SECONDS * 1000 || now < issued - 60_000 ? 'expired' : 'valid';",
    to: "return now < issued - 60_000 ? 'expired' : 'valid';",
    tests: ['tests/integration/dev-server.test.ts']
  },
  {
    id: 'threshold-any-indexed',
    says: 'the emulator: over the list view threshold, any indexed condition is read through its index, not only the first',
    file: 'dev/emulator/threshold.ts',
    from: 'const first = conjuncts[0];',
    to: "const first = conjuncts.find((c) => c.kind === 'cmp' && store.index(list, indexColumn(c.field.field)) !== undefined) ?? conjuncts[0];",
    tests: ['tests/integration/emulator-threshold.test.ts']
  }
];

const ROOT = join(__dirname, '..');
/** The planted file and its text, while a bug is planted: put back on exit, whatever ends the run. */
let planted: { path: string; original: string } | undefined;
function restore(): void {
  if (planted) {
    writeFileSync(planted.path, planted.original);
    planted = undefined;
  }
}
process.on('exit', restore);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    restore();
    process.exit(130);
  });
}

/** Runs test files with the mutation config (no browser tests); their output when one fails. */
function failures(tests: string[]): string | undefined {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '-c', 'tests/mutation/jest.config.js', '--ci', '--silent', '--runTestsByPath', ...tests], {
    cwd: ROOT,
    encoding: 'utf8'
  });
  if (run.status === 0) {
    // A path that matched no test file would also pass: count the suites that ran.
    const ran = /Test Suites: (?:\d+ failed, )?(\d+) passed/.exec(run.stderr);
    return ran && Number(ran[1]) === tests.length ? undefined : `expected ${tests.length} test files to run:\n${run.stderr}`;
  }
  return run.stderr || run.stdout || `jest exited with ${run.status}`;
}

function main(): number {
  const only = process.argv.slice(2);
  const chosen = only.length ? PLANTED.filter((p) => only.includes(p.id)) : PLANTED;
  if (chosen.length === 0) {
    throw new Error(`No planted bug named ${only.join(', ')}; known: ${PLANTED.map((p) => p.id).join(', ')}`);
  }
  // Every replacement must still find its text, once, and name test files that exist: otherwise
  // the list is out of date.
  const stale = chosen.filter((p) => !existsSync(join(ROOT, p.file)) || readFileSync(join(ROOT, p.file), 'utf8').split(p.from).length !== 2);
  const missing = [...new Set(chosen.flatMap((p) => p.tests))].filter((t) => !existsSync(join(ROOT, t)));
  stale.forEach((p) => console.log(`STALE     ${p.id}: "${p.from}" is not in ${p.file} exactly once`));
  missing.forEach((t) => console.log(`STALE     no test file ${t}`));
  if (stale.length || missing.length) {
    return 1;
  }
  const allTests = [...new Set(chosen.flatMap((p) => p.tests))];
  console.log(`Planted bugs: checking that ${allTests.join(', ')} pass unchanged…`);
  const baseline = failures(allTests);
  if (baseline) {
    console.log(`${baseline}\nThe tests fail without a planted bug: fix them first.`);
    return 1;
  }
  const started = Date.now();
  let survived = 0;
  for (const p of chosen) {
    const path = join(ROOT, p.file);
    planted = { path, original: readFileSync(path, 'utf8') };
    writeFileSync(path, planted.original.replace(p.from, p.to));
    const t0 = Date.now();
    const killed = failures(p.tests) !== undefined;
    restore();
    survived += killed ? 0 : 1;
    console.log(`${killed ? 'killed   ' : 'SURVIVED '} ${p.id.padEnd(30)} ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s  ${p.says}`);
  }
  console.log(`${chosen.length - survived} of ${chosen.length} planted bugs killed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  return survived ? 1 : 0;
}

process.exit(main());
