/**
 * The URLs a link or an embed may point at: http(s), mailto, or relative (no scheme before the
 * first `/`, `?` or `#`). Anything else, `javascript:` above all, is refused; consentry.schema.json
 * repeats this pattern for `policyUrl`.
 */
export const SAFE_URL = /^([hH][tT][tT][pP][sS]?:|[mM][aA][iI][lL][tT][oO]:|[^:/?#]*([/?#]|$))/

const SAFE_PROTOCOLS = ['http:', 'https:', 'mailto:']

/**
 * Whether `url`, resolved against `base` the way the browser will (spaces trimmed, tabs and
 * newlines dropped, any case), is http(s) or mailto.
 */
export const isSafeUrl = (url: string, base: string): boolean => {
  try {
    return SAFE_PROTOCOLS.includes(new URL(url, base).protocol)
  } catch {
    return false
  }
}
