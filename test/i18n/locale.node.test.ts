import { describe, expect, it } from 'vitest'
import { format } from '../../src/i18n/format'
import { bundledLanguages } from '../../src/i18n/bundled'
import { isRightToLeft, pickLocale } from '../../src/i18n/locale'

const LANGUAGES = bundledLanguages()

const available = ['en', ...LANGUAGES]

describe('pickLocale', () => {
  it('takes the first candidate with texts, by exact code or base language', () => {
    expect(pickLocale(['de'], available)).toBe('de')
    expect(pickLocale(['pt-BR'], available)).toBe('pt-br')
    expect(pickLocale(['pt-PT'], available)).toBe('pt')
    expect(pickLocale(['de-AT'], available)).toBe('de')
    expect(pickLocale([undefined, 'tlh', 'fr-CA', 'de'], available)).toBe('fr')
    expect(pickLocale(['en-GB', 'de'], available)).toBe('en')
  })

  it('gives Chinese of Taiwan, Hong Kong and Macao the Traditional texts, the rest the Simplified', () => {
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-TW', 'zh_TW'])
      expect(pickLocale([tag], available), tag).toBe('zh-hant')
    for (const tag of ['zh', 'zh-CN', 'zh-SG', 'zh-Hans', 'zh-Hans-CN'])
      expect(pickLocale([tag], available), tag).toBe('zh')
  })

  it('gives Norwegian and Nynorsk readers Bokmål, and Serbian in Latin script the bundled Serbian', () => {
    expect(['no', 'nn-NO', 'nb-NO'].map((tag) => pickLocale([tag], available))).toEqual(['nb', 'nb', 'nb'])
    expect(pickLocale(['sr-Latn-RS'], available)).toBe('sr')
  })

  it('falls back to English', () => {
    expect(pickLocale([undefined, null, '', 'tlh', 'x-private', 'constructor', '__proto__'], available)).toBe('en')
  })

  it('prefers an exact code the config has texts for', () => {
    expect(pickLocale(['de-AT'], [...available, 'de-at'])).toBe('de-at')
    expect(pickLocale(['zh-TW'], [...available, 'zh-tw'])).toBe('zh-tw')
  })

  it('bundles every official EU language and the other markets asked for', () => {
    const eu = 'bg cs da de el es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv'.split(' ')
    const others = 'nb is ca eu gl tr uk sr bs mk sq ar he ja ko zh zh-hant hi id vi th pt-br'.split(' ')
    expect(LANGUAGES).toEqual(expect.arrayContaining([...eu, ...others]))
    expect(available.length).toBeGreaterThanOrEqual(40)
  })

  it('knows which languages run right to left', () => {
    expect(['ar', 'he', 'ar-EG', 'de', 'en'].map(isRightToLeft)).toEqual([true, true, true, false, false])
  })
})

describe('format', () => {
  it('puts nodes in the place of {placeholders} and keeps the rest as text', () => {
    const link = { type: 'a' }
    expect(format('Read our {policy}, {unknown}.', { policy: link as never })).toEqual([
      'Read our ',
      link,
      ', ',
      '{unknown}',
      '.',
    ])
    expect(format('No placeholder', {})).toEqual(['No placeholder'])
  })
})
