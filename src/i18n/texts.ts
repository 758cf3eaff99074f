import { own } from '../core/own'
import type { Config, LocalizedText } from '../core/types'
import { en, type Messages } from './en'
import { joinList, type ListPatterns, needsIntl } from './lists'
import { bundled, bundledLanguages } from './bundled'
import { pickLocale } from './locale'

/** The texts of one language: built-in English, the bundled translation, the config's own. */
export interface Texts {
  lang: string
  t: (key: keyof Messages | string) => string
  /** A text of the config (a title, a description) in this language. */
  pick: (text: LocalizedText | undefined) => string | undefined
  /** Items joined into one list in this language: "A, B, and C". */
  list: (items: string[]) => string
}

// Items only separated by commas: for a language code that neither the texts nor Intl know.
const COMMAS: ListPatterns = { pair: '{0}, {1}', middle: '{0}, {1}', end: '{0}, {1}' }

/** The entry of `record` for a language code, whatever the case of its key (`en-GB`, `en-gb`). */
const forLanguage = <T>(record: Readonly<Record<string, T>> | undefined, code: string): T | undefined => {
  const exact = own(record, code)
  if (exact !== undefined || !record) return exact
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() == code)
  return key == undefined ? undefined : own(record, key)
}

/** Choose the language (config, `<html lang>`, browser) and load its texts. */
export const loadTexts = async (config: Config, doc: Document): Promise<Texts> => {
  const custom = config.texts ?? {}
  const languages = bundledLanguages()
  const lang = pickLocale(
    [config.language, doc.documentElement.lang, ...(doc.defaultView?.navigator.languages ?? [])],
    ['en', ...languages, ...Object.keys(custom).map((code) => code.toLowerCase())],
  )
  const base = lang.split('-')[0]!
  // A config's own language (`de-at`, `zh-tw`) is drawn on the bundled texts it falls back to.
  const translation = bundled[`./locales/${pickLocale([lang], languages)}.ts`]
  // A language chunk that fails to load leaves English in its place.
  const translated =
    translation &&
    (await translation().then(
      (module) => module.default,
      () => undefined,
    ))
  const customTexts = forLanguage(custom, lang)
  const messages: Record<string, string> = { ...en, ...translated, ...customTexts }
  const pick = (text: LocalizedText | undefined) => {
    if (typeof text != 'string') {
      // This language, its base language, English, or the first one given.
      return text && (forLanguage(text, lang) ?? forLanguage(text, base) ?? own(text, 'en') ?? Object.values(text)[0])
    }
    return text
  }
  const t = (key: string) => own(messages, key) ?? key
  const listPatterns = (): ListPatterns | undefined => {
    // English and the bundled languages carry all three (English's stand in for a language chunk
    // that failed to load, as its texts do).
    if (lang == 'en' || translation) return { pair: t('list.pair'), middle: t('list.middle'), end: t('list.end') }
    // A language of the config's own (en-GB included: Intl knows its lists) has the patterns it
    // gives, the pair and the end standing in for each other; without either, Intl joins.
    const given = (key: string) => own(customTexts, key)
    const pair = given('list.pair') ?? given('list.end')
    const end = given('list.end') ?? given('list.pair')
    if (pair == undefined || end == undefined) return undefined
    return { pair, middle: given('list.middle') ?? COMMAS.middle, end }
  }
  const patterns = listPatterns()
  const list = (items: string[]) => {
    if (patterns && !needsIntl(base, items)) return joinList(items, patterns)
    try {
      return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items)
    } catch {
      // A language code that Intl does not know.
      return joinList(items, patterns ?? COMMAS)
    }
  }
  return { lang, t, pick, list }
}
