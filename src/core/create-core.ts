import { atom } from 'nanostores'
import { decode, encode, type StoredConsent } from './codec'
import { isEmailLink } from './email-link'
import { acceptChoice, defaultChoice, optOutChoice, resolveMode } from './modes'
import { PLACEHOLDER_TARGETS, placeholderOff } from './placeholders'
import { matchesCookie } from './cookie-pattern'
import { createEvents } from './events'
import { toStored } from './grants'
import { own } from './own'
import { assertDocumentUsable } from './shadowed'
import { changes, decide, everything, granted, initialState } from './state'
import { createStorage } from './storage'
import type { Config, Consentry, ConsentryOptions, ConsentState, DecisionSource, View } from './types'

/**
 * Create a Consentry instance from a config that {@link parseConfig} validated, with only the
 * gates named in `options.gates` (none by default). {@link createConsentry} validates the config
 * and starts the DOM gates.
 *
 * @param config - The validated config.
 * @throws {@link ConsentryError} when an element of the page hides a document property that
 *   Consentry needs (`consentry: document.cookie: hidden by <img name="cookie">; …`), before any
 *   gate starts.
 */
export const createCore = (config: Config, options: ConsentryOptions = {}): Consentry => {
  const doc = options.document ?? (typeof document == 'object' ? document : undefined)
  if (doc) assertDocumentUsable(doc)
  const win = doc?.defaultView
  const storage = createStorage(config.cookie)
  const events = createEvents(win)
  const stored = decode('storedValue' in options ? options.storedValue : storage.read())
  const fingerprint = options.fingerprint ?? stored?.fingerprint ?? ''
  const gpc = (win?.navigator as { globalPrivacyControl?: unknown } | undefined)?.globalPrivacyControl === true
  const mode = resolveMode(config, options.region)
  const defaults = defaultChoice(config, mode, gpc)
  const $state = atom<ConsentState>(initialState(config, stored, defaults, gpc))
  const $view = atom<View>('none')
  // Who made the decision being set: it travels to the events, and from there to receipts.
  let source: DecisionSource | undefined
  const decideNow = (choice: Record<string, boolean>, by: DecisionSource = 'api') => {
    source = by
    try {
      $state.set(decide(config, $state.get(), choice, Date.now()))
    } finally {
      source = undefined
    }
  }
  const isGranted = (name: string) => granted($state.get(), name)
  const show = (view: View) => () => $view.set(view)

  // A cookie the browser refuses (over its size limit, or cookies blocked) must not leave an
  // older decision in place: that one would grant what the visitor has just denied.
  const save = (record: StoredConsent) => {
    const value = encode(record)
    storage.write(value)
    if (!doc || storage.read() == value) return
    // An older copy on another domain or path (the config's cookie options changed) is read
    // first: remove every copy, and write again.
    storage.clear((cookie) => cookie == config.cookie.name)
    storage.write(value)
    if (storage.read() == value) return
    storage.remove()
    console.error(
      `consentry: the browser did not store the decision (${value.length} characters); it holds for this page view only`,
    )
  }
  // Set while refresh() applies what the cookie holds: written back, it would be stored as if
  // made here, under this tab's Global Privacy Control signal.
  let restoring = false
  const persist = (state: ConsentState) => {
    if (restoring) return
    if (state.decided) save(toStored(config, state, fingerprint, gpc))
    else storage.remove()
  }
  const clearWithdrawn = (withdrawn: string[]) => {
    const patterns = withdrawn.flatMap((key) => {
      const [name = '', service = ''] = key.split('.')
      return own(own(config.categories, name)?.services, service)?.cookies ?? []
    })
    if (patterns.length) storage.clear((cookie) => patterns.some((pattern) => matchesCookie(pattern, cookie)))
  }

  let destroyed = false
  let ui: Promise<unknown> | undefined
  const loadUi = () => {
    if (!doc || !options.ui) return
    ui ??= options
      .ui()
      .then(({ mount }) => {
        // Destroyed while the chunk loaded (a dev server's hot update replaced this instance).
        if (!destroyed) unlisten.push(mount(consent, doc))
      })
      .catch((error) => console.error('consentry: the banner could not be shown', error))
  }
  // Until the UI is loaded, the core looks out for gated embeds that need a placeholder.
  const heldEmbeds = (target: Document) => {
    const check = () => {
      if (ui) return
      for (const element of target.querySelectorAll(PLACEHOLDER_TARGETS)) {
        if (!placeholderOff(element) && !isGranted(element.getAttribute('data-consent')!)) loadUi()
      }
    }
    const observer = new MutationObserver(check)
    observer.observe(target, { childList: true, subtree: true })
    const stop = $state.listen(check)
    check()
    return () => {
      observer.disconnect()
      stop()
    }
  }
  const openPreferences = (event: Event) => {
    if ((event.target as Element).closest?.('[data-consent-open="preferences"]')) {
      event.preventDefault()
      consent.showPreferences()
    }
  }

  // Told after the gates have reacted: a tag manager that acts on `consentry_update` finds Consent
  // Mode's update before it in the dataLayer, and a listener finds the tags in their new state.
  const announce = (state: ConsentState, before = state) => {
    const changed = changes(before, state)
    const withdrawn = changed.filter((name) => !granted(state, name))
    clearWithdrawn(withdrawn)
    const detail = source ? { ...state, source } : state
    if (state.decided) events.emit('consent', detail)
    if (changed.length) events.emit('change', { ...detail, changed })
    if (withdrawn.length && config.reloadOnWithdraw) win?.location.reload()
    // The banner asks for a decision: one made by the page's own code or in another tab ends it too.
    if (state.decided && $view.get() == 'banner') $view.set('none')
  }

  const unlisten = [
    // Stored before the gates react: a tag they start reads the decision it runs under.
    $state.listen(persist),
    $view.listen((view, before = 'none') => {
      if (before != 'none') events.emit(`${before}-hide`, $state.get())
      if (view == 'none') return
      events.emit(`${view}-show`, $state.get())
      loadUi()
    }),
  ]

  const consent: Consentry = {
    config,
    mode,
    gpc,
    $state,
    $view,
    getState: $state.get,
    isGranted,
    acceptAll: (by) => decideNow(acceptChoice(config, gpc), by),
    rejectAll: (by) => decideNow(everything(config, false), by),
    optOut: (by) => decideNow(optOutChoice(config), by),
    setConsent: decideNow,
    whenGranted(name, fn) {
      if (isGranted(name)) {
        fn()
        return () => {}
      }
      // Through the event target: a callback that throws is reported, and breaks nothing.
      const stop = events.on('change', () => {
        if (!isGranted(name)) return
        stop()
        fn()
      })
      return stop
    },
    showBanner: show('banner'),
    showPreferences: show('preferences'),
    hide: show('none'),
    reset() {
      $state.set(decide(config, { id: $state.get().id }, defaults, null))
      consent.showBanner()
    },
    refresh() {
      // As at start, and set as stored rather than decided anew: it keeps its time, and the id
      // stays this instance's, so that tabs do not echo it.
      restoring = true
      try {
        $state.set(initialState(config, decode(storage.read()), defaults, gpc, () => $state.get().id))
      } finally {
        restoring = false
      }
    },
    on: events.on,
    destroy() {
      destroyed = true
      for (const stop of unlisten) stop()
      doc?.removeEventListener('click', openPreferences)
    },
  }

  // A decision made before the script tag validated this config text: store its fingerprint now,
  // with the decision as it was made (not as Global Privacy Control now reads it).
  if (stored && $state.get().decided && stored.fingerprint != fingerprint) save({ ...stored, fingerprint })
  if (doc) {
    doc.addEventListener('click', openPreferences)
    for (const gate of options.gates ?? []) unlisten.push(gate(consent, doc))
    if (config.ui?.placeholders !== false) unlisten.push(heldEmbeds(doc))
  }
  unlisten.push($state.listen(announce))
  if (config.ui?.settingsButton) loadUi()
  queueMicrotask(() => {
    if (destroyed) return
    events.emit('ready', $state.get())
    if (doc && isEmailLink(doc.URL)) consent.showPreferences()
    else if (!$state.get().decided) consent.showBanner()
  })
  return consent
}
