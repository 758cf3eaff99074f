import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { ConsentryConfig } from '../core/types'
import { AuditError } from './browser'
import { createClassifier, type Classifier } from './classify'
import type { DatabaseEntry } from './database'
import { findingsOf } from './findings'
import { cookiesOf, siteOf, storageOf, watch } from './record'
import type { PageReport, Phase, PhaseName } from './types'

/** Options of {@link auditPage}. */
export interface AuditOptions {
  /** The longest wait for the network to be quiet, and for Consentry to start, in ms. */
  wait: number
  /** The config to classify by, instead of the page's own. */
  config?: ConsentryConfig | undefined
  database: DatabaseEntry[]
}

type ConsentryWindow = Window & { consentry?: { config: ConsentryConfig; rejectAll(): void; acceptAll(): void } }

/** Load `url` in a page of its own context, and wait until its network is quiet. */
const open = async (browser: Browser, url: string, wait: number) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  const watcher = await watch(context, page, new URL(url).hostname)
  try {
    await page.goto(url, { waitUntil: 'load', timeout: Math.max(wait, 30_000) })
  } catch (error) {
    await context.close()
    const reason = String((error as Error).message)
      .split('\n')[0]!
      .replace(/^page\.goto: /, '')
    throw new AuditError(`could not load ${url}: ${reason}`)
  }
  await watcher.quiet(wait)
  return { context, page, watcher }
}

/** Whether the page runs Consentry, once it has started (a first visit validates the config first). */
const startedConsentry = async (page: Page, wait: number) => {
  if (!(await page.evaluate(() => 'consentry' in window))) return false
  try {
    await page.waitForFunction(() => typeof (window as ConsentryWindow).consentry?.rejectAll == 'function', undefined, {
      timeout: wait,
    })
    return true
  } catch {
    // Claimed, but never started: an invalid config, say. The page is audited as it is.
    return false
  }
}

/** What the phase's context holds now, and what the page requested since `watcher.clear()`. */
const snapshot = async (
  name: PhaseName,
  context: BrowserContext,
  page: Page,
  watcher: Awaited<ReturnType<typeof watch>>,
  classify: Classifier,
): Promise<Phase> => ({
  name,
  cookies: (await cookiesOf(context)).map((cookie) => ({ ...cookie, ...classify.cookie(cookie.name) })),
  storage: (await storageOf(page)).map((item) => ({ ...item, ...classify.storage(item.key) })),
  requests: watcher.requests().map((request) => ({ ...request, ...classify.request(request.host) })),
})

/** A decision through the page's own `window.consentry`, then a reload, then the page again. */
const decide = async (
  page: Page,
  watcher: Awaited<ReturnType<typeof watch>>,
  choice: 'rejectAll' | 'acceptAll',
  wait: number,
) => {
  watcher.clear()
  await page.evaluate((method) => (window as ConsentryWindow).consentry![method](), choice)
  await watcher.quiet(wait)
  await page.reload({ waitUntil: 'load' })
  await watcher.quiet(wait)
}

/**
 * Audit one page: `before-consent` in a fresh profile; on a page with Consentry, `after-reject`
 * (Reject all, then a reload) in that profile and `after-accept` (Accept all, then a reload) in
 * another fresh one. Classified by the page's config (or `options.config`), the Open Cookie
 * Database, then the project's list of vendors.
 *
 * @throws {@link AuditError} when the page cannot be loaded.
 */
export const auditPage = async (browser: Browser, url: string, options: AuditOptions): Promise<PageReport> => {
  const { wait } = options
  const first = await open(browser, url, wait)
  try {
    const consentry = await startedConsentry(first.page, wait)
    const pageConfig = consentry
      ? await first.page.evaluate(() => JSON.parse(JSON.stringify((window as ConsentryWindow).consentry!.config)))
      : undefined
    const classify = createClassifier(options.config ?? pageConfig, options.database)
    const phases = [await snapshot('before-consent', first.context, first.page, first.watcher, classify)]
    if (consentry) {
      await decide(first.page, first.watcher, 'rejectAll', wait)
      phases.push(await snapshot('after-reject', first.context, first.page, first.watcher, classify))
      const second = await open(browser, url, wait)
      try {
        if (await startedConsentry(second.page, wait)) {
          await decide(second.page, second.watcher, 'acceptAll', wait)
          phases.push(await snapshot('after-accept', second.context, second.page, second.watcher, classify))
        }
      } finally {
        await second.context.close()
      }
    }
    return { url, consentry, phases, ...findingsOf(phases) }
  } finally {
    await first.context.close()
  }
}

/** Up to `count` links of the page at `url` to other pages of its site, without fragments. */
export const sameSiteLinks = async (browser: Browser, url: string, count: number, wait: number) => {
  const { context, page } = await open(browser, url, wait)
  try {
    const hrefs = await page.evaluate(() => Array.from(document.links, (link) => link.href))
    const site = siteOf(new URL(url).hostname)
    const found = new Set<string>()
    for (const href of hrefs) {
      const link = new URL(href)
      link.hash = ''
      if (!link.protocol.startsWith('http') || siteOf(link.hostname) != site || link.href == url) continue
      found.add(link.href)
      if (found.size == count) break
    }
    return [...found]
  } finally {
    await context.close()
  }
}
