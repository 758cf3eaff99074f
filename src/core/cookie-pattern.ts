import type { CookieInput } from './types'

/** A cookie pattern written as `/regex/flags`. */
export const REGEX = /^\/(.+)\/([a-z]*)$/

/** Whether a cookie pattern of the config (an exact name or `/regex/flags`) matches a cookie name. */
export const matchesCookie = (pattern: CookieInput, name: string) => {
  const text = typeof pattern == 'string' ? pattern : pattern.name
  const regex = REGEX.exec(text)
  return regex ? new RegExp(regex[1]!, regex[2]).test(name) : text == name
}
