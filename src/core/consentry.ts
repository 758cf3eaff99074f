import { atom } from 'nanostores'
import { decode, encode } from './codec'
import { matchesCookie } from './cookie-pattern'
import { createEvents, report } from './events'
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
      const patterns = Object.entries(config.categories).flatMap(([name, { services = {} }]) =>
        Object.entries(services).flatMap(([service, { cookies = [] }]) =>
          withdrawn.includes(name + '.' + service) ? cookies : [],
        ),
      )
      if (patterns.length) storage.clear((cookie) => patterns.some((pattern) => matchesCookie(pattern, cookie)))
      if (state.decided) events.emit('consent', state)
      if (changed.length) events.emit('change', { ...state, changed })
      if (withdrawn.length && config.reloadOnWithdraw) win?.location.reload()
    }),
    $view.listen((view, before) => {
      if (before && before != 'none') events.emit(`${before}-hide`, $state.get())
      if (view != 'none') events.emit(`${view}-show`, $state.get())
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
      const run = () => {
        if (!isGranted(name)) return
        stop()
        try {
          fn()
        } catch (error) {
          report(error)
        }
      }
      const stop = $state.listen(run)
      run()
      return stop
    },
    showBanner: () => $view.set('banner'),
    showPreferences: () => $view.set('preferences'),
    hide: () => $view.set('none'),
    reset() {
      $state.set(decide(config, { id: $state.get().id }, {}, null))
      $view.set('banner')
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
  queueMicrotask(() => events.emit('ready', $state.get()))
  return consent
}
