// The texts of each bundled language, as the source has them, for tests that check them.
import { en, type Messages } from '../../src/i18n/en'

const translations = import.meta.glob<{ default: Messages }>('../../src/i18n/locales/*.ts', { eager: true })

/** The texts of a bundled language (`de`, `pt-br`), or English's for `en`. */
export const messagesOf = (language: string): Messages =>
  language == 'en' ? en : translations[`../../src/i18n/locales/${language}.ts`]!.default
