/**
 * The tests' clock. Every test runs on the same calendar whatever day the machine says, so that a
 * test passes on 3 January 2027, 1 August 2031 or at 23:30 UTC on New Year's Eve alike.
 *
 * `pinClock` moves this test file's `Date` (and so the product's code, the emulator and PnPjs
 * running in it) to start at a chosen moment and run on at real speed from there. Only the
 * reading of the clock moves: timers are untouched, so retries, timeouts and elapsed-time
 * measurements behave exactly as without it. The browser's clock follows through `contextFor`
 * (tests/e2e/browser.ts), which installs Playwright's clock at this clock's time.
 */

/** Friday 20 November 2026, 13:00 in Stockholm (the sample site's zone): an ordinary weekday. */
export const TEST_NOW = new Date(Date.UTC(2026, 10, 20, 12, 0, 0));

const RealDate: DateConstructor = (globalThis as { __realDate?: DateConstructor }).__realDate ?? Date;
(globalThis as { __realDate?: DateConstructor }).__realDate = RealDate;

/** Sets this file's clock to `now` (UTC instant), running on from there at real speed. */
export function pinClock(now: Date): void {
  const offset = now.getTime() - RealDate.now();
  class PinnedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) {
        super(RealDate.now() + offset);
      } else {
        super(...(args as [number]));
      }
    }
    static now(): number {
      return RealDate.now() + offset;
    }
    // A Date made before the pin, or by code holding the real constructor, is still a Date.
    static [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof RealDate;
    }
  }
  // Calling Date() without new gives a string of the current time, as the real one does.
  const PinnedDateCallable = new Proxy(PinnedDate, {
    apply: () => new PinnedDate().toString()
  });
  globalThis.Date = PinnedDateCallable as unknown as DateConstructor;
}
