import { onDecisions } from '../on-decisions'
import type { Gate } from '../../core/types'

type Clarity = ((...args: unknown[]) => void) & { q?: unknown[] }

/**
 * Gate for Microsoft Clarity's consent API: `clarity('consentv2', { analytics_Storage,
 * ad_Storage })` when a decision is stored and on every change. Until Clarity's own script loads,
 * calls wait in Clarity's documented queue.
 */
export const microsoftClarity =
  ({ analytics = 'analytics', ads = 'marketing' }: { analytics?: string; ads?: string } = {}): Gate =>
  (consent, doc) => {
    const win = doc.defaultView as (Window & { clarity?: Clarity }) | null
    const clarity = (...args: unknown[]) => {
      if (!win) return
      win.clarity ??= Object.assign(
        function (this: unknown) {
          const queue = win.clarity!.q ?? []
          win.clarity!.q = queue
          // biome-ignore lint/complexity/noArguments: Clarity's loader replays Arguments objects, as its own snippet queues them.
          queue.push(arguments)
        },
        { q: [] as unknown[] },
      )
      win.clarity(...args)
    }
    const state = (name: string) => (consent.isGranted(name) ? 'granted' : 'denied')
    const update = () => clarity('consentv2', { analytics_Storage: state(analytics), ad_Storage: state(ads) })
    return onDecisions(consent, update)
  }
