// Cookie values a browser may hold under the decision's name, each with what the instance must
// make of it: the storage tests check the browser's reading, the SSR tests the server's.
import { checksum, encode } from '../../src/core/codec'
import { withDefaults } from '../../src/core/defaults'
import { grantNames, layoutOf, toStored } from '../../src/core/grants'
import { decide } from '../../src/core/state'
import { siteConfig } from './configs'

const ID = '5f0c6d2e-8a41-4b7e-9c3d-2e1f0a9b8c7d'
const now = Date.now()
const config = withDefaults(siteConfig)
const names = grantNames(config)
const onlyAnalytics = toStored(config, decide(config, { id: ID }, { analytics: true }, now), '')
const valid = encode(onlyAnalytics)
const sealed = (body: string) => `${body}|${checksum(body)}`
type Field = 'format' | 'revision' | 'id' | 'time' | 'layout' | 'grants' | 'gpc'
/** A well-sealed value of format 3 (or of format 2 without `gpc`) with some fields changed. */
const sealedWith = (fields: Partial<Record<Field, string | undefined>>) => {
  const {
    format = '3',
    revision = '1',
    id = ID,
    time = now.toString(36),
    layout = onlyAnalytics.layout,
    grants = onlyAnalytics.grants,
  } = fields
  const gpc = 'gpc' in fields ? fields.gpc : '0'
  const body = [format, revision, id, time, layout, grants, '']
  if (gpc !== undefined) body.push(gpc)
  return sealed(body.join('|'))
}
const json = (value: unknown) => encodeURIComponent(JSON.stringify(value))

export type Outcome = 'no decision' | 'decided, only analytics' | 'decided, nothing granted'

/** Cookie values (as sent in the Cookie header), each with what the instance must make of it. */
export const cookieValues: [string, Outcome, string][] = [
  ['empty', 'no decision', ''],
  ['a word', 'no decision', 'yes'],
  ['"true"', 'no decision', 'true'],
  ['a digit', 'no decision', '1'],
  ['JSON of another banner', 'no decision', json({ analytics: true, marketing: true })],
  [
    'vanilla-cookieconsent JSON',
    'no decision',
    json({ categories: ['necessary', 'analytics'], revision: 0, consentId: ID }),
  ],
  ['a OneTrust-like query string', 'no decision', encodeURIComponent('isGDPRApplied=true&groups=C0001:1,C0002:1')],
  ['base64', 'no decision', 'eyJhbmFseXRpY3MiOnRydWV9'],
  ['percent-garbage that cannot be decoded', 'no decision', '%E0%A4%A'],
  ['only percent signs', 'no decision', '%%%'],
  ['4,000 characters', 'no decision', 'a'.repeat(4000)],
  ['only separators', 'no decision', '|||||||'],
  ['empty fields with a right checksum', 'no decision', sealed('||||||')],
  ['a valid value cut short', 'no decision', valid.slice(0, -1)],
  ['a valid value without its checksum', 'no decision', valid.slice(0, valid.lastIndexOf('|'))],
  ['a valid value with another checksum', 'no decision', valid.replace(/\|[^|]+$/, '|abc123')],
  ['a grant edited by hand', 'no decision', valid.replace(`|${onlyAnalytics.grants}|`, '|zz|')],
  ['a valid value with an extra field', 'no decision', `${valid}|x`],
  ['format version 1 (names, not grants)', 'no decision', sealed(`1|1|${ID}|${now.toString(36)}|essential+analytics|`)],
  ['format version 4', 'no decision', sealedWith({ format: '4' })],
  ['format version 2 with a gpc field', 'no decision', sealedWith({ format: '2' })],
  ['format version 3 without its gpc field', 'no decision', sealedWith({ gpc: undefined })],
  ['a gpc field that is neither 0 nor 1', 'no decision', sealedWith({ gpc: 'x' })],
  ['an empty gpc field', 'no decision', sealedWith({ gpc: '' })],
  ['a consent id that is no UUID', 'no decision', sealedWith({ id: 'not-a-uuid' })],
  ['a consent id of 36 dashes', 'no decision', sealedWith({ id: '-'.repeat(36) })],
  ['a consent id of another UUID version', 'no decision', sealedWith({ id: ID.replace('-4b7e-', '-1b7e-') })],
  ['an upper-case consent id', 'no decision', sealedWith({ id: ID.toUpperCase() })],
  ['a revision that is no number', 'no decision', sealedWith({ revision: 'x' })],
  ...['', '0x1', ' 1', '1e0', '01'].map((revision): [string, Outcome, string] => [
    `the revision ${JSON.stringify(revision)}`,
    'no decision',
    sealedWith({ revision }),
  ]),
  ['an older revision', 'no decision', sealedWith({ revision: '0' })],
  ['a newer revision', 'no decision', sealedWith({ revision: '2' })],
  ['a time two days ahead', 'no decision', sealedWith({ time: (now + 2 * 864e5).toString(36) })],
  ['a time past the lifetime', 'no decision', sealedWith({ time: (now - 183 * 864e5).toString(36) })],
  ['a negative time', 'no decision', sealedWith({ time: '-1' })],
  ['an empty time', 'no decision', sealedWith({ time: '' })],
  ['a huge time', 'no decision', sealedWith({ time: 'zzzzzzzzzzzz' })],
  [
    'grants laid out by another list of services',
    'no decision',
    sealedWith({ layout: layoutOf([...names, 'analytics.hotjar'].sort()) }),
  ],
  ['one grant too many', 'no decision', sealedWith({ grants: `${onlyAnalytics.grants}0` })],
  ['a grant that is no digit', 'no decision', sealedWith({ grants: `${onlyAnalytics.grants.slice(1)}!` })],
  ['the valid value', 'decided, only analytics', valid],
  [
    'a value of format 2 (before the gpc field)',
    'decided, only analytics',
    sealedWith({ format: '2', gpc: undefined }),
  ],
  ['a value made under Global Privacy Control', 'decided, only analytics', sealedWith({ gpc: '1' })],
  ['no grants at all', 'decided, nothing granted', sealedWith({ grants: '0'.repeat(onlyAnalytics.grants.length) })],
]
