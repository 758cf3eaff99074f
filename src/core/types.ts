import type { ReadableAtom } from 'nanostores'

/**
 * A text shown to visitors: one string for every language, or one string per language code
 * (`{ "en": "Analytics", "de": "Statistik" }`).
 */
export type LocalizedText = string | Record<string, string>

/**
 * A cookie that a service sets. A plain string is an exact cookie name; a string written as
 * `/regex/flags` matches every cookie whose name the regular expression matches. The object form
 * adds what visitors read in the preferences' cookie table:
 * `{ "name": "_ga_*", "match": "/^_ga_/", "purpose": "Counts visits", "duration": "2 years" }`.
 */
export type CookieInput =
  | string
  | {
      /**
       * The name shown to visitors. Without `match`, also what is matched: an exact name or
       * `/regex/flags` (a pattern is shown in a readable form, `_ga*` for `/^_ga/`).
       */
      name: string
      /** Exact name or `/regex/flags` that the cookies to delete match; `name` is then shown only. */
      match?: string
      /** What the cookie is for, shown in the preferences. */
      purpose?: LocalizedText
      /** How long it lives, as text shown in the preferences (`"2 years"`). */
      duration?: LocalizedText
    }

/** A vendor whose own consent API Consentry drives for a service (see docs/vendors.md). */
export type Vendor = 'fullstory' | 'microsoft-uet' | 'microsoft-clarity'

/** One third-party service (a tag, a widget, an embed) inside a category. */
export interface ServiceInput {
  /** Its name, shown in the preferences and on the placeholders of its embeds. */
  title?: LocalizedText
  /** What it does, shown in the preferences and on the placeholders of its embeds. */
  description?: LocalizedText
  /** Cookies deleted when consent for this service is withdrawn. */
  cookies?: CookieInput[]
  /** Drive this vendor's consent API from the service's grant. */
  vendor?: Vendor
}

/** One consent category, such as `analytics`. */
export interface CategoryInput {
  /** Always granted and not switchable (the `essential` category). */
  required?: boolean
  /**
   * The category sells or shares personal information (as `marketing` always does): denied under
   * Global Privacy Control unless the visitor turns it on, and what "Do Not Sell or Share" turns off.
   */
  saleOrSharing?: boolean
  /** Its name in the preferences. */
  title?: LocalizedText
  /** What it is for, in the preferences. */
  description?: LocalizedText
  /** Services by name; names match `^[a-z][a-z0-9-]*$`. */
  services?: Record<string, ServiceInput>
}

/** Where and how the decision is stored. */
export interface CookieOptions {
  /** Cookie name. Default `consentry`. */
  name?: string
  /** A parent domain (`example.com`) shares the decision across its subdomains. Default: this host only. */
  domain?: string
  /** Default `/`. */
  path?: string
  /** Lifetime of a decision in days. Default 182. */
  days?: number
  /** Default `lax`. */
  sameSite?: 'lax' | 'strict' | 'none'
  /** Default: on when the page is served over https. */
  secure?: boolean
}

/**
 * The consent config, as JSON. Validate it with {@link parseConfig}; the JSON Schema
 * `consentry.schema.json` in the package describes the same shape for editors.
 *
 * @example
 * ```json
 * { "revision": 1, "categories": { "essential": { "required": true }, "analytics": {} } }
 * ```
 */
export interface ConsentryConfig {
  /** JSON Schema reference for editors; ignored. */
  $schema?: string
  /** Bump it when the policy or the services change materially: older decisions no longer count. */
  revision: number
  /** Ordered map of categories; names match `^[a-z][a-z0-9-]*$`. */
  categories: Record<string, CategoryInput>
  /** Where and how long the decision is stored: see {@link CookieOptions}. */
  cookie?: CookieOptions
  /** Language of the texts; default: the page's `<html lang>`, then the browser's. */
  language?: string
  /** UI texts per language code, overriding the built-in ones. */
  texts?: Record<string, Record<string, string>>
  /** Reload the page when consent is withdrawn, since scripts already running cannot be unloaded. */
  reloadOnWithdraw?: boolean
  /** URL of the privacy or cookie policy, linked from the banner and the preferences. */
  policyUrl?: string
  /** Look and behaviour of the banner and preferences. */
  ui?: UiOptions
  /** Google Consent Mode v2 through `window.dataLayer`: `true` for the defaults, or options. */
  googleConsentMode?: boolean | ConsentModeOptions
  /** Send a receipt of every decision to an endpoint (proof of consent, the email link's choice). */
  receipts?: ReceiptsOptions
  /** Apply a decision made in another tab of the site to this one. Default: on in the script tag, off for npm. */
  crossTab?: boolean
  /**
   * `opt-in` (default): nothing non-essential before consent. `opt-out`: non-essential categories
   * granted until the visitor opts out (never those that sell or share under Global Privacy
   * Control), with a "Do Not Sell or Share" notice. `notice`: an informational banner, no choice.
   */
  mode?: Mode
  /** The mode per region: ISO 3166-1 country (`US`) or 3166-2 subdivision (`US-CA`) codes; the most specific wins. */
  regions?: Record<string, Mode>
}

/** How consent is asked for; see {@link ConsentryConfig.mode}. */
export type Mode = 'opt-in' | 'opt-out' | 'notice'

/** Google Consent Mode v2 signal names. */
export type ConsentSignal =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage'

/** Options of Google Consent Mode v2; `"googleConsentMode": true` takes every default. */
export interface ConsentModeOptions {
  /** Milliseconds tags wait for an update after the default. Default 500. */
  waitForUpdate?: number
  /** Which categories or `category.service` names grant each signal (any of them). */
  mapping?: Partial<Record<ConsentSignal, string | string[]>>
  /** `gtag('set', 'ads_data_redaction', true)`: redact ad click identifiers while ad_storage is denied. */
  adsDataRedaction?: boolean
  /** `gtag('set', 'url_passthrough', true)`: pass click information in URLs while cookies are denied. */
  urlPassthrough?: boolean
  /** Other defaults for some regions (ISO 3166 codes, such as `US` or `US-CA`): signal to `granted` or `denied`. */
  regions?: Record<string, Partial<Record<ConsentSignal, 'granted' | 'denied'>>>
}

/** Options of consent receipts: `receipts` in the config, or the {@link receipts} gate. */
export interface ReceiptsOptions {
  /** Where each receipt is POSTed as JSON. */
  endpoint: string
  /** A query parameter of the page URL (a signed recipient token) to carry into `subject`, then remove. */
  subjectParam?: string
  /** Receipts kept while unsent; past it the oldest is dropped with a warning. Default 100. */
  maxQueued?: number
  /** First retry delay in ms, doubled at each failure up to 60 s. Default 1000. */
  retryDelay?: number
  /**
   * Send cookies with each receipt even to another origin, so that the endpoint can answer with a
   * `Set-Cookie` for the consent cookie (Safari caps cookies written by scripts at 7 days).
   */
  setCookie?: boolean
}

/** Who made a decision, as receipts and the `consent` event record it. */
export type DecisionSource = 'banner' | 'preferences' | 'api' | 'email-link' | 'placeholder'

/** Proof of one decision, as the endpoint receives it. */
export interface Receipt {
  /** Unique per decision: the endpoint stores a receipt sent twice once. */
  receiptId: string
  /** The browser's consent id, stable while a decision is stored. */
  consentId: string
  /** The recipient token from the page URL (`subjectParam`), when there was one. */
  subject?: string
  /** The config revision the decision was made under. */
  revision: number
  /** Every category: granted or not. */
  categories: Record<string, boolean>
  /** Every service, keyed `category.service`: granted or not. */
  services: Record<string, boolean>
  /** Who decided. */
  source: DecisionSource
  /** Whether the browser sent the Global Privacy Control signal. */
  gpc: boolean
  /** The language of the page or the browser. */
  locale: string
  /** The page URL, without the subject parameter. */
  url: string
  /** When the decision was made, ISO 8601. */
  timestamp: string
}

/** Look and behaviour of the banner and preferences. */
export interface UiOptions {
  /** `bar` along the bottom (default), `box` in the bottom corner, or `center`. */
  layout?: 'bar' | 'box' | 'center'
  /** `light`, `dark`, or `auto` to follow the visitor's system (default). */
  theme?: 'light' | 'dark' | 'auto'
  /**
   * A floating "Cookie settings" button, so withdrawal stays one click away: a small round icon
   * in a bottom corner whose label shows on hover and focus. `true` or `"bottom-start"` puts it
   * in the corner where lines begin (left, or right in right-to-left languages), `"bottom-end"`
   * in the other. It needs the UI chunk on every page view; a `data-consent-open="preferences"`
   * link costs nothing.
   */
  settingsButton?: boolean | 'bottom-start' | 'bottom-end'
  /**
   * A placeholder in place of each gated iframe and template until it is allowed: the service,
   * why it waits, a button that allows just it, a link to the preferences. Default on; an
   * element opts out with `data-consent-placeholder="off"`.
   */
  placeholders?: boolean
}

/** The UI a {@link Consentry} instance loads when something must show. */
export interface UiModule {
  /** Render the banner and preferences for an instance; returns the function that removes them. */
  mount(consent: Consentry, document: Document): () => void
}

/**
 * A type as JSON gives it: literal unions widened to `string` and `boolean`. A JSON import types
 * `"layout": "box"` as `string`, which {@link ConsentryConfig} rejects; the validator checks the
 * values at run time.
 */
export type Widened<T> = T extends string
  ? string
  : T extends boolean
    ? boolean
    : T extends (infer Item)[]
      ? Widened<Item>[]
      : T extends object
        ? { [K in keyof T]: Widened<T[K]> }
        : T

/** What {@link defineConfig} and {@link createConsentry} accept as config: {@link ConsentryConfig}, or a JSON import of one. */
export type ConsentryConfigInput = ConsentryConfig | Widened<ConsentryConfig>

/**
 * The category and `category.service` names of a config's type, as a union of string literals:
 * `'essential' | 'analytics' | 'analytics.ga' | …`. `string` when the type does not say (a config
 * typed `unknown`, or `ConsentryConfig` itself).
 */
// Record<'categories', …> rather than { categories: … }: the same match, without a type literal
// that the API reference would list as an undocumented property.
export type ConsentName<C> =
  C extends Record<'categories', infer Categories>
    ? string extends keyof Categories
      ? string
      : {
          [Category in keyof Categories & string]:
            | Category
            | (Categories[Category] extends Record<'services', infer Services>
                ? string extends keyof Services
                  ? `${Category}.${string}`
                  : `${Category}.${keyof Services & string}`
                : never)
        }[keyof Categories & string]
    : string

/** The config after validation: the same, with every cookie option filled in. */
export interface Config extends Omit<ConsentryConfig, 'cookie'> {
  /** The cookie options, each filled in with its default. */
  cookie: Required<Omit<CookieOptions, 'domain' | 'secure'>> & Pick<CookieOptions, 'domain' | 'secure'>
}

/** The visitor's consent, as {@link Consentry.getState} returns it and `$state` holds it. */
export interface ConsentState {
  /** False until the visitor decides (or when the stored decision no longer counts): the banner must show. */
  decided: boolean
  /** Every configured category: granted or not. Required categories are always true. */
  categories: Record<string, boolean>
  /** Every configured service, keyed `category.service`: granted or not. */
  services: Record<string, boolean>
  /** The config revision this decision was made under. */
  revision: number
  /** Random consent id, stable for this browser while a decision is stored. */
  id: string
  /** When the decision was made, in milliseconds since the epoch; null before a decision. */
  updatedAt: number | null
}

/** The `detail` of every Consentry event: the state, and on `change` the names that changed. */
export interface ConsentEventDetail extends ConsentState {
  /** Categories and `category.service` names whose grant changed (on `change` only). */
  changed?: string[]
  /** Who made the decision (on `consent` and `change` after an action of this page). */
  source?: DecisionSource
}

/** Event names for {@link Consentry.on}; on `window` they fire as `consentry:<name>`. */
export type ConsentEventName =
  | 'ready'
  | 'consent'
  | 'change'
  | 'banner-show'
  | 'banner-hide'
  | 'preferences-show'
  | 'preferences-hide'

/** What the UI shows: nothing, the banner, or the preferences. */
export type View = 'none' | 'banner' | 'preferences'

/**
 * A gate: activates or deactivates something when consent changes. Returns its cleanup.
 * Gates receive the instance and the document they work on.
 */
export type Gate = (consent: Consentry, document: Document) => () => void

/** Options of {@link createConsentry} besides the config. */
export interface ConsentryOptions {
  /** The document to gate and to fire events on. Default: the global `document`, when there is one. */
  document?: Document
  /** Gates to start. Default: scripts, templates and `data-src` elements. */
  gates?: Gate[]
  /**
   * The page's Content Security Policy nonce, for the default gates: a gated script, or a script
   * in a gated template, runs only if it carries it. Set it on every page that uses nonces, so that
   * markup injected into the page cannot become script. Ignored when `gates` is given: pass it to
   * {@link domGates} there.
   */
  nonce?: string | undefined
  /**
   * Loads the UI when the banner or the preferences must show. Default with
   * {@link createConsentry}: the bundled Preact UI, as a separate chunk; `false` (or `undefined`) for none.
   */
  ui?: (() => Promise<UiModule>) | false | undefined
  /**
   * Checksum of the config text, stored with the decision: the script tag skips validating a
   * config it has validated before. Default: the stored one.
   */
  fingerprint?: string
  /**
   * The visitor's region, an ISO 3166-1 country or 3166-2 subdivision code (`US-CA`), as your
   * server or CDN knows it: picks the mode from the config's `regions`. The script tag reads it
   * from its `data-region` attribute.
   */
  region?: string | undefined
  /**
   * The decision cookie's value as the caller has just read it (`undefined`: no such cookie); the
   * script tag reads it to decide whether the config needs validating. Spares a second read of
   * `document.cookie` at start. Default: read it.
   */
  storedValue?: string | undefined
}

/**
 * A running Consentry instance: the same on `window.consentry` and from `createConsentry()`.
 * `Name` is the union of the config's category and `category.service` names where its type is
 * known ({@link defineConfig}), so that a misspelt name fails to compile; `string` otherwise.
 */
export interface Consentry<Name extends string = string> {
  /** The current consent. */
  getState(): ConsentState
  /** Whether a category (`analytics`) or a service (`analytics.fullstory`) is granted. */
  isGranted(name: Name): boolean
  /**
   * Grant every category and service; under Global Privacy Control, all but those that sell or
   * share personal information.
   *
   * @param source - Who decided, for receipts and the `consent` event. Default `api`.
   */
  acceptAll(source?: DecisionSource): void
  /**
   * Deny everything but the required categories.
   *
   * @param source - Who decided. Default `api`.
   */
  rejectAll(source?: DecisionSource): void
  /**
   * "Do Not Sell or Share My Personal Information": deny `marketing` and the categories marked
   * `saleOrSharing`, keep the rest as it is.
   *
   * @param source - Who decided. Default `api`.
   */
  optOut(source?: DecisionSource): void
  /**
   * Change some categories or services; the rest keep their value. Naming a category sets its
   * services too, unless they are named as well. Required categories cannot be turned off.
   *
   * @example
   * ```ts
   * consent.setConsent({ analytics: true, 'analytics.fullstory': false })
   * ```
   * @param source - Who decided. Default `api`.
   */
  setConsent(choice: Partial<Record<Name, boolean>>, source?: DecisionSource): void
  /**
   * Run `fn` once: now if `name` is granted, else when it becomes granted.
   *
   * @returns A function that cancels the wait.
   * @example
   * ```ts
   * consent.whenGranted('analytics.fullstory', () => loadReplay())
   * ```
   */
  whenGranted(name: Name, fn: () => void): () => void
  /** Show the banner. */
  showBanner(): void
  /** Show the preferences. */
  showPreferences(): void
  /** Hide the banner and the preferences. */
  hide(): void
  /** Forget the decision, delete the cookie, show the banner again. */
  reset(): void
  /**
   * Read the stored decision again, as another tab of the site or the server (`Set-Cookie`) left
   * it, and apply it here: gates, events and adapters react as to a decision made on this page.
   * It is applied as stored, not made anew (its time and consent id stay). {@link crossTab} calls it.
   */
  refresh(): void
  /**
   * Listen to an event.
   *
   * @returns A function that removes the listener.
   */
  on(event: ConsentEventName, fn: (detail: ConsentEventDetail) => void): () => void
  /** Store of the state, for `@nanostores/react`, `/vue`, `/preact` and friends. */
  readonly $state: ReadableAtom<ConsentState>
  /** Store of what the UI shows. */
  readonly $view: ReadableAtom<View>
  /** The validated config. */
  readonly config: Config
  /** The mode in force for this visitor: the config's, or its region's. */
  readonly mode: Mode
  /** Whether the browser sends the Global Privacy Control signal. */
  readonly gpc: boolean
  /**
   * Stop every gate and listener this instance started, and remove its UI: the banner's host
   * element and its listeners. A UI chunk still loading never mounts. Call it before a dev
   * server's hot update creates the next instance.
   *
   * @example
   * ```ts
   * if (import.meta.hot) import.meta.hot.dispose(() => consent.destroy())
   * ```
   */
  destroy(): void
}
