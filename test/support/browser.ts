// Browser-side helpers: fixture pages on the test server, same-origin iframes, the request log.
import { inject } from 'vitest'

// How much slower than a quiet machine this one may be (test/support/slowdown.ts).
const SLOWDOWN = inject('slowdown')

/** Serve `body` at a fresh URL of the test server; `headers` are sent with it. */
export const servePage = async (
  body: string,
  options: {
    type?: string
    headers?: Record<string, string>
    /** ms to hold the rest at each <!--pause--> */
    pause?: number
  } = {},
) => {
  const response = await fetch('/__page', { method: 'POST', body: JSON.stringify({ body, ...options }) })
  return ((await response.json()) as { url: string }).url
}

/** Load a URL in a same-origin iframe (300 × 150 unless sized) and wait for its load event. */
export const openFrame = async (url: string, size?: { width: number; height: number }) => {
  const frame = document.createElement('iframe')
  if (size) {
    frame.width = String(size.width)
    frame.height = String(size.height)
  }
  frame.src = url
  const loaded = new Promise((done) => (frame.onload = done))
  document.body.append(frame)
  await loaded
  return frame
}

/** Serve `body` and open it in an iframe; returns the iframe's window and document. */
export const openPage = async (body: string, options?: Parameters<typeof servePage>[1]) => {
  const frame = await openFrame(await servePage(body, options))
  return { frame, win: frame.contentWindow as Window & Record<string, any>, doc: frame.contentDocument! }
}

/** An empty same-origin document to gate, in an iframe. */
export const blankPage = (body = '') => openPage(`<!doctype html><html><head></head><body>${body}</body></html>`)

/**
 * A built file's path by its stable name: the content hash of a chunk's file name taken out
 * (`/__dist/consentry-ui.CFt1Q8gT.js` → `/__dist/consentry-ui.js`), so that tests read the same
 * from one build to the next.
 */
export const unhashed = (path: string) => path.replace(/\.[\w-]{8}\.js$/, '.js')

/** The built chunks' content-hashed files by stable name (dist/chunks.json). */
const chunks: Record<string, string> = await (await fetch('/__dist/chunks.json')).json()

/** The URL of a built chunk by its stable name: `chunkUrl('consentry-ui')` → `/__dist/consentry-ui.<hash>.js`. */
export const chunkUrl = (name: string) => {
  const file = chunks[name]
  if (!file) throw new Error(`no chunk ${name} in dist/chunks.json`)
  return `/__dist/${file}`
}

/**
 * Requests the test server received for /__gated and /__dist since the last clear, built chunks
 * by their stable names; `clear` clears after reading.
 */
export const requests = async (clear = false): Promise<string[]> =>
  ((await (await fetch(`/__log${clear ? '?clear' : ''}`)).json()) as string[]).map(unhashed)

/** Delete every cookie this origin can see, at path /. */
export const clearCookies = () => {
  for (const pair of document.cookie.split('; ')) {
    const name = pair.split('=')[0]
    if (name) document.cookie = `${name}=; path=/; max-age=0`
  }
}

/** Remove the iframes earlier tests opened. */
export const closeFrames = () => {
  for (const frame of document.querySelectorAll('iframe')) frame.remove()
}

/** Yield to the event loop once: the tasks and timers queued before run first. */
export const tick = () => new Promise((done) => setTimeout(done))

/**
 * Let `ms` pass, scaled for a slow machine: the window in which what must NOT happen (a request,
 * a script, a banner) would have happened. What must happen is waited for with `expect.poll`.
 */
export const quietFor = (ms: number) => new Promise((done) => setTimeout(done, ms * SLOWDOWN))

/** A limit of `ms` on a quiet machine, scaled for this one: for waits longer than the usual limit. */
export const within = (ms: number) => ms * SLOWDOWN

/** The instance the script tag exposes, once it has started (a first visit validates the config first). */
export const started = async (win: Window & Record<string, any>) => {
  await new Promise<void>((done) => {
    if (win.consentry) return done()
    win.addEventListener('consentry:ready', () => done(), { once: true })
  })
  return win.consentry
}

/** Errors reported as uncaught while `run` and the next few ticks happen; kept off the console. */
export const uncaughtErrors = async (run: () => void) => {
  const errors: unknown[] = []
  const onError = (event: ErrorEvent) => {
    errors.push(event.error)
    event.preventDefault()
  }
  window.addEventListener('error', onError)
  try {
    run()
    await quietFor(10)
  } finally {
    window.removeEventListener('error', onError)
  }
  return errors
}

/**
 * The label a button shows: Reject all and Accept all also hold each other's label, unseen and
 * hidden from assistive technology, to be equally wide; their own is the first span.
 */
export const labelOf = (element: Element | null | undefined) =>
  element?.querySelector(':scope > span:first-child')?.textContent ?? element?.textContent

/** Run the animations under `root` to their end (the banner fades in): judge what it looks like once there. */
export const finishAnimations = (root: Document | ShadowRoot) => {
  for (const animation of root.getAnimations()) animation.finish()
}
