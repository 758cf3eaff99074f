import { render } from 'preact'
import { isEmailLink } from '../core/email-link'
import { PLACEHOLDER_TARGETS } from '../core/placeholders'
import { tagBeforeConsentDefault } from '../core/tag-order'
import type { Consentry } from '../core/types'
import { isSafeUrl } from '../core/url'
import { isRightToLeft } from '../i18n/locale'
import { loadTexts, type Texts } from '../i18n/texts'
import { Banner } from './banner'
import { SettingsButton } from './settings-button'
import css from './styles.css?inline'

/**
 * Render the banner, the preferences and the optional settings button of an instance into an
 * open shadow root at the end of `<body>`, styled by a constructed stylesheet (no inline styles,
 * so a strict `style-src` Content Security Policy holds). Returns the function that removes it.
 */
export const mount = (consent: Consentry, doc: Document) => {
  const { config, $state, $view } = consent
  // The document may have gone (a closed frame) while the chunk loaded.
  if (!doc.defaultView) return () => {}
  // Told here, where a site owner trying the page meets it, not in the core every visit loads.
  const early = tagBeforeConsentDefault(doc.defaultView)
  if (early)
    console.warn(
      `consentry: ${early} ran before Consent Mode's default; load consentry.js above the gtag.js and Tag Manager snippets`,
    )
  const host = doc.createElement('div')
  host.setAttribute('data-consentry', '')
  host.setAttribute('data-layout', config.ui?.layout ?? 'bar')
  const theme = config.ui?.theme ?? 'auto'
  const dark = doc.defaultView.matchMedia('(prefers-color-scheme: dark)')
  const paint = () => {
    const scheme = dark.matches ? 'dark' : 'light'
    host.setAttribute('data-theme', theme == 'auto' ? scheme : theme)
  }
  paint()
  dark.addEventListener('change', paint)
  const root = host.attachShadow({ mode: 'open' })
  const sheet = new (doc.defaultView as typeof globalThis).CSSStyleSheet()
  sheet.replaceSync(css)
  root.adoptedStyleSheets = [sheet]

  const names = Object.keys(config.categories)
  const fromEmail = isEmailLink(doc.URL)
  if (fromEmail) {
    // Opened from an email footer link: the category the recipient came for goes first.
    const clickTracking = names.indexOf('click-tracking')
    if (clickTracking > 0) names.unshift(...names.splice(clickTracking, 1))
  }
  // Rendered as a link only where it is one: never javascript: or another scheme.
  const policyUrl = config.policyUrl && isSafeUrl(config.policyUrl, doc.baseURI) ? config.policyUrl : undefined
  let texts: Texts | undefined
  // What the switches show: every category and service, from the stored decision when the
  // preferences open; Save stores exactly this.
  let draft: Record<string, boolean> = {}
  let view = 'none'
  // The preferences are a chunk of their own, fetched when the visitor is about to open them (a
  // pointer over, a finger on or the focus on a button that opens them) or opens them.
  let preferences: Promise<void> | undefined
  let Preferences: typeof import('./preferences').Preferences | undefined
  const loadPreferences = () => {
    if (preferences) return
    preferences = import('./preferences').then(
      (module) => {
        const extra = new (doc.defaultView as typeof globalThis).CSSStyleSheet()
        extra.replaceSync(module.css)
        root.adoptedStyleSheets = [sheet, extra]
        Preferences = module.Preferences
        safeDraw()
      },
      (error) => {
        // Offline, say: back to where the visitor was; the next attempt fetches again.
        preferences = undefined
        console.error('consentry: the preferences could not be loaded', error)
        if ($view.get() == 'preferences') onClose()
      },
    )
  }
  const change = (changes: Record<string, boolean>) => {
    draft = { ...draft, ...changes }
    safeDraw()
  }

  const draw = () => {
    // A chunk (the preferences, a language) may arrive after the UI was removed.
    if (!texts || removed) return
    const state = $state.get()
    const current = $view.get()
    if (current == 'preferences' && !Preferences) loadPreferences()
    if (current == 'preferences' && view != 'preferences') draft = { ...state.categories, ...state.services }
    view = current
    render(
      <div class="root" lang={texts.lang} dir={isRightToLeft(texts.lang) ? 'rtl' : 'ltr'}>
        {(current == 'banner' || (current == 'preferences' && !state.decided)) && (
          <Banner consent={consent} texts={texts} policyUrl={policyUrl} prefetch={loadPreferences} />
        )}
        {Preferences && (
          <Preferences
            consent={consent}
            texts={texts}
            draft={draft}
            order={names}
            open={current == 'preferences'}
            policyUrl={policyUrl}
            source={fromEmail ? 'email-link' : 'preferences'}
            change={change}
          />
        )}
        {config.ui?.settingsButton && current == 'none' && (
          <SettingsButton
            consent={consent}
            texts={texts}
            position={config.ui.settingsButton}
            prefetch={loadPreferences}
          />
        )}
      </div>,
      root,
    )
    const dialog = root.querySelector('dialog')
    if (!dialog) return
    if (current == 'preferences' && !dialog.open) dialog.showModal()
    if (current != 'preferences' && dialog.open) dialog.close()
  }

  // Closed by Escape or the close button: nothing saved; back to the banner while undecided.
  const onClose = () => {
    if ($view.get() != 'preferences') return
    if ($state.get().decided) consent.hide()
    else consent.showBanner()
  }
  root.addEventListener('close', onClose, true)

  let removed = false
  const remove = () => {
    if (removed) return
    removed = true
    dark.removeEventListener('change', paint)
    for (const stop of stops) stop()
    try {
      render(null, root)
    } finally {
      host.remove()
    }
  }
  // The UI never throws into the page, nor into the store's listeners (which would stop the
  // gates after it): a failure removes it, with one error, and gating goes on without it.
  const fail = (error: unknown) => {
    if (removed) return
    console.error('consentry: the banner failed and was removed', error)
    try {
      remove()
    } catch {
      // Half-rendered: the host element is gone all the same.
    }
  }
  const safeDraw = () => {
    try {
      draw()
    } catch (error) {
      fail(error)
    }
  }
  const stops = [$state.listen(safeDraw), $view.listen(safeDraw)]
  // The chunk may arrive while the parser is still in <head>, where there is no body to join yet.
  const parsedBody = new Promise<void>((done) => {
    if (doc.body) done()
    else doc.addEventListener('DOMContentLoaded', () => done(), { once: true })
  })
  // The placeholders are a chunk of their own, loaded once a gated embed is on the page.
  const watchForEmbeds = (loaded: Texts) => {
    const observer = new MutationObserver(() => load())
    const load = () => {
      if (removed || !doc.querySelector(PLACEHOLDER_TARGETS)) return
      observer.disconnect()
      import('./placeholders')
        .then((module) => {
          if (!removed)
            stops.push(module.placeholders(consent, doc, loaded, sheet, host.getAttribute('data-theme')!, fail))
        })
        .catch(fail)
    }
    observer.observe(doc, { childList: true, subtree: true })
    stops.push(() => observer.disconnect())
    load()
  }
  // Opened from an email link: the preferences load beside the texts, not after them.
  if ($view.get() == 'preferences') loadPreferences()
  Promise.all([loadTexts(config, doc), parsedBody])
    .then(([loaded]) => {
      if (removed) return
      doc.body.append(host)
      texts = loaded
      draw()
      if (config.ui?.placeholders !== false) watchForEmbeds(loaded)
    })
    .catch(fail)
  return remove
}
