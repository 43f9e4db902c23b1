/**
 * How a view gets over a failed read by itself (useAsync): when it tries again, what makes it try at
 * once, and what keeps it still. Jest's fake timers are the clock.
 */
import * as React from 'react';
import { act, render, screen } from '@testing-library/react';
import { RECOVERY_DELAYS, recoversBySelf, useAsync } from '../../src/hooks/useAsync';
import { ServiceError } from '../../src/services/errors';
import { pinClock, TEST_NOW } from '../helpers/clock';

function View({ load }: { load: () => Promise<string> }): JSX.Element {
  const view = useAsync(load, [load]);
  return <p>{view.status === 'done' ? view.data : view.status === 'error' ? `error ${view.error.kind} ${view.recovering ? 'recovering' : 'stays'}` : 'loading'}</p>;
}

let hidden = false;
beforeAll(() => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
});
beforeEach(() => {
  // Fake timers from the tests' pinned moment (tests/helpers/clock.ts), not the machine's date.
  jest.useFakeTimers({ now: TEST_NOW });
  hidden = false;
});
afterEach(() => {
  jest.useRealTimers();
  pinClock(TEST_NOW);
});

/** Lets the promises of a load settle. */
async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i++) {
      await Promise.resolve();
    }
  });
}

async function advance(seconds: number): Promise<void> {
  await act(async () => {
    jest.advanceTimersByTime(seconds * 1000);
  });
  await settle();
}

const busy = (): ServiceError => new ServiceError('throttled', 'Too Many Requests', 429);

it('the pauses are 5, 10, 20, 40 and then 60 seconds, and the content comes when SharePoint answers', async () => {
  const load = jest.fn<Promise<string>, []>().mockRejectedValue(busy());
  render(<View load={load} />);
  await settle();
  expect(screen.getByText('error throttled recovering')).toBeInTheDocument();
  // Hand-computed: the n-th attempt after the first comes after the sum of the pauses before it.
  const expected = [5, 10, 20, 40, 60, 60, 60];
  for (const pause of expected) {
    const calls = load.mock.calls.length;
    await advance(pause - 1);
    expect(load).toHaveBeenCalledTimes(calls);
    await advance(1);
    expect(load).toHaveBeenCalledTimes(calls + 1);
  }
  expect(RECOVERY_DELAYS).toEqual([5, 10, 20, 40, 60]);
  load.mockResolvedValue('innehåll');
  await advance(60);
  expect(screen.getByText('innehåll')).toBeInTheDocument();
  // Done: nothing more is asked.
  await advance(600);
  expect(load).toHaveBeenCalledTimes(expected.length + 2);
});

it('tries at once when the browser comes back online, or the window gets focus', async () => {
  const load = jest.fn<Promise<string>, []>().mockRejectedValue(new ServiceError('offline', 'Failed to fetch'));
  render(<View load={load} />);
  await settle();
  expect(load).toHaveBeenCalledTimes(1);
  act(() => {
    window.dispatchEvent(new Event('online'));
  });
  await settle();
  expect(load).toHaveBeenCalledTimes(2);
  load.mockResolvedValue('innehåll');
  act(() => {
    window.dispatchEvent(new Event('focus'));
  });
  await settle();
  expect(load).toHaveBeenCalledTimes(3);
  expect(screen.getByText('innehåll')).toBeInTheDocument();
  // With the content on screen, coming online asks for nothing.
  act(() => {
    window.dispatchEvent(new Event('online'));
  });
  await settle();
  expect(load).toHaveBeenCalledTimes(3);
});

it('a hidden page waits, and tries at once when it is shown again', async () => {
  const load = jest.fn<Promise<string>, []>().mockRejectedValue(busy());
  render(<View load={load} />);
  await settle();
  hidden = true;
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await advance(3600);
  expect(load).toHaveBeenCalledTimes(1);
  hidden = false;
  load.mockResolvedValue('innehåll');
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await settle();
  expect(load).toHaveBeenCalledTimes(2);
  expect(screen.getByText('innehåll')).toBeInTheDocument();
});

it('errors that only someone acting can change stay as they are', async () => {
  const load = jest.fn<Promise<string>, []>().mockRejectedValue(new ServiceError('forbidden', 'Access denied', 403));
  render(<View load={load} />);
  await settle();
  expect(screen.getByText('error forbidden stays')).toBeInTheDocument();
  act(() => {
    window.dispatchEvent(new Event('online'));
  });
  await advance(600);
  expect(load).toHaveBeenCalledTimes(1);
});

it('which errors a view gets over by itself', () => {
  expect(recoversBySelf(new ServiceError('throttled', '', 503))).toBe(true);
  expect(recoversBySelf(new ServiceError('throttled', '', 429))).toBe(true);
  expect(recoversBySelf(new ServiceError('offline', 'Failed to fetch'))).toBe(true);
  expect(recoversBySelf(new ServiceError('unknown', '', 500))).toBe(true);
  expect(recoversBySelf(new ServiceError('unknown', '', 418))).toBe(false);
  expect(recoversBySelf(new ServiceError('notFound', '', 404))).toBe(false);
  expect(recoversBySelf(new ServiceError('forbidden', '', 403))).toBe(false);
  expect(recoversBySelf(new ServiceError('invalid', '', 400))).toBe(false);
  expect(recoversBySelf(new ServiceError('threshold', '', 500))).toBe(false);
});

it('a view that goes away stops trying', async () => {
  const load = jest.fn<Promise<string>, []>().mockRejectedValue(busy());
  const { unmount } = render(<View load={load} />);
  await settle();
  unmount();
  await advance(600);
  act(() => {
    window.dispatchEvent(new Event('online'));
  });
  expect(load).toHaveBeenCalledTimes(1);
});
