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

/** Cookie storage for the consent decision; js-cookie does nothing where there is no document (SSR). */
export const createStorage = ({ name, domain, path, days, sameSite, secure }: Config['cookie']): Storage => {
  const attributes = { domain, path, expires: days, sameSite, secure: secure ?? globalThis.location?.protocol == 'https:' }
  return {
    read: () => Cookies.get(name),
    write: (value) => Cookies.set(name, value, attributes),
    remove: () => Cookies.remove(name, attributes),
    clear(test) {
      for (const cookie of Object.keys(Cookies.get() ?? {})) {
        if (!test(cookie)) continue
        // Host-only, the configured domain, the host and each parent domain.
        const labels = location.hostname.split('.')
        const domains = [undefined, domain, ...labels.map((_, i) => labels.slice(i).join('.'))]
        for (const where of domains) {
          for (const at of ['/', path]) Cookies.remove(cookie, { domain: where, path: at })
        }
      }
    },
  }
}
