// Script-tag entry: the one module that touches window. Errors are logged, never thrown into the page.
import { createConsentry } from './consentry'

const host = window as Window & { consentry?: unknown }
const script = document.currentScript as HTMLScriptElement | null

const start = (config: unknown) => {
  try {
    host.consentry = createConsentry(config)
  } catch (error) {
    delete host.consentry
    console.error(error)
  }
}

if ('consentry' in host) console.warn('consentry: loaded twice; this copy does nothing')
else {
  const inline = document.getElementById('consentry-config')
  const url = script?.dataset.config
  if (inline)
    try {
      start(JSON.parse(inline.textContent!))
    } catch {
      console.error('consentry: config: expected JSON in #consentry-config')
    }
  else if (url) {
    // Claimed at once, so that a second copy loaded meanwhile stands down.
    host.consentry = undefined
    fetch(url)
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then(start, (reason) => {
        delete host.consentry
        console.error(`consentry: config: could not load ${url} (${reason})`)
      })
  } else console.error('consentry: config: missing; add <script type="application/json" id="consentry-config">')
}
