import { own } from './own'
import type { Config } from './types'

/** Whether a category sells or shares personal information: `marketing`, and those marked so. */
export const isSaleOrSharing = (config: Config, name: string) =>
  name == 'marketing' || own(config.categories, name)?.saleOrSharing == true

/**
 * A choice with every category that sells or shares personal information denied, and every
 * service of such a category (`marketing.ads`) too.
 */
export const withoutSaleOrSharing = (config: Config, choice: Record<string, boolean>) => {
  const result: Record<string, boolean> = {}
  for (const [name, granted] of Object.entries(choice)) {
    result[name] = granted && !isSaleOrSharing(config, name.split('.')[0]!)
  }
  return result
}
