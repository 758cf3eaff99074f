import { hasOwn, own } from '../core/own'
import type { Config, LocalizedText } from '../core/types'
import { en, type Messages } from './en'
import { LANGUAGES, pickLocale } from './locale'

const bundled = import.meta.glob<{ default: Partial<Messages> }>('./locales/*.ts')

/** The texts of one language: built-in English, the bundled translation, the config's own. */
export interface Texts {
  lang: string
  t: (key: keyof Messages | string) => string
  /** A text of the config (a title, a description) in this language. */
  pick: (text: LocalizedText | undefined) => string | undefined
  /** Items joined into one list in this language: "A, B, and C". */
  list: (items: string[]) => string
}

/** Put two items into a list pattern such as `{0} and {1}`. */
const fill = (pattern: string, first: string, second: string) =>
  pattern.replace('{0}', () => first).replace('{1}', () => second)

/** Join items by the `list.*` patterns, as CLDR's list patterns join them. */
const joinByPatterns = (items: string[], t: Texts['t']) => {
  if (items.length < 2) return items[0] ?? ''
  if (items.length == 2) return fill(t('list.pair'), items[0]!, items[1]!)
  let joined = fill(t('list.end'), items.at(-2)!, items.at(-1)!)
  for (let i = items.length - 3; i >= 0; i--) joined = fill(t('list.middle'), items[i]!, joined)
  return joined
}

/** Choose the language (config, `<html lang>`, browser) and load its texts. */
export const loadTexts = async (config: Config, doc: Document): Promise<Texts> => {
  const custom = config.texts ?? {}
  const lang = pickLocale(
    [config.language, doc.documentElement.lang, ...(doc.defaultView?.navigator.languages ?? [])],
    ['en', ...LANGUAGES, ...Object.keys(custom).map((code) => code.toLowerCase())],
  )
  const base = lang.split('-')[0]!
  const translation = bundled[`./locales/${base}.ts`]
  // A language chunk that fails to load leaves English in its place.
  const translated =
    translation &&
    (await translation().then(
      (module) => module.default,
      () => undefined,
    ))
  const messages: Record<string, string> = { ...en, ...translated, ...own(custom, lang) }
  const pick = (text: LocalizedText | undefined) => {
    if (typeof text != 'string') {
      // This language, its base language, English, or the first one given.
      return text && (own(text, lang) ?? own(text, lang.split('-')[0]!) ?? own(text, 'en') ?? Object.values(text)[0])
    }
    return text
  }
  const t = (key: string) => own(messages, key) ?? key
  // The list patterns are English's unless a translation gives its own; a language of the
  // config's that does not has its lists joined by Intl.
  const ownPatterns = base == 'en' || !!translated || hasOwn(own(custom, lang), 'list.pair')
  const list = (items: string[]) => {
    if (ownPatterns) return joinByPatterns(items, t)
    try {
      return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items)
    } catch {
      // A language code that Intl does not know.
      return joinByPatterns(items, t)
    }
  }
  return { lang, t, pick, list }
}
