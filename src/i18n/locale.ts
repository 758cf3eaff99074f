const RIGHT_TO_LEFT = ['ar', 'he', 'fa', 'ur']

// Tags whose texts are another tag's: Chinese of Taiwan, Hong Kong and Macao is written in
// Traditional characters; Norwegian (`no`) and Nynorsk readers are given Bokmål.
const ALIASES = new Map([
  ['zh-tw', 'zh-hant'],
  ['zh-hk', 'zh-hant'],
  ['zh-mo', 'zh-hant'],
  ['no', 'nb'],
  ['nn', 'nb'],
])

/**
 * The first candidate (config, page, browser, in that order) that has texts, looked up as RFC 4647
 * does: the whole tag (`pt-br`), then without its last subtag (`zh-hant-tw` → `zh-hant` → `zh`),
 * each also through its alias (`zh-tw` → `zh-hant`); else English.
 */
export const pickLocale = (candidates: (string | undefined | null)[], available: readonly string[]) => {
  for (const candidate of candidates) {
    const subtags = candidate?.toLowerCase().replaceAll('_', '-').split('-') ?? []
    for (let length = subtags.length; length > 0; length--) {
      const code = subtags.slice(0, length).join('-')
      if (code && available.includes(code)) return code
      const alias = ALIASES.get(code)
      if (alias && available.includes(alias)) return alias
    }
  }
  return 'en'
}

/** Whether a language is written right to left. */
export const isRightToLeft = (code: string) => RIGHT_TO_LEFT.includes(code.split('-')[0]!)
