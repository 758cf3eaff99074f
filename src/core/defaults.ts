import type { Config, ConsentryConfig } from './types'

/** Fill in the defaults of a config that is already known to be valid. */
export const withDefaults = (config: ConsentryConfig): Config => ({
  ...config,
  cookie: { name: 'consentry', path: '/', days: 182, sameSite: 'lax', ...config.cookie },
})
