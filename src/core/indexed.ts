/**
 * `items.map(fn)` without Array.prototype.map: a page may replace it with one that passes no index,
 * and the UI, the texts and the cookie clearing need the index.
 */
export const mapIndexed = <T, R>(items: readonly T[], fn: (item: T, index: number) => R): R[] => {
  const result: R[] = []
  for (let i = 0; i < items.length; i++) result.push(fn(items[i]!, i))
  return result
}
