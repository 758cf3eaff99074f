// What the script tag may trust of a config before the validator has arrived, to push the
// defaults that tags loaded right after it must find: a value that would silently read as a
// grant ("mode": "opt_in", "required": "false") must not. A config too malformed to compute the
// defaults from throws there instead, which the script tag takes the same way.
import { valuesOf } from './own'
import { MODE } from './patterns'
import type { ConsentryConfig } from './types'

const isMode = (value: unknown) => value === undefined || (typeof value == 'string' && MODE.test(value))
const isFlag = (value: unknown) => value === undefined || typeof value == 'boolean'
const isSignal = (value: unknown) => value == 'granted' || value == 'denied'

/** Whether the values of `input` that decide what is granted before a decision are all well-formed. */
export const hasSoundConsentFields = (input: ConsentryConfig): boolean => {
  const consentMode = input.googleConsentMode
  const regionalSignals = consentMode && typeof consentMode == 'object' ? valuesOf(consentMode.regions) : []
  return (
    isMode(input.mode) &&
    valuesOf(input.regions).every(isMode) &&
    valuesOf(input.categories).every((category) => {
      const { required, saleOrSharing } = (category ?? {}) as Record<string, unknown>
      return isFlag(required) && isFlag(saleOrSharing)
    }) &&
    regionalSignals.every((signals) => valuesOf(signals).every(isSignal))
  )
}
