import type { CookieInput } from './types'

/** A cookie pattern written as `/regex/flags`. */
export const REGEX = /^\/(.+)\/([a-z]*)$/

/** What a cookie entry of the config matches: its `match`, or else its name. */
const cookiePattern = (cookie: CookieInput) => {
  if (typeof cookie == 'string') return cookie
  return cookie.match ?? cookie.name
}

/** Whether a cookie entry of the config (an exact name or `/regex/flags`) matches a cookie name. */
export const matchesCookie = (cookie: CookieInput, name: string) => {
  const text = cookiePattern(cookie)
  const regex = REGEX.exec(text)
  return regex ? new RegExp(regex[1]!, regex[2]).test(name) : text == name
}
