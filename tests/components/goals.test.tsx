/**
 * What staff read of a computed goal (issue 13): the outcome the area's owner stored, when it was
 * computed and from how many reports – and, once a deadline has passed since without anyone
 * computing again, that the outcome and status are as of that moment. The clock is this file's own.
 */
import { screen, within } from '@testing-library/react';
import type { IGoal } from '../../src/model/types';
import { pinClock } from '../helpers/clock';
import { fakeServices, renderApp, STAFF } from './fakes';

const computedGoal: IGoal = {
  id: 7,
  etag: '"4"',
  areaId: 2,
  title: 'Rapporter avslutas i tid',
  period: 2026,
  indicator: 'Andel rapporter avslutade inom 45 dagar',
  unit: '%',
  direction: 'atLeast',
  target: 80,
  outcome: 100,
  indicatorSource: 'computed',
  measure: { kind: 'closedWithin', eventTypes: [], category: '', days: 45 },
  // Stored by Erik's closing at 23:58 CEST on 7 April; an open report is decided from 8 April 00:00 CEST.
  outcomeComputedAt: new Date('2026-04-07T21:58:00Z'),
  outcomeBasis: 1,
  outcomeValidUntil: new Date('2026-04-07T22:00:00Z'),
  statusComment: '',
  followUp: ''
};

async function goalsAt(now: string, goal: IGoal = computedGoal): Promise<HTMLElement> {
  pinClock(new Date(now));
  const services = fakeServices(STAFF);
  const loadArea = services.views.loadArea;
  services.views.loadArea = jest.fn(async (key: string) => ({ ...(await loadArea(key)), period: 2026, goals: [goal] }));
  renderApp(services, { name: 'area', areaKey: 'patientsakerhet' });
  return screen.findByRole('region', { name: /Mål och indikatorer/ });
}

describe('a computed goal, as staff read it', () => {
  it('shows the stored outcome with when it was computed and from how many reports', async () => {
    const goals = await goalsAt('2026-04-07T21:59:00Z');
    expect(within(goals).getByText('100 %')).toBeInTheDocument();
    expect(within(goals).getByText('Uppfyllt')).toBeInTheDocument();
    expect(within(goals).getByText('Beräknat 7 apr. 2026 23:58 av 1 rapport')).toBeInTheDocument();
    expect(within(goals).queryByText(/passerat tidsgränsen/)).toBeNull();
  });

  it('says, once the valid-until has come, that outcome and status are as of that moment', async () => {
    const goals = await goalsAt('2026-04-07T22:00:00Z');
    expect(within(goals).getByText('Beräknat 7 apr. 2026 23:58 av 1 rapport. Sedan dess har en öppen rapport passerat tidsgränsen: utfallet och statusen gäller som de var vid beräkningen, tills områdets ansvariga räknar om.')).toBeInTheDocument();
  });

  it('counts reports in the plural', async () => {
    const goals = await goalsAt('2026-12-01T05:40:00Z', { ...computedGoal, outcome: 8.3, outcomeBasis: 36, outcomeValidUntil: undefined, outcomeComputedAt: new Date('2026-12-01T05:40:00Z') });
    expect(within(goals).getByText('8,3 %')).toBeInTheDocument();
    expect(within(goals).getByText('Beräknat 1 dec. 2026 06:40 av 36 rapporter')).toBeInTheDocument();
  });

  it('says only "computed from the reports" before any computation', async () => {
    const goals = await goalsAt('2026-12-01T05:40:00Z', { ...computedGoal, outcome: undefined, outcomeBasis: undefined, outcomeValidUntil: undefined, outcomeComputedAt: undefined });
    expect(within(goals).getByText('Beräknas ur rapporterna')).toBeInTheDocument();
  });
});
