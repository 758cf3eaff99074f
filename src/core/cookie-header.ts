import Cookies from 'js-cookie'

/**
 * The value of the cookie called `name` in a `Cookie` request header, read the way the browser's
 * storage (js-cookie) reads `document.cookie`, so that the server and the browser see the same
 * value: the name percent-decoded, the value through js-cookie's own decoder, the first of several
 * cookies of that name (the most specific path comes first), and a pair that does not decode
 * skipped. Pairs may be separated by `;` alone, as some clients and proxies send them.
 */
export const cookieValue = (
  header: string | readonly string[] | null | undefined,
  name: string,
): string | undefined => {
  let text = ''
  if (typeof header == 'string') text = header
  else if (Array.isArray(header)) text = header.join(';')
  for (const pair of text.split(';')) {
    const [encodedName = '', ...value] = pair.trim().split('=')
    try {
      if (decodeURIComponent(encodedName) == name) return Cookies.converter.read!(value.join('='), name)
    } catch {
      // Malformed percent-encoding: js-cookie skips the pair, and so a later one of the same name counts.
    }
  }
  return undefined
}
