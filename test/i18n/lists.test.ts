import { describe, expect, it } from 'vitest'
import { withDefaults } from '../../src/core/defaults'
import type { ConsentryConfig } from '../../src/core/types'
import { bundledLanguages } from '../../src/i18n/bundled'
import { joinList } from '../../src/i18n/lists'
import { loadTexts } from '../../src/i18n/texts'

const LANGUAGES = bundledLanguages()

const textsIn = (language: string, texts: NonNullable<ConsentryConfig['texts']> = {}) =>
  loadTexts(withDefaults({ revision: 1, language, categories: { essential: { required: true } }, texts }), document)

const PURPOSES = ['analytics.purpose', 'marketing.purpose', 'click-tracking.purpose', 'otherPurpose']

describe("lists in the visitor's language", () => {
  it.each(['en', ...LANGUAGES])("joins %s from the language's own patterns", async (language) => {
    const texts = await textsIn(language)
    const phrases = PURPOSES.map((key) => texts.t(key).replace('{category}', 'X'))
    const patterns = { pair: texts.t('list.pair'), middle: texts.t('list.middle'), end: texts.t('list.end') }
    expect(patterns.pair).not.toBe('list.pair')
    for (let count = 1; count <= phrases.length; count++) {
      const items = phrases.slice(0, count)
      expect(texts.list(items)).toBe(joinList(items, patterns))
    }
  })

  it.each(['en', ...LANGUAGES])(
    'joins %s as Intl.ListFormat does, where Chromium has its list data',
    async (language) => {
      const intl = new Intl.ListFormat(language, { type: 'conjunction' })
      // Chromium's ICU leaves out some languages' lists (Irish, Maltese, Basque, Galician, …) and
      // joins them in English: CLDR's own patterns are checked in Node (messages.node.test.ts).
      const hasListData = intl.resolvedOptions().locale.toLowerCase() == language && intl.format(['A', 'B']) != 'A, B'
      if (!hasListData) return
      const texts = await textsIn(language)
      const phrases = PURPOSES.map((key) => texts.t(key).replace('{category}', 'X'))
      for (let count = 1; count <= phrases.length; count++) {
        const items = phrases.slice(0, count)
        expect(texts.list(items)).toBe(intl.format(items))
      }
    },
  )

  it.each([
    ['ga', 'A agus B'],
    ['mt', 'A u B'],
    ['is', 'A og B'],
    ['eu', 'A eta B'],
    ['gl', 'A e B'],
    ['mk', 'A и B'],
    ['sq', 'A dhe B'],
    ['bs', 'A i B'],
  ])(
    'joins %s with its own conjunction where Chromium would join it in English or with a comma',
    async (language, pair) => {
      expect((await textsIn(language)).list(['A', 'B'])).toBe(pair)
      expect(new Intl.ListFormat(language).format(['A', 'B'])).not.toBe(pair)
    },
  )

  it("joins a language of the config's own through Intl, unless the config gives the patterns", async () => {
    expect((await textsIn('sw', { sw: { title: 'Faragha yako' } })).list(['A', 'B', 'C'])).toBe('A, B na C')
    const patterns = { 'list.pair': '{0} + {1}', 'list.middle': '{0}; {1}', 'list.end': '{0} & {1}' }
    expect((await textsIn('xx', { xx: patterns })).list(['A', 'B', 'C', 'D'])).toBe('A; B; C & D')
    expect((await textsIn('xx', { xx: patterns })).list(['A', 'B'])).toBe('A + B')
    expect((await textsIn('xx', { xx: patterns })).list(['A'])).toBe('A')
  })

  it("joins a regional English of the config's own as Intl does for that region", async () => {
    const texts = await textsIn('en-GB', { 'en-GB': { title: 'Your privacy' } })
    expect(texts.t('title')).toBe('Your privacy')
    expect(texts.list(['A', 'B', 'C'])).toBe(new Intl.ListFormat('en-GB').format(['A', 'B', 'C']))
    expect(texts.list(['A', 'B', 'C'])).toBe('A, B and C')
  })

  it('completes patterns a config gives in part from each other, and leaves the rest to Intl', async () => {
    expect((await textsIn('xx', { xx: { 'list.pair': '{0} y {1}' } })).list(['A', 'B', 'C'])).toBe('A, B y C')
    expect((await textsIn('sw', { sw: { 'list.middle': '{0}; {1}' } })).list(['A', 'B', 'C'])).toBe('A, B na C')
  })

  it('leaves to Intl the lists whose conjunction depends on the next item (Spanish, Hebrew)', async () => {
    const spanish = ['para medir', 'informarle', 'para vender']
    expect((await textsIn('es')).list(spanish)).toBe(new Intl.ListFormat('es').format(spanish))
    expect((await textsIn('es')).list(spanish.slice(0, 2))).toBe('para medir e informarle')
    const hebrew = ['כדי למדוד', 'Google Analytics']
    expect((await textsIn('he')).list(hebrew)).toBe(new Intl.ListFormat('he').format(hebrew))
  })

  it('puts items into the patterns as they are, braces included', async () => {
    const texts = await textsIn('en')
    expect(texts.list(['A {1}', 'B'])).toBe('A {1} and B')
    expect(texts.list(['X {0}', 'Y {1}', 'Z'])).toBe('X {0}, Y {1}, and Z')
  })

  it("lets the config change a bundled language's patterns", async () => {
    const texts = await textsIn('en', { en: { 'list.end': '{0} and {1}' } })
    expect(texts.list(['A', 'B', 'C'])).toBe('A, B and C')
  })
})
