/** CLDR's list patterns of one language: for two items, before the last two, and the last two. */
export interface ListPatterns {
  pair: string
  middle: string
  end: string
}

/** Put two items into a list pattern such as `{0} and {1}`, in one pass: an item may hold `{1}`. */
const fill = (pattern: string, first: string, second: string) =>
  pattern.replace(/\{([01])\}/g, (_, index: string) => (index == '0' ? first : second))

/** Join items as CLDR's list patterns join them: "A, B, and C". */
export const joinList = (items: readonly string[], { pair, middle, end }: ListPatterns) => {
  if (items.length < 2) return items[0] ?? ''
  if (items.length == 2) return fill(pair, items[0]!, items[1]!)
  let joined = fill(end, items.at(-2)!, items.at(-1)!)
  for (let i = items.length - 3; i >= 0; i--) joined = fill(middle, items[i]!, joined)
  return joined
}

// Where ICU changes the conjunction by the item after it, which a fixed pattern cannot: Spanish
// "y" becomes "e" before an /i/ sound, Hebrew "ו" takes a hyphen before a non-Hebrew letter.
// Lists with such an item are left to Intl (the bundled texts have none).
const CONTEXTUAL: Record<string, RegExp> = { es: /^h?i/i, he: /^[^\u0590-\u05ff]/ }

/** Whether ICU would join these items in ways a fixed pattern of language `base` does not. */
export const needsIntl = (base: string, items: readonly string[]) => {
  const rule = CONTEXTUAL[base]
  return !!rule && items.slice(1).some((item) => rule.test(item))
}
