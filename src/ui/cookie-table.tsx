import { REGEX } from '../core/cookie-pattern'
import { mapIndexed } from '../core/indexed'
import type { Config, CookieInput } from '../core/types'
import type { Texts } from '../i18n/texts'

/** The optional columns of the cookie tables: the same for every table, so that they align. */
export interface CookieColumns {
  purpose: boolean
  duration: boolean
}

/** A column shows where at least one cookie of the config fills it. */
export const cookieColumns = (config: Config): CookieColumns => {
  const columns = { purpose: false, duration: false }
  for (const category of Object.values(config.categories)) {
    for (const service of Object.values(category.services ?? {})) {
      for (const cookie of service.cookies ?? []) {
        if (typeof cookie == 'string') continue
        if (cookie.purpose != null) columns.purpose = true
        if (cookie.duration != null) columns.duration = true
      }
    }
  }
  return columns
}

// A group made optional or repeated, or a character class repeated: read as "anything here".
const WILDCARD = /\((?:[^()\\]|\\.)*\)[?*]|(?:\.|\\[wdS]|\[(?:[^\]\\]|\\.)*\])[*+]/g
const ANY = '\u0000'
const SPECIAL = '^$.|?*+()[]{}'

/** One alternative of a pattern as people read it (`_ga_*`), or undefined when it is more than literals and wildcards. */
const readable = (source: string): string | undefined => {
  const anchoredStart = source.startsWith('^')
  const anchoredEnd = source.endsWith('$') && !source.endsWith('\\$')
  const body = source.slice(anchoredStart ? 1 : 0, anchoredEnd ? -1 : undefined).replace(WILDCARD, ANY)
  let text = anchoredStart ? '' : '*'
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!
    if (char == ANY) text += '*'
    else if (char == '\\') {
      const escaped = body[++i]
      // \w, \d, \b and the like are classes, not characters.
      if (escaped == undefined || /\w/.test(escaped)) return undefined
      text += escaped
    } else if (SPECIAL.includes(char)) return undefined
    else text += char
  }
  if (!anchoredEnd) text += '*'
  return text.replace(/\*+/g, '*')
}

// A group that is neither optional nor repeated: its alternatives are names of their own.
const GROUP = /\((?!\?)([^()]*)\)(?![?*+{])/
const MOST_NAMES = 6

/** Split on the `|` that are not inside a group. */
const splitAlternatives = (source: string) => {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!
    if (char == '\\') {
      current += char + (source[++i] ?? '')
      continue
    }
    if (char == '(') depth++
    if (char == ')') depth--
    if (char == '|' && depth == 0) {
      parts.push(current)
      current = ''
    } else current += char
  }
  parts.push(current)
  return parts
}

/** The alternatives of a pattern, with each plain group's alternatives spelt out: `^_gcl_(au|aw)$` as `^_gcl_au$`, `^_gcl_aw$`. */
const alternativesOf = (source: string): string[] =>
  splitAlternatives(source).flatMap((part) => {
    const group = GROUP.exec(part)
    if (!group) return [part]
    const before = part.slice(0, group.index)
    const after = part.slice(group.index + group[0].length)
    return splitAlternatives(group[1]!).flatMap((alternative) => alternativesOf(before + alternative + after))
  })

/**
 * A cookie pattern as people read it: `/^_ga_/` as `_ga_*`, `/^_ga(_.*)?$/` as `_ga*`,
 * `/^_gcl_(au|aw)$/` as `_gcl_au, _gcl_aw`. An exact name, or a pattern too intricate to put
 * in words, stays as it is.
 */
export const readableCookieName = (pattern: string): string => {
  const regex = REGEX.exec(pattern)
  if (!regex) return pattern
  const alternatives = alternativesOf(regex[1]!)
  if (alternatives.length > MOST_NAMES) return pattern
  const names = alternatives.map(readable)
  if (names.some((name) => name == undefined)) return pattern
  return names.join(', ')
}

/** The name a cookie entry shows: its own when it gives one beside `match`, or its pattern in words. */
export const cookieLabel = (cookie: CookieInput) => {
  if (typeof cookie == 'string') return readableCookieName(cookie)
  return cookie.match == undefined ? readableCookieName(cookie.name) : cookie.name
}

interface Props {
  cookies: CookieInput[]
  columns: CookieColumns
  texts: Texts
}

/** A service's cookies: name, and purpose and duration where the config gives any. */
export const CookieTable = ({ cookies, columns, texts: { t, pick } }: Props) => {
  if (cookies.length == 0) return <p class="no-cookies">{t('noCookies')}</p>
  return (
    <table>
      <thead>
        <tr>
          <th scope="col" class="cookie-name">
            {t('cookie')}
          </th>
          {columns.purpose && <th scope="col">{t('purpose')}</th>}
          {columns.duration && (
            <th scope="col" class="cookie-duration">
              {t('duration')}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {mapIndexed(cookies, (cookie, i) => (
          // The config's list, never reordered, and names may repeat: keyed by position.
          <tr key={i}>
            <td>
              <code>{cookieLabel(cookie)}</code>
            </td>
            {columns.purpose && <td>{typeof cookie == 'string' ? '' : pick(cookie.purpose)}</td>}
            {columns.duration && <td>{typeof cookie == 'string' ? '' : pick(cookie.duration)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
