import Cookies from 'js-cookie'
import type { Config } from './types'

/** The one module that reads and writes cookies. */
export interface Storage {
  read(): string | undefined
  write(value: string): void
  remove(): void
  /** Delete every cookie whose name passes the test, on every domain it may have been set on. */
  clear(test: (name: string) => boolean): void
}

// Plain loops: a page may replace Array.prototype.map with one that passes no index.
/** `a.b.c` → `a.b.c`, `b.c`, `c`. */
const suffixes = (parts: string[], separator: string) => {
  const result: string[] = []
  for (let i = 0; i < parts.length; i++) result.push(parts.slice(i).join(separator))
  return result
}
/** `/a/b` → ``, `/a`, `/a/b`. */
const prefixes = (parts: string[], separator: string) => {
  const result: string[] = []
  for (let i = 0; i < parts.length; i++) result.push(parts.slice(0, i + 1).join(separator))
  return result
}

/** Cookie storage for the consent decision; js-cookie does nothing where there is no document (SSR). */
export const createStorage = ({ name, domain, path, days, sameSite, secure }: Config['cookie']): Storage => {
  const attributes = {
    domain,
    path,
    expires: days,
    sameSite,
    secure: secure ?? globalThis.location?.protocol == 'https:',
  }
  return {
    read() {
      // js-cookie looks the name up in a plain object: "constructor" would read as Object's.
      const value = Cookies.get(name)
      return typeof value == 'string' ? value : undefined
    },
    write: (value) => Cookies.set(name, value, attributes),
    remove: () => Cookies.remove(name, attributes),
    clear(test) {
      for (const cookie of Object.keys(Cookies.get() ?? {})) {
        if (!test(cookie)) continue
        // Host-only, the configured domain, the host and each parent domain; at /, the configured
        // path, and each path above this page's (where a cookie set under older options may sit).
        const domains = [undefined, domain, ...suffixes(location.hostname.split('.'), '.')]
        const paths = ['/', path, ...prefixes(location.pathname.split('/'), '/').filter(Boolean)]
        for (const where of domains) {
          for (const at of paths) Cookies.remove(cookie, { domain: where, path: at })
        }
      }
    },
  }
}
