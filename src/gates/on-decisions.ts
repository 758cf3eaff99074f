import type { Consentry } from '../core/types'

/**
 * Run `fn` now when a decision is stored, and again on every decision or change after: how the
 * vendor adapters keep a vendor's consent state in step. Returns the function that stops it.
 */
export const onDecisions = (consent: Consentry, fn: () => void) => {
  if (consent.getState().decided) fn()
  return consent.$state.listen(fn)
}
