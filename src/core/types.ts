import type { ReadableAtom } from 'nanostores'

/**
 * A text shown to visitors: one string for every language, or one string per language code
 * (`{ "en": "Analytics", "de": "Statistik" }`).
 */
export type LocalizedText = string | Record<string, string>

/**
 * A cookie that a service sets. A plain string is an exact cookie name; a string written as
 * `/regex/flags` matches every cookie whose name the regular expression matches.
 */
export type CookieInput =
  | string
  | {
      /** Exact name or `/regex/flags`. */
      name: string
      /** What the cookie is for, shown in the preferences. */
      purpose?: LocalizedText
      /** How long it lives, as text shown in the preferences (`"2 years"`). */
      duration?: LocalizedText
    }

/** One third-party service (a tag, a widget, an embed) inside a category. */
export interface ServiceInput {
  title?: LocalizedText
  description?: LocalizedText
  /** Cookies deleted when consent for this service is withdrawn. */
  cookies?: CookieInput[]
}

/** One consent category, such as `analytics`. */
export interface CategoryInput {
  /** Always granted and not switchable (the `essential` category). */
  required?: boolean
  title?: LocalizedText
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
}

/** Look and behaviour of the banner and preferences. */
export interface UiOptions {
  /** `bar` along the bottom (default), `box` in the bottom corner, or `center`. */
  layout?: 'bar' | 'box' | 'center'
  /** `light`, `dark`, or `auto` to follow the visitor's system (default). */
  theme?: 'light' | 'dark' | 'auto'
  /**
   * A floating "Cookie settings" button, so withdrawal stays one click away. It needs the UI
   * chunk on every page view; a `data-consent-open="preferences"` link costs nothing.
   */
  settingsButton?: boolean
}

/** The UI a {@link Consentry} instance loads when something must show. */
export interface UiModule {
  /** Render the banner and preferences for an instance; returns the function that removes them. */
  mount(consent: Consentry, document: Document): () => void
}

/** The config after validation: the same, with every cookie option filled in. */
export interface Config extends Omit<ConsentryConfig, 'cookie'> {
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
  nonce?: string
  /**
   * Loads the UI when the banner or the preferences must show. Default with
   * {@link createConsentry}: the bundled Preact UI, as a separate chunk; `undefined` for none.
   */
  ui?: () => Promise<UiModule>
  /**
   * Checksum of the config text, stored with the decision: the script tag skips validating a
   * config it has validated before. Default: the stored one.
   */
  fingerprint?: string
}

/** A running Consentry instance: the same on `window.consentry` and from `createConsentry()`. */
export interface Consentry {
  /** The current consent. */
  getState(): ConsentState
  /** Whether a category (`analytics`) or a service (`analytics.fullstory`) is granted. */
  isGranted(name: string): boolean
  /** Grant every category and service. */
  acceptAll(): void
  /** Deny everything but the required categories. */
  rejectAll(): void
  /**
   * Change some categories or services; the rest keep their value. Naming a category sets its
   * services too, unless they are named as well. Required categories cannot be turned off.
   *
   * @example
   * ```ts
   * consent.setConsent({ analytics: true, 'analytics.fullstory': false })
   * ```
   */
  setConsent(choice: Record<string, boolean>): void
  /**
   * Run `fn` once: now if `name` is granted, else when it becomes granted.
   *
   * @returns A function that cancels the wait.
   * @example
   * ```ts
   * consent.whenGranted('analytics.fullstory', () => loadReplay())
   * ```
   */
  whenGranted(name: string, fn: () => void): () => void
  /** Show the banner. */
  showBanner(): void
  /** Show the preferences. */
  showPreferences(): void
  /** Hide the banner and the preferences. */
  hide(): void
  /** Forget the decision, delete the cookie, show the banner again. */
  reset(): void
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
  /** Stop every gate and listener this instance started. */
  destroy(): void
}
