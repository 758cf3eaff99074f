import { existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'

/** The command could not run: a one-line reason, exit code 2. */
export class AuditError extends Error {
  override name = 'AuditError'
}

/** On the PATH: the system's Chromium or Chrome. */
const onPath = () => {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
      const path = join(folder, name)
      if (existsSync(path)) return path
    }
  }
  return undefined
}

/** `CHROMIUM_PATH`, else a browser Playwright installed, else the system's. */
const findChromium = (): string | undefined => {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  try {
    const installed = chromium.executablePath()
    if (installed && existsSync(installed)) return installed
  } catch {
    // No browser installed through Playwright.
  }
  return onPath()
}

// Without these, Chromium reaches out to Google's services at start.
const QUIET = ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** A headless Chromium for the audit; `flags` as `--chrome-flags` gives them. */
export const launchChromium = async (flags: string[]): Promise<Browser> => {
  const executablePath = findChromium()
  if (!executablePath)
    throw new AuditError('no Chromium found: set CHROMIUM_PATH, or install chromium (apt-get install chromium)')
  // As root (containers, CI), Chromium runs only without its sandbox.
  const sandbox = process.getuid?.() === 0 ? ['--no-sandbox'] : []
  try {
    return await chromium.launch({ executablePath, headless: true, args: [...QUIET, ...sandbox, ...flags] })
  } catch (error) {
    const first = String((error as Error).message).split('\n')[0]
    throw new AuditError(`Chromium did not start (${executablePath}): ${first}`)
  }
}
