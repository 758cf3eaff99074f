import Cookies from 'js-cookie'
import { mapIndexed } from './indexed'
import type { Config } from './types'

/** The one module that reads and writes cookies. */
export interface Storage {
  read(): string | undefined
  write(value: string): void
  remove(): void
  /** Delete every cookie whose name passes the test, on every domain it may have been set on. */
  clear(test: (name: string) => boolean): void
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
        const labels = location.hostname.split('.')
        const domains = [undefined, domain, ...mapIndexed(labels, (_, i) => labels.slice(i).join('.'))]
        const segments = location.pathname.split('/')
        const paths = ['/', path, ...mapIndexed(segments, (_, i) => segments.slice(0, i + 1).join('/')).filter(Boolean)]
        for (const where of domains) {
          for (const at of paths) Cookies.remove(cookie, { domain: where, path: at })
        }
      }
    },
  }
}
