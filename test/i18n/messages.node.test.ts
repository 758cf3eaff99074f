// The bundled translations, checked by machine: every key of the English texts and no other, the
// same placeholders, and a "Reject all" as plain and as long as "Accept all".
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { en } from '../../src/i18n/en'
import { bundledLanguages } from '../../src/i18n/bundled'
import { joinList } from '../../src/i18n/lists'
import { messagesOf } from '../support/messages'

const LANGUAGES = bundledLanguages()
const placeholders = (text: string) => (text.match(/\{[^{}]*\}/g) ?? []).sort()
// Length in what a reader sees: a grapheme of Thai or Devanagari is several code points.
const graphemes = (text: string) => [...new Intl.Segmenter().segment(text)].length

describe('bundled translations', () => {
  it('cover at least 40 languages with English', () => {
    expect(LANGUAGES.length + 1).toBeGreaterThanOrEqual(40)
  })

  it.each(LANGUAGES)('%s has every key of the English texts, and no other', (language) => {
    expect(Object.keys(messagesOf(language)).sort()).toEqual(Object.keys(en).sort())
  })

  it.each(LANGUAGES)('%s has the placeholders of each English text, no more and no fewer', (language) => {
    const messages: Record<string, string> = messagesOf(language)
    for (const [key, english] of Object.entries(en))
      expect(placeholders(messages[key] ?? ''), `${language} ${key}`).toEqual(placeholders(english))
  })

  it.each(LANGUAGES)('%s words "Reject all" as plainly and about as long as "Accept all"', (language) => {
    const { acceptAll, rejectAll } = messagesOf(language)
    const [accept, reject] = [graphemes(acceptAll!), graphemes(rejectAll!)]
    // Equal length class: neither more than half as long again as the other.
    expect(Math.max(accept, reject) / Math.min(accept, reject), `${acceptAll} / ${rejectAll}`).toBeLessThanOrEqual(1.5)
    // Not a way out that only postpones or continues: the label refuses, as "Accept all" accepts.
    expect(rejectAll).not.toMatch(/later|continue|without|später|plus tard|más tarde|fortfahren|continuer/i)
    expect(rejectAll).not.toBe(acceptAll)
    expect(rejectAll).not.toBe(en.rejectAll)
  })

  it.each(LANGUAGES)('%s translates the GPC notice, the opt-out and notice modes and the placeholders', (language) => {
    const messages: Record<string, string> = messagesOf(language)
    // The notice names the signal as browsers and regulators do.
    expect(messages.gpc, language).toMatch(/Global Privacy Control/)
    for (const key of ['gpc', 'optOutText', 'doNotSell', 'noticeText', 'placeholder', 'load', 'essentialOnlyText'])
      expect(messages[key], `${language} ${key}`).not.toBe(en[key as keyof typeof en])
  })

  it.each(['en', ...LANGUAGES])(
    '%s joins the purposes with its CLDR list patterns (Intl.ListFormat with full ICU)',
    (language) => {
      const messages = messagesOf(language)
      const patterns = { pair: messages['list.pair']!, middle: messages['list.middle']!, end: messages['list.end']! }
      const purposes = ['analytics.purpose', 'marketing.purpose', 'click-tracking.purpose', 'otherPurpose']
      const phrases = purposes.map((key) => messages[key as keyof typeof en]!.replace('{category}', 'X'))
      const intl = new Intl.ListFormat(language, { type: 'conjunction' })
      expect(intl.resolvedOptions().locale.toLowerCase()).toBe(language)
      for (let count = 1; count <= phrases.length; count++) {
        const items = phrases.slice(0, count)
        expect(joinList(items, patterns)).toBe(intl.format(items))
      }
    },
  )

  it('are each in both tables of docs/i18n.md', () => {
    const doc = readFileSync(new URL('../../docs/i18n.md', import.meta.url), 'utf8')
    for (const language of LANGUAGES) {
      const rows = doc.split('\n').filter((line) => line.startsWith(`| ${language} |`))
      expect(rows.length, language).toBe(2)
    }
  })
})
