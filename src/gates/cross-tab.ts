import type { Gate } from '../core/types'

/**
 * Gate that applies a decision or a withdrawal made in another tab of the site to this one, without
 * a reload: through a BroadcastChannel, or the `storage` event where there is none. The other tab
 * has already written the cookie; this one reads it, with the same consent id, and its gates,
 * events and adapters react as to a decision made here.
 */
export const crossTab = (): Gate => (consent, doc) => {
  const win = doc.defaultView!
  const name = `consentry:${consent.config.cookie.name}`
  let applying = false
  const apply = () => {
    applying = true
    try {
      consent.refresh()
      // The other tab's decision ends this one's banner or preferences too.
      if (consent.getState().decided) consent.hide()
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
  const stop = consent.$state.listen(() => {
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
