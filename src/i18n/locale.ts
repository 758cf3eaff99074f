/** Languages with bundled texts besides English; each is a chunk loaded only when chosen. */
export const LANGUAGES = ['de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'fi', 'cs', 'sk', 'ar', 'he'] as const
const RIGHT_TO_LEFT = ['ar', 'he', 'fa', 'ur']

/**
 * The first candidate (config, page, browser, in that order) that has texts: its exact code
 * (`pt-br`), else its base language (`pt`), else English.
 */
export const pickLocale = (candidates: (string | undefined | null)[], available: readonly string[]) => {
  for (const candidate of candidates) {
    const code = candidate?.toLowerCase()
    const base = code?.split('-')[0]
    if (code && available.includes(code)) return code
    if (base && available.includes(base)) return base
  }
  return 'en'
}

/** Whether a language is written right to left. */
export const isRightToLeft = (code: string) => RIGHT_TO_LEFT.includes(code.split('-')[0]!)
