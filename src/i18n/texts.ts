import { own } from '../core/own'
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
}

/** Choose the language (config, `<html lang>`, browser) and load its texts. */
export const loadTexts = async (config: Config, doc: Document): Promise<Texts> => {
  const custom = config.texts ?? {}
  const lang = pickLocale(
    [config.language, doc.documentElement.lang, ...(doc.defaultView?.navigator.languages ?? [])],
    ['en', ...LANGUAGES, ...Object.keys(custom).map((code) => code.toLowerCase())],
  )
  const translation = bundled[`./locales/${lang.split('-')[0]}.ts`]
  const messages: Record<string, string> = {
    ...en,
    // A language chunk that fails to load leaves English in its place.
    ...(translation && (await translation().then((module) => module.default, () => ({})))),
    ...own(custom, lang),
  }
  const pick = (text: LocalizedText | undefined) => {
    if (typeof text != 'string') {
      // This language, its base language, English, or the first one given.
      return text && (own(text, lang) ?? own(text, lang.split('-')[0]!) ?? own(text, 'en') ?? Object.values(text)[0])
    }
    return text
  }
  return { lang, t: (key) => own(messages, key) ?? key, pick }
}
