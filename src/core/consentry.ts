import { atom } from 'nanostores'
import { decode, encode } from './codec'
import { isEmailLink } from './email-link'
import { matchesCookie } from './cookie-pattern'
import { createEvents } from './events'
import { uuid } from './id'
import { changes, decide, everything, granted, restore, toStored } from './state'
import { createStorage } from './storage'
import type { Config, Consentry, ConsentryOptions, ConsentState, View } from './types'

/**
 * Create a Consentry instance from a config that {@link parseConfig} validated, with only the
 * gates named in `options.gates` (none by default). {@link createConsentry} validates the config
 * and starts the DOM gates.
 *
 * @param config - The validated config.
 */
export const createCore = (config: Config, options: ConsentryOptions = {}): Consentry => {
  const doc = options.document ?? (typeof document == 'object' ? document : undefined)
  const win = doc?.defaultView
  const storage = createStorage(config.cookie)
  const events = createEvents(win)
  const stored = decode(storage.read())
  const fingerprint = options.fingerprint ?? stored?.fingerprint ?? ''
  const save = (state: ConsentState) => storage.write(encode(toStored(state, fingerprint)))
  const $state = atom<ConsentState>(restore(config, stored, Date.now(), uuid))
  const $view = atom<View>('none')
  const decideNow = (choice: Record<string, boolean>) => $state.set(decide(config, $state.get(), choice, Date.now()))
  const isGranted = (name: string) => granted($state.get(), name)
  const show = (view: View) => () => $view.set(view)
  let ui: Promise<unknown> | undefined
  const loadUi = () =>
    doc && (ui ??= options.ui?.().then(({ mount }) => void unlisten.push(mount(consent, doc)), console.error))
  const openPreferences = (event: Event) => {
    if ((event.target as Element).closest?.('[data-consent-open="preferences"]')) {
      event.preventDefault()
      consent.showPreferences()
    }
  }

  const unlisten = [
    $state.listen((state, before = state) => {
      if (state.decided) save(state)
      else storage.remove()
      const changed = changes(before, state)
      const withdrawn = changed.filter((name) => !granted(state, name))
      const patterns = withdrawn.flatMap((key) => {
        const [name, service] = key.split('.')
        return (service && config.categories[name!]?.services?.[service]?.cookies) || []
      })
      if (patterns.length) storage.clear((cookie) => patterns.some((pattern) => matchesCookie(pattern, cookie)))
      if (state.decided) events.emit('consent', state)
      if (changed.length) events.emit('change', { ...state, changed })
      if (withdrawn.length && config.reloadOnWithdraw) win?.location.reload()
    }),
    $view.listen((view, before = 'none') => {
      if (before != 'none') events.emit(`${before}-hide`, $state.get())
      if (view != 'none') events.emit(`${view}-show`, $state.get()), loadUi()
    }),
  ]

  const consent: Consentry = {
    config,
    $state,
    $view,
    getState: $state.get,
    isGranted,
    acceptAll: () => decideNow(everything(config, true)),
    rejectAll: () => decideNow(everything(config, false)),
    setConsent: decideNow,
    whenGranted(name, fn) {
      if (isGranted(name)) return fn(), () => {}
      // Through the event target: a callback that throws is reported, and breaks nothing.
      const stop = events.on('change', () => isGranted(name) && (stop(), fn()))
      return stop
    },
    showBanner: show('banner'),
    showPreferences: show('preferences'),
    hide: show('none'),
    reset() {
      $state.set(decide(config, { id: $state.get().id }, {}, null))
      consent.showBanner()
    },
    on: events.on,
    destroy() {
      for (const stop of unlisten) stop()
      doc?.removeEventListener('click', openPreferences)
    },
  }

  if ($state.get().decided && stored!.fingerprint != fingerprint) save($state.get())
  if (doc) {
    doc.addEventListener('click', openPreferences)
    for (const gate of options.gates ?? []) unlisten.push(gate(consent, doc))
  }
  if (config.ui?.settingsButton) loadUi()
  queueMicrotask(() => {
    events.emit('ready', $state.get())
    if (isEmailLink(doc?.URL + '')) consent.showPreferences()
    else if (!$state.get().decided) consent.showBanner()
  })
  return consent
}
