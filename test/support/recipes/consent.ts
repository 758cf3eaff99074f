// Stands in for the app's own `consent` module that the recipes import, which in an app reads
// `export const consent = createConsentry(config)`: each test sets the instance it has created.
import type { Consentry } from '../../../src/index'

export let consent: Consentry

/** Make `instance` the one the recipes use. */
export const useInstance = (instance: Consentry) => {
  consent = instance
}
