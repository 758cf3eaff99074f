import { own } from './own'
import { isSaleOrSharing, withoutSaleOrSharing } from './sale-or-sharing'
import { decide, everything, granted } from './state'
import type { Config, Mode } from './types'

/** The mode for a visitor: the config's regions by subdivision (`US-CA`), then country (`US`), then `mode`. */
export const resolveMode = (config: Pick<Config, 'mode' | 'regions'>, region: string | undefined): Mode => {
  const code = region?.trim().toUpperCase() ?? ''
  const regional = own(config.regions, code) ?? own(config.regions, code.split('-')[0]!)
  return regional ?? config.mode ?? 'opt-in'
}

/** "Do Not Sell or Share": a choice that denies the categories that sell or share personal information. */
export const optOutChoice = (config: Config) => {
  const choice: Record<string, boolean> = {}
  for (const name of Object.keys(config.categories)) {
    if (isSaleOrSharing(config, name)) choice[name] = false
  }
  return choice
}

/**
 * What "Accept all" grants: everything, but under Global Privacy Control not the categories that
 * sell or share personal information (the visitor may still turn them on one by one).
 */
export const acceptChoice = (config: Config, gpc: boolean) => {
  const choice = everything(config, true)
  return gpc ? withoutSaleOrSharing(config, choice) : choice
}

/** The grants before a decision: none in opt-in mode; in the others what "Accept all" grants. */
export const defaultChoice = (config: Config, mode: Mode, gpc: boolean): Record<string, boolean> =>
  mode == 'opt-in' ? {} : acceptChoice(config, gpc)

/** Whether a category or service is granted before any decision, in this mode. */
export const grantedBefore = (config: Config, mode: Mode, gpc: boolean) => {
  const state = decide(config, { id: '' }, defaultChoice(config, mode, gpc), null)
  return (name: string) => granted(state, name)
}
