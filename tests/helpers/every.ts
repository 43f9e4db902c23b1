/**
 * `every()` over an empty result is true, so a test that filters wrongly (or reads nothing) would
 * pass. This asserts both that there is something and that each item holds, naming the items
 * that do not.
 */
export function expectEvery<T>(items: readonly T[], holds: (item: T) => boolean): void {
  expect(items.length).toBeGreaterThan(0);
  expect(items.filter((item) => !holds(item))).toEqual([]);
}
