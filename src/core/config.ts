import { REGEX, matchesCookie } from './cookie-pattern'
import { withDefaults } from './defaults'
import { ConsentryError } from './errors'
import { hasOwn, own } from './own'
import { COOKIE_NAME, MODE } from './patterns'
import { SAFE_URL } from './url'
import type { Config } from './types'

export { ConsentryError }

// A check narrows unknown JSON: each takes what the one before it let through, and its result is
// assigned into typed config fields.
// biome-ignore lint/suspicious/noExplicitAny: unknown would need a cast at each of the many call sites.
type Check = (value: any, path: string) => any

const fail = (path: string, problem: string): never => {
  throw new ConsentryError(`consentry: ${path || 'config'}: ${problem}`)
}
const expected = (path: string, what: string) => fail(path, `expected ${what}`)
const at = (path: string, key: string) => (path ? `${path}.${key}` : key)
const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value == 'object' && !Array.isArray(value)

const NAME = /^[a-z][a-z0-9-]*$/
const REGION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/
const REGIONS = /^[A-Z]{2}(-[A-Z0-9]{1,3})?(,[A-Z]{2}(-[A-Z0-9]{1,3})?)*$/
const SIGNAL =
  /^(ad_storage|ad_user_data|ad_personalization|analytics_storage|functionality_storage|personalization_storage|security_storage)$/
// No /i flags: JSON Schema patterns have none, and consentry.schema.json repeats these.
const LANGUAGE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]+)*$/

const is =
  (type: string): Check =>
  (value, path) =>
    typeof value == type ? value : expected(path, type)
const boolean = is('boolean')
const string = is('string')
const matching =
  (pattern: RegExp): Check =>
  (value, path) =>
    pattern.test(string(value, path)) ? value : expected(path, `string matching ${pattern}`)
const record =
  (key: RegExp, item: Check): Check =>
  (value, path) => {
    if (!isObject(value)) expected(path, 'object')
    for (const name of Object.keys(value)) {
      if (!key.test(name)) expected(at(path, name), `key matching ${key}`)
      item(value[name], at(path, name))
    }
    return value
  }

// Levenshtein distance, for "did you mean".
const distance = (a: string, b: string) => {
  let row = [...Array(b.length + 1).keys()]
  for (const char of a) {
    const next = [row[0]! + 1]
    for (let j = 0; j < b.length; j++) {
      const substitution = char == b[j] ? 0 : 1
      next.push(Math.min(next[j]! + 1, row[j + 1]! + 1, row[j]! + substitution))
    }
    row = next
  }
  return row[b.length]!
}

const object =
  (fields: Record<string, Check>, required: string[] = []): Check =>
  (value, path) => {
    if (!isObject(value)) expected(path, 'object')
    // Own keys only: "constructor" or "__proto__" in a config is an unknown key like any other.
    for (const key of Object.keys(value)) {
      const check = own(fields, key)
      if (!check) {
        const near = Object.keys(fields).find((known) => distance(key, known) < 3)
        fail(at(path, key), `unknown key${near ? `, did you mean "${near}"?` : ''}`)
      }
      check!(value[key], at(path, key))
    }
    for (const key of required) {
      if (!hasOwn(value, key)) fail(at(path, key), 'missing')
    }
    return value
  }

const text: Check = (value, path) => {
  if (isObject(value)) return record(LANGUAGE, string)(value, path)
  if (typeof value == 'string') return value
  return expected(path, 'string or object')
}

/** An exact cookie name or a `/regex/flags` that compiles. */
const cookiePattern: Check = (value, path) => {
  string(value, path)
  try {
    matchesCookie(value, '')
  } catch {
    expected(path, 'a valid /regular expression/')
  }
  if (!REGEX.test(value)) matching(COOKIE_NAME)(value, path)
}

// js-cookie looks names up with `in` on a plain object: a cookie named after a property of every
// object ("constructor", "toString") is never read back.
const consentCookieName: Check = (value, path) => {
  matching(COOKIE_NAME)(value, path)
  if (value in Object.prototype) expected(path, 'a name that is not a property of every object')
  return value
}

const cookie: Check = (value, path) => {
  if (!isObject(value)) return cookiePattern(value, path)
  // With `match`, the name is what visitors read (`_ga_*`); without it, the name is matched.
  const name = hasOwn(value, 'match') ? matching(/\S/) : cookiePattern
  object({ name, match: cookiePattern, purpose: text, duration: text }, ['name'])(value, path)
}

const list =
  (item: Check): Check =>
  (value, path) => {
    if (!Array.isArray(value)) expected(path, 'array')
    for (let i = 0; i < value.length; i++) item(value[i], `${path}[${i}]`)
    return value
  }
const cookies = list(cookie)

const atLeast =
  (minimum: number, integer = false): Check =>
  (value, path) => {
    const valid = Number.isFinite(value) && value >= minimum && (!integer || Number.isInteger(value))
    return valid ? value : expected(path, `${integer ? 'integer' : 'number'} >= ${minimum}`)
  }

const url: Check = (value, path) =>
  SAFE_URL.test(string(value, path)) ? value : expected(path, 'an http(s), mailto or relative URL')

const consentMode: Check = (value, path) => {
  if (typeof value == 'boolean') return value
  return object({
    waitForUpdate: atLeast(0),
    mapping: record(SIGNAL, (names, at) => (Array.isArray(names) ? list(string)(names, at) : string(names, at))),
    adsDataRedaction: boolean,
    urlPassthrough: boolean,
    regions: record(REGIONS, record(SIGNAL, matching(/^(granted|denied)$/))),
  })(value, path)
}

const validate = object(
  {
    $schema: string,
    revision: (value, path) => (Number.isInteger(value) && value > 0 ? value : expected(path, 'integer >= 1')),
    categories: record(
      NAME,
      object({
        required: boolean,
        saleOrSharing: boolean,
        title: text,
        description: text,
        services: record(
          NAME,
          object({
            title: text,
            description: text,
            cookies,
            vendor: matching(/^(fullstory|microsoft-uet|microsoft-clarity)$/),
          }),
        ),
      }),
    ),
    cookie: object({
      name: consentCookieName,
      domain: matching(/^\.?[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*$/),
      path: matching(/^\//),
      days: (value, path) => (Number.isFinite(value) && value > 0 ? value : expected(path, 'number > 0')),
      sameSite: matching(/^(lax|strict|none)$/),
      secure: boolean,
    }),
    language: matching(LANGUAGE),
    texts: record(LANGUAGE, record(/^[a-zA-Z][\w.-]*$/, string)),
    reloadOnWithdraw: boolean,
    policyUrl: url,
    ui: object({
      layout: matching(/^(bar|box|center)$/),
      theme: matching(/^(light|dark|auto)$/),
      settingsButton: (value, path) =>
        typeof value == 'boolean' ? value : matching(/^bottom-(start|end)$/)(value, path),
      placeholders: boolean,
    }),
    googleConsentMode: consentMode,
    receipts: object(
      { endpoint: url, subjectParam: string, maxQueued: atLeast(1, true), retryDelay: atLeast(1), setCookie: boolean },
      ['endpoint'],
    ),
    crossTab: boolean,
    mode: matching(MODE),
    regions: record(REGION, matching(MODE)),
  },
  ['revision', 'categories'],
)

/**
 * Validate a consent config and fill in the defaults of its cookie options.
 *
 * @param input - The config, as parsed JSON (or a config object written in code).
 * @returns The same config, typed, with `cookie` complete.
 * @throws {@link ConsentryError} naming the JSON path at fault and what was expected,
 *   for example `consentry: categories.analytics.services.ga.cookies[0]: expected string`.
 */
export const parseConfig = (input: unknown): Config => withDefaults(validate(input, ''))
