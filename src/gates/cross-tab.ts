import { decode } from '../core/codec'
import { defaultChoice } from '../core/modes'
import { restore } from '../core/state'
import { createStorage } from '../core/storage'
import type { ConsentState, Gate } from '../core/types'
import type { WritableAtom } from 'nanostores'

/**
 * Gate that applies a decision or a withdrawal made in another tab of the site to this one, without
 * a reload: through a BroadcastChannel, or the `storage` event where there is none. The other tab
 * has already written the cookie; this one reads it, with the same consent id, and its gates,
 * events and adapters react as to a decision made here.
 */
export const crossTab = (): Gate => (consent, doc) => {
  const win = doc.defaultView!
  const name = `consentry:${consent.config.cookie.name}`
  // The decision read back from the cookie is set as it is, not decided anew: the store is
  // writable underneath, and a new decision would bounce between the tabs.
  const $state = consent.$state as WritableAtom<ConsentState>
  const storage = createStorage(consent.config.cookie)
  const defaults = defaultChoice(consent.config, consent.mode, consent.gpc)
  let applying = false
  const apply = () => {
    applying = true
    try {
      $state.set(restore(consent.config, decode(storage.read()), Date.now(), () => $state.get().id, defaults))
      if ($state.get().decided) consent.hide()
    } finally {
      applying = false
    }
  }
  const channel = 'BroadcastChannel' in win ? new win.BroadcastChannel(name) : undefined
  const onStorage = (event: StorageEvent) => {
    if (event.key == name) apply()
  }
  if (channel) channel.onmessage = apply
  else win.addEventListener('storage', onStorage)
  const stop = $state.listen(() => {
    if (applying) return
    if (channel) {
      channel.postMessage(0)
      return
    }
    try {
      win.localStorage.setItem(name, String(Date.now()))
    } catch {
      // Storage blocked: other tabs catch up on their next page load.
    }
  })
  return () => {
    stop()
    channel?.close()
    win.removeEventListener('storage', onStorage)
  }
}
