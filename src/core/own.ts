// Read before any other script can replace it.
const isOwnProperty = Object.prototype.hasOwnProperty

/**
 * Whether `key` is an own property of `record`. Configs, decisions and texts are read through
 * this, so that a key that some script put on Object.prototype (`marketing`, say) never reads as a
 * grant, and keys such as `constructor` or `__proto__` are plain names.
 */
export const hasOwn = (record: object | null | undefined, key: string): boolean =>
  record != null && isOwnProperty.call(record, key)

/** The values of an object's own properties; none for anything that is not an object. */
export const valuesOf = (record: unknown): unknown[] =>
  record && typeof record == 'object' ? Object.values(record) : []

/** The value of an own property of `record`, or undefined. */
export const own = <T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined =>
  hasOwn(record, key) ? record![key] : undefined
