import { readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { parseConfig } from '../core/config'
import type { ConsentryConfig } from '../core/types'
import { auditPage, sameSiteLinks } from './audit'
import { AuditError, launchChromium } from './browser'
import { loadDatabase } from './database'
import { suggestConfig } from './suggest'
import { formatReport } from './table'
import type { PageReport } from './types'

const USAGE = `usage: consentry audit <url…> [--wait <ms>] [--config <file>] [--json <file>] [--suggest <file>]
                       [--crawl <n>] [--chrome-flags "<flags>"]`

const readConfig = (file: string): ConsentryConfig => {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    throw new AuditError(`--config: cannot read ${file}`)
  }
  try {
    return parseConfig(JSON.parse(text))
  } catch (error) {
    throw new AuditError(`--config: ${file}: ${(error as Error).message}`)
  }
}

const count = (value: string | undefined, name: string, fallback: number) => {
  if (value === undefined) return fallback
  const number = Number(value)
  if (!Number.isInteger(number) || number < 0) throw new AuditError(`--${name}: expected a whole number, got ${value}`)
  return number
}

const pageUrl = (text: string) => {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new AuditError(`not a URL: ${text}`)
  }
  if (url.protocol != 'http:' && url.protocol != 'https:') throw new AuditError(`not an http(s) URL: ${text}`)
  return url.href
}

/** Flags split as a shell would split them: a value with spaces in quotes stays one flag. */
const splitFlags = (text: string) =>
  (text.match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g) ?? []).map((flag) => flag.replace(/"([^"]*)"|'([^']*)'/g, '$1$2'))

/** `--chrome-flags "--a --b"` as one argument: parseArgs takes a value that starts with a dash only after `=`. */
const joinChromeFlags = (args: string[]) => {
  const joined: string[] = []
  for (let i = 0; i < args.length; i++) {
    if (args[i] == '--chrome-flags' && i + 1 < args.length) {
      joined.push(`--chrome-flags=${args[i + 1]}`)
      i++
    } else joined.push(args[i]!)
  }
  return joined
}

const parseOptions = (args: string[]) => {
  try {
    return parseArgs({
      args: joinChromeFlags(args),
      allowPositionals: true,
      options: {
        wait: { type: 'string' },
        config: { type: 'string' },
        json: { type: 'string' },
        suggest: { type: 'string' },
        crawl: { type: 'string' },
        'chrome-flags': { type: 'string' },
      },
    })
  } catch (error) {
    throw new AuditError(`${(error as Error).message}\n${USAGE}`)
  }
}

/**
 * `consentry audit <url…>`: what each page stores and requests before consent, after Reject all
 * and after Accept all, and what of it tracks when it must not. Returns the exit code: 0 without
 * a finding, 1 with one, 2 when the audit could not run (with a one-line message).
 */
export const audit = async (args: string[], out: (line: string) => void = console.log): Promise<number> => {
  const { values, positionals } = parseOptions(args)
  if (positionals.length == 0) throw new AuditError(`no URL given\n${USAGE}`)
  const urls = positionals.map(pageUrl)
  const wait = count(values.wait, 'wait', 5000)
  const crawl = count(values.crawl, 'crawl', 0)
  const config = values.config ? readConfig(values.config) : undefined
  const flags = splitFlags(values['chrome-flags'] ?? '')
  const database = loadDatabase()
  const browser = await launchChromium(flags)
  const reports: PageReport[] = []
  try {
    if (crawl) urls.push(...(await sameSiteLinks(browser, urls[0]!, crawl, wait)).filter((url) => !urls.includes(url)))
    for (const url of urls) {
      const report = await auditPage(browser, url, { wait, config, database })
      reports.push(report)
      out(formatReport(report))
    }
  } finally {
    await browser.close()
  }
  if (values.json)
    writeFileSync(values.json, `${JSON.stringify(reports.length == 1 ? reports[0] : reports, null, 2)}\n`)
  if (values.suggest) writeFileSync(values.suggest, `${JSON.stringify(suggestConfig(reports[0]!), null, 2)}\n`)
  return reports.some((report) => report.findings.length) ? 1 : 0
}

/** The `consentry` command: its exit code; what stopped it, on one line of standard error. */
export const main = async (argv: string[]): Promise<number> => {
  const [command, ...args] = argv
  try {
    if (command != 'audit') throw new AuditError(command ? `unknown command: ${command}\n${USAGE}` : USAGE)
    return await audit(args)
  } catch (error) {
    const message =
      error instanceof AuditError ? error.message : String((error as Error)?.message ?? error).split('\n')[0]
    console.error(`consentry audit: ${message}`)
    return 2
  }
}
