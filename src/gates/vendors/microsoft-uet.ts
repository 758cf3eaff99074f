import { onDecisions } from '../decisions'
import type { Gate } from '../../core/types'

/**
 * Gate for Microsoft Advertising (UET) consent mode: `uetq.push('consent', 'default',
 * { ad_storage: 'denied' })` at start, then `update` with the grant of `category` (default
 * `marketing`) when a decision is stored and on every change. Start it before the DOM gates.
 */
export const microsoftUet =
  ({ category = 'marketing' }: { category?: string } = {}): Gate =>
  (consent, doc) => {
    const win = doc.defaultView as (Window & { uetq?: unknown[] }) | null
    const queue = () => (win ? (win.uetq ??= []) : [])
    const signal = () => ({ ad_storage: consent.isGranted(category) ? 'granted' : 'denied' })
    queue().push('consent', 'default', { ad_storage: 'denied' })
    const update = () => queue().push('consent', 'update', signal())
    return onDecisions(consent, update)
  }
