import { describe, expect, it } from 'vitest'
import { withDefaults } from '../../src/core/defaults'
import { cookieColumns, cookieLabel, readableCookieName } from '../../src/ui/cookie-table'

describe('cookie names as visitors read them', () => {
  it.each([
    ['_gid', '_gid'],
    ['/^_ga_/', '_ga_*'],
    ['/^_ga(_.*)?$/', '_ga*'],
    ['/^_uet/', '_uet*'],
    ['/_hj/', '*_hj*'],
    ['/^_fbp$/', '_fbp'],
    ['/^_gcl_(au|aw)$/', '_gcl_au, _gcl_aw'],
    ['/^(_gcl_au|_gcl_aw)$/', '_gcl_au, _gcl_aw'],
    ['/^intercom-session-.+$/', 'intercom-session-*'],
    ['/^_pk_id\\.\\d+\\..*$/', '_pk_id.*.*'],
    ['/^AMP_[0-9a-f]{10}$/', '/^AMP_[0-9a-f]{10}$/'],
    ['/^a|b(c|d)$/', 'a*, *bc, *bd'],
    ['/^(a|b)(c|d)(e|f)$/', '/^(a|b)(c|d)(e|f)$/'],
    ['/^x{2}$/', '/^x{2}$/'],
    ['/^\\w+$/', '*'],
  ])('%s reads as %s', (pattern, readable) => {
    expect(readableCookieName(pattern)).toBe(readable)
  })

  it('shows the name an entry gives beside its match, and its pattern in words otherwise', () => {
    expect(cookieLabel({ name: '_ga_<container>', match: '/^_ga_/' })).toBe('_ga_<container>')
    expect(cookieLabel({ name: '/^_ga_/' })).toBe('_ga_*')
    expect(cookieLabel('/^_ga_/')).toBe('_ga_*')
  })
})

describe('the columns of the cookie tables', () => {
  const config = (cookies: unknown[]) =>
    withDefaults({
      revision: 1,
      categories: { a: { services: { s: { cookies } } }, b: { services: { t: {} } } },
    } as never)

  it('hide a column that no cookie of the config fills', () => {
    expect(cookieColumns(config(['x', { name: 'y' }]))).toEqual({ purpose: false, duration: false })
    expect(cookieColumns(config(['x', { name: 'y', duration: '1 day' }]))).toEqual({ purpose: false, duration: true })
    expect(cookieColumns(config([{ name: 'y', purpose: { en: 'Counts' } }]))).toEqual({
      purpose: true,
      duration: false,
    })
  })
})
