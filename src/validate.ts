// Lazily loaded by the script tag when a config has not been validated in this browser before.
export { parseConfig } from './core/config'
