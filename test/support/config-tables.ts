import { siteConfig } from './configs'

export const minimal = { revision: 1, categories: { essential: { required: true }, analytics: {} } }
const withCategory = (category: unknown) => ({ revision: 1, categories: { analytics: category } })
const withService = (service: unknown) => withCategory({ services: { ga: service } })
const withCookie = (cookie: unknown) => withService({ cookies: [cookie] })

/** Malformed configs, each with the message it must produce. */
export const invalidConfigs: [string, unknown, string][] = [
  ['null', null, 'config: expected object'],
  ['an array', [], 'config: expected object'],
  ['a string', 'config', 'config: expected object'],
  ['no revision', { categories: {} }, 'revision: missing'],
  ['no categories', { revision: 1 }, 'categories: missing'],
  ['revision 0', { ...minimal, revision: 0 }, 'revision: expected integer >= 1'],
  ['fractional revision', { ...minimal, revision: 1.5 }, 'revision: expected integer >= 1'],
  ['revision as a string', { ...minimal, revision: '1' }, 'revision: expected integer >= 1'],
  ['misspelt revision', { revison: 1, categories: {} }, 'revison: unknown key, did you mean "revision"?'],
  ['misspelt categories', { revision: 1, categorys: {} }, 'categorys: unknown key, did you mean "categories"?'],
  ['an unknown key', { ...minimal, colour: 'red' }, 'colour: unknown key'],
  ['categories as an array', { revision: 1, categories: [] }, 'categories: expected object'],
  [
    'an upper-case category',
    { revision: 1, categories: { Analytics: {} } },
    'categories.Analytics: expected key matching /^[a-z][a-z0-9-]*$/',
  ],
  [
    'a category starting with a digit',
    { revision: 1, categories: { '1st': {} } },
    'categories.1st: expected key matching',
  ],
  ['a null category', withCategory(null), 'categories.analytics: expected object'],
  ['required as a string', withCategory({ required: 'yes' }), 'categories.analytics.required: expected boolean'],
  [
    'misspelt required',
    withCategory({ requierd: true }),
    'categories.analytics.requierd: unknown key, did you mean "required"?',
  ],
  [
    'misspelt services',
    withCategory({ servces: {} }),
    'categories.analytics.servces: unknown key, did you mean "services"?',
  ],
  ['services as an array', withCategory({ services: [] }), 'categories.analytics.services: expected object'],
  [
    'an upper-case service',
    withCategory({ services: { GA: {} } }),
    'categories.analytics.services.GA: expected key matching',
  ],
  ['a service as a string', withService('ga'), 'categories.analytics.services.ga: expected object'],
  ['cookies as a string', withService({ cookies: '_ga' }), 'categories.analytics.services.ga.cookies: expected array'],
  ['a cookie as a number', withCookie(5), 'categories.analytics.services.ga.cookies[0]: expected string'],
  [
    'a broken regular expression',
    withCookie('/(/'),
    'categories.analytics.services.ga.cookies[0]: expected a valid /regular expression/',
  ],
  [
    'a cookie name with a space',
    withCookie('_g a'),
    'categories.analytics.services.ga.cookies[0]: expected string matching',
  ],
  [
    'a cookie object without name',
    withCookie({ purpose: 'x' }),
    'categories.analytics.services.ga.cookies[0].name: missing',
  ],
  [
    'a cookie object with a misspelt key',
    withCookie({ name: '_ga', purpos: 'x' }),
    'categories.analytics.services.ga.cookies[0].purpos: unknown key, did you mean "purpose"?',
  ],
  [
    'a cookie object with a numeric name',
    withCookie({ name: 3 }),
    'categories.analytics.services.ga.cookies[0].name: expected string',
  ],
  ['a numeric title', withCategory({ title: 5 }), 'categories.analytics.title: expected string or object'],
  [
    'a title keyed by a language name',
    withCategory({ title: { english: 'x' } }),
    'categories.analytics.title.english: expected key matching',
  ],
  [
    'a translated title that is not text',
    withCategory({ title: { en: 5 } }),
    'categories.analytics.title.en: expected string',
  ],
  [
    'a numeric service description',
    withService({ description: 1 }),
    'categories.analytics.services.ga.description: expected string or object',
  ],
  ['cookie options as a string', { ...minimal, cookie: 'consentry' }, 'cookie: expected object'],
  ['a cookie name with a semicolon', { ...minimal, cookie: { name: 'a;b' } }, 'cookie.name: expected string matching'],
  [
    'a domain with a space',
    { ...minimal, cookie: { domain: 'exa mple.com' } },
    'cookie.domain: expected string matching',
  ],
  ['a relative cookie path', { ...minimal, cookie: { path: 'app' } }, 'cookie.path: expected string matching'],
  ['zero days', { ...minimal, cookie: { days: 0 } }, 'cookie.days: expected number > 0'],
  ['days as a string', { ...minimal, cookie: { days: '30' } }, 'cookie.days: expected number > 0'],
  [
    'days of 1e400, Infinity once parsed',
    JSON.parse('{ "revision": 1, "categories": {}, "cookie": { "days": 1e400 } }'),
    'cookie.days: expected number > 0',
  ],
  ['sameSite in capitals', { ...minimal, cookie: { sameSite: 'Lax' } }, 'cookie.sameSite: expected string matching'],
  ['secure as a string', { ...minimal, cookie: { secure: 'true' } }, 'cookie.secure: expected boolean'],
  ['a misspelt cookie option', { ...minimal, cookie: { dayz: 3 } }, 'cookie.dayz: unknown key, did you mean "days"?'],
  ['a language name', { ...minimal, language: 'english' }, 'language: expected string matching'],
  ['texts keyed by a language name', { ...minimal, texts: { english: {} } }, 'texts.english: expected key matching'],
  ['a text that is not a string', { ...minimal, texts: { en: { title: 5 } } }, 'texts.en.title: expected string'],
  ['reloadOnWithdraw as a number', { ...minimal, reloadOnWithdraw: 1 }, 'reloadOnWithdraw: expected boolean'],
  // Keys that name what every object inherits: unknown keys like any other, never a crash.
  ...['__proto__', 'constructor', 'toString', 'isPrototypeOf', 'hasOwnProperty', 'valueOf'].flatMap(
    (key): [string, unknown, string][] => [
      [
        `a top-level key "${key}"`,
        JSON.parse(`{ "revision": 1, "categories": {}, "${key}": {} }`),
        `${key}: unknown key`,
      ],
      [
        `a category key "${key}"`,
        JSON.parse(`{ "revision": 1, "categories": { "analytics": { "${key}": true } } }`),
        `categories.analytics.${key}: unknown key`,
      ],
      [
        `a cookie option "${key}"`,
        JSON.parse(`{ "revision": 1, "categories": {}, "cookie": { "${key}": 1 } }`),
        `cookie.${key}: unknown key`,
      ],
    ],
  ),
  [
    'a category named __proto__',
    JSON.parse('{ "revision": 1, "categories": { "__proto__": {} } }'),
    'categories.__proto__: expected key matching',
  ],
  [
    'a text keyed __proto__',
    JSON.parse('{ "revision": 1, "categories": {}, "texts": { "__proto__": {} } }'),
    'texts.__proto__: expected key matching',
  ],
  // Only http(s), mailto and relative URLs: any other scheme, in any case or with tabs, newlines
  // and spaces that browsers drop, is refused.
  ...[
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    '\tjavascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:https://x/1',
    'file:///etc/passwd',
  ].map((policyUrl): [string, unknown, string] => [
    `the policyUrl ${JSON.stringify(policyUrl)}`,
    { ...minimal, policyUrl },
    'policyUrl: expected an http(s), mailto or relative URL',
  ]),
  ['a policyUrl that is no string', { ...minimal, policyUrl: 5 }, 'policyUrl: expected string'],
  ['googleConsentMode as a string', { ...minimal, googleConsentMode: 'yes' }, 'googleConsentMode: expected object'],
  [
    'a misspelt Consent Mode option',
    { ...minimal, googleConsentMode: { waitForUpdat: 5 } },
    'googleConsentMode.waitForUpdat: unknown key, did you mean "waitForUpdate"?',
  ],
  [
    'a negative wait for update',
    { ...minimal, googleConsentMode: { waitForUpdate: -1 } },
    'googleConsentMode.waitForUpdate: expected number >= 0',
  ],
  [
    'an unknown Consent Mode signal',
    { ...minimal, googleConsentMode: { mapping: { ads_storage: 'marketing' } } },
    'googleConsentMode.mapping.ads_storage: expected key matching',
  ],
  [
    'a mapping to a number',
    { ...minimal, googleConsentMode: { mapping: { ad_storage: [1] } } },
    'googleConsentMode.mapping.ad_storage[0]: expected string',
  ],
  [
    'a Consent Mode region in lower case',
    { ...minimal, googleConsentMode: { regions: { us: {} } } },
    'googleConsentMode.regions.us: expected key matching',
  ],
  [
    'a Consent Mode region value that is no signal value',
    { ...minimal, googleConsentMode: { regions: { US: { ad_storage: 'yes' } } } },
    'googleConsentMode.regions.US.ad_storage: expected string matching',
  ],
  ['receipts without an endpoint', { ...minimal, receipts: {} }, 'receipts.endpoint: missing'],
  [
    'a javascript: receipts endpoint',
    { ...minimal, receipts: { endpoint: 'javascript:x' } },
    'receipts.endpoint: expected an http(s), mailto or relative URL',
  ],
  [
    'a fractional maxQueued',
    { ...minimal, receipts: { endpoint: '/r', maxQueued: 1.5 } },
    'receipts.maxQueued: expected integer >= 1',
  ],
  ['crossTab as a string', { ...minimal, crossTab: 'on' }, 'crossTab: expected boolean'],
  ['an unknown mode', { ...minimal, mode: 'opt_in' }, 'mode: expected string matching'],
  [
    'a region code in lower case',
    { ...minimal, regions: { 'us-ca': 'opt-out' } },
    'regions.us-ca: expected key matching',
  ],
  ['a region with an unknown mode', { ...minimal, regions: { US: 'optout' } }, 'regions.US: expected string matching'],
  [
    'saleOrSharing as a string',
    withCategory({ saleOrSharing: 'yes' }),
    'categories.analytics.saleOrSharing: expected boolean',
  ],
  [
    'an unknown vendor',
    withService({ vendor: 'hotjar' }),
    'categories.analytics.services.ga.vendor: expected string matching',
  ],
  ['placeholders as a string', { ...minimal, ui: { placeholders: 'off' } }, 'ui.placeholders: expected boolean'],
]

export const validConfigs: [string, unknown][] = [
  ['the minimal config', minimal],
  [
    'the contract example',
    { revision: 1, categories: { essential: { required: true }, analytics: {}, marketing: {}, 'click-tracking': {} } },
  ],
  ['the site config', siteConfig],
  ['no categories at all', { revision: 3, categories: {} }],
  [
    'every cookie option',
    {
      ...minimal,
      cookie: { name: 'cc', domain: '.example.com', path: '/app', days: 30.5, sameSite: 'none', secure: true },
    },
  ],
  [
    'texts in two languages',
    { ...minimal, language: 'de', texts: { en: { bannerTitle: 'Cookies' }, 'pt-BR': { bannerTitle: 'Cookies' } } },
  ],
  ['a $schema reference', { $schema: './consentry.schema.json', ...minimal, reloadOnWithdraw: true }],
  [
    'cookie objects with translated purpose',
    withCookie({ name: '/^_ga/i', purpose: { en: 'id', de: 'ID' }, duration: '2 years' }),
  ],
  ['a category named constructor', { revision: 1, categories: { constructor: {}, 'to-string': {} } }],
  [
    'every script-tag feature',
    {
      ...minimal,
      googleConsentMode: {
        waitForUpdate: 0,
        mapping: { ad_storage: ['marketing', 'analytics.ga'], analytics_storage: 'analytics' },
        adsDataRedaction: true,
        urlPassthrough: false,
        regions: { 'US-CA,US-NY': { ad_storage: 'granted' } },
      },
      receipts: {
        endpoint: 'https://crm.example.com/consent/receipts',
        subjectParam: 'ctk',
        maxQueued: 10,
        retryDelay: 500,
        setCookie: true,
      },
      crossTab: false,
      mode: 'opt-in',
      regions: { US: 'notice', 'US-CA': 'opt-out', DE: 'opt-in' },
      categories: {
        essential: { required: true },
        analytics: { services: { ga: { vendor: 'microsoft-clarity' } } },
        sharing: { saleOrSharing: true },
      },
      ui: { placeholders: false },
    },
  ],
  ['googleConsentMode as true', { ...minimal, googleConsentMode: true }],
  ...[
    '/privacy',
    'privacy.html',
    '#cookies',
    '?page=privacy',
    '//example.com/privacy',
    'https://example.com/privacy',
    'HTTP://example.com',
    'mailto:dpo@example.com',
  ].map((policyUrl): [string, unknown] => [`the policyUrl ${policyUrl}`, { ...minimal, policyUrl }]),
]
