import { describe, expect, it } from 'vitest'
import { format } from '../../src/i18n/format'
import { isRightToLeft, LANGUAGES, pickLocale } from '../../src/i18n/locale'

const available = ['en', ...LANGUAGES]

describe('pickLocale', () => {
  it('takes the first candidate with texts, by exact code or base language', () => {
    expect(pickLocale(['de'], available)).toBe('de')
    expect(pickLocale(['pt-BR'], available)).toBe('pt')
    expect(pickLocale([undefined, 'ja', 'fr-CA', 'de'], available)).toBe('fr')
    expect(pickLocale(['en-GB', 'de'], available)).toBe('en')
  })

  it('falls back to English', () => {
    expect(pickLocale([undefined, null, '', 'ja', 'zh-Hans'], available)).toBe('en')
  })

  it('prefers an exact code the config has texts for', () => {
    expect(pickLocale(['de-AT'], [...available, 'de-at'])).toBe('de-at')
  })

  it('bundles at least the twelve languages asked for', () => {
    expect(LANGUAGES).toEqual(
      expect.arrayContaining(['de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'fi', 'ar', 'he']),
    )
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
