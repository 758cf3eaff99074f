import type { Messages } from './en'

/** The bundled translations by path (`./locales/de.ts`), each a chunk loaded only when chosen. */
export const bundled = import.meta.glob<{ default: Partial<Messages> }>('./locales/*.ts')

/**
 * Languages with bundled texts besides English: a file each in `./locales`, named by its
 * lower-case tag. `zh` is Simplified Chinese, `zh-hant` Traditional, `pt` European Portuguese,
 * `pt-br` Brazilian, `sr` Serbian in Cyrillic (CLDR's default script).
 */
export const bundledLanguages = () =>
  // A function, not a constant: the UI chunk's top level runs no code a hostile page can break
  // (an `Array.prototype.map` that throws), so that the validator in it still loads.
  Object.keys(bundled).map((path) => path.slice('./locales/'.length, -'.ts'.length))
