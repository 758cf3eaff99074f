import { defaultGrants } from '../consent-mode'
import { onDecisions } from '../on-decisions'
import type { Gate } from '../../core/types'

type UetWindow = Window & { uetq?: unknown[] }
const queueOf = (win: UetWindow | null) => {
  if (!win) return []
  win.uetq ??= []
  return win.uetq
}
const signal = (granted: boolean) => ({ ad_storage: granted ? 'granted' : 'denied' })

/** Push UET's consent `default` (`ad_storage` as it stands before a decision), or an `update`. */
export const pushUetConsent = (win: Window | null, command: 'default' | 'update', granted: boolean) => {
  queueOf(win).push('consent', command, signal(granted))
}

/**
 * Gate for Microsoft Advertising (UET) consent mode: `uetq.push('consent', 'default',
 * { ad_storage })` at start (denied, unless the mode grants `category` before a decision), then
 * `update` with the grant of `category` (default `marketing`) when a decision is stored and on
 * every change. Start it before the DOM gates.
 *
 * @param start - `pushDefault: false` when the default is in the queue already.
 */
export const microsoftUet =
  (
    { category = 'marketing' }: { category?: string } = {},
    { pushDefault = true }: { pushDefault?: boolean } = {},
  ): Gate =>
  (consent, doc) => {
    const win = doc.defaultView as UetWindow | null
    if (pushDefault) pushUetConsent(win, 'default', defaultGrants(consent)(category))
    const update = () => pushUetConsent(win, 'update', consent.isGranted(category))
    return onDecisions(consent, update)
  }
