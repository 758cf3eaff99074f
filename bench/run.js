// npm run bench: Consentry beside vanilla-cookieconsent, orejime, klaro and a hand-written baseline
// banner, in headless Chromium on loopback. Interleaved rounds, medians with min–max, ratios, and
// the targets of the benchmark; prints markdown tables, writes docs/performance.json, the chart
// and the tables of docs/performance.md. Not part of npm test: figures, not pass/fail.
import { readFileSync, writeFileSync } from 'node:fs'
import { gzipSync, brotliCompressSync } from 'node:zlib'
import { chromium } from 'playwright'
import { startServer } from './server.js'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15)
// BENCH_RATES=4 and BENCH_ONLY=cookieconsent (consentry, orejime and the baseline always run: the
// targets need them) narrow a run while working on one figure; it prints, and leaves docs/ alone.
const RATES = process.env.BENCH_RATES?.split(',').map(Number) ?? [1, 4]
const ALL_LIBRARIES = {
  consentry: { visible: `document.querySelector('[data-consentry]')?.shadowRoot?.querySelector('.banner')`, accept: 'Accept all' },
  orejime: { visible: `document.querySelector('.orejime-Banner')`, accept: 'Accept' },
  cookieconsent: { visible: `document.documentElement.classList.contains('show--consent') && document.querySelector('#cc-main .cm')`, accept: 'Accept all' },
  klaro: { visible: `document.querySelector('.klaro .cookie-notice')`, accept: "That's ok" },
  baseline: { visible: `document.getElementById('banner')`, accept: 'Accept all' },
}
const only = process.env.BENCH_ONLY?.split(',')
const LIBRARIES = Object.fromEntries(
  Object.entries(ALL_LIBRARIES).filter(([name]) => !only || ['consentry', 'orejime', 'baseline', ...only].includes(name)),
)
const PEERS = ['orejime', 'cookieconsent', 'klaro'].filter((name) => name in LIBRARIES)
const complete = !only && RATES.length == 2

// Before any page script: marks the first frame the banner shows, and sums long tasks and shifts.
const probe = (visible) => `
  window.__bench = { tbt: 0, cls: 0 }
  new PerformanceObserver((list) => list.getEntries().forEach((e) => (__bench.tbt += Math.max(0, e.duration - 50)))).observe({ type: 'longtask', buffered: true })
  new PerformanceObserver((list) => list.getEntries().forEach((e) => { if (!e.hadRecentInput) __bench.cls += e.value })).observe({ type: 'layout-shift', buffered: true })
  const look = () => { try { if (${visible}) return performance.mark('banner-visible') } catch {} requestAnimationFrame(look) }
  requestAnimationFrame(look)`

const sizes = new Map()
const fileSize = (path) => {
  if (!sizes.has(path)) {
    const body = readFileSync(new URL('..' + path, import.meta.url))
    sizes.set(path, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length, brotli: brotliCompressSync(body).length })
  }
  return sizes.get(path)
}
// Bytes of the library's own files the page loaded (not the page, the content or the gated tag).
const libraryBytes = async (page) => {
  const paths = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname))
  const own = [...new Set(paths)].filter((path) => /^\/(dist|node_modules)\//.test(path))
  return own.map(fileSize).reduce((sum, size) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip, brotli: sum.brotli + size.brotli }), { raw: 0, gzip: 0, brotli: 0 })
}
const scriptMs = async (cdp) => {
  const { metrics } = await cdp.send('Performance.getMetrics')
  return Math.round(metrics.find((metric) => metric.name == 'ScriptDuration').value * 10000) / 10
}
const settle = (page) => page.waitForTimeout(300)

// A page of the library at a CPU throttle, loaded until the mark `until` exists, then settled.
const load = async (context, origin, name, rate, until) => {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  await page.goto(`${origin}/bench/pages/${name}.html`)
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, until, { timeout: 10000 })
  await settle(page)
  const markTime = await page.evaluate((mark) => performance.getEntriesByName(mark)[0].startTime, until)
  return { page, cdp, markTime }
}

const visit = async (browser, origin, name, rate) => {
  const { visible, accept } = LIBRARIES[name]
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.addInitScript(probe(visible))
  const { page, cdp, markTime: bannerMs } = await load(context, origin, name, rate, 'banner-visible')
  const first = {
    bannerMs,
    scriptMs: await scriptMs(cdp),
    tbt: await page.evaluate(() => __bench.tbt),
    cls: await page.evaluate(() => __bench.cls),
    bytes: await libraryBytes(page),
  }
  await page.getByRole('button', { name: accept, exact: true }).first().click()
  await page.waitForFunction(() => performance.getEntriesByName('analytics-ran').length > 0, null, { timeout: 10000 })
  // The returning visit: the decision is stored; time until the gated analytics tag runs.
  const again = await load(context, origin, name, rate, 'analytics-ran')
  const returning = {
    tagMs: again.markTime,
    scriptMs: await scriptMs(again.cdp),
    cls: await again.page.evaluate(() => __bench.cls),
    bytes: await libraryBytes(again.page),
  }
  await context.close()
  return { first, returning }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const summary = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) })

const { origin, close } = await startServer()
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
const runs = Object.fromEntries(Object.keys(LIBRARIES).map((name) => [name, Object.fromEntries(RATES.map((rate) => [rate, []]))]))
try {
  for (let round = 0; round <= ROUNDS; round++)
    for (const rate of RATES)
      for (const name of Object.keys(LIBRARIES)) {
        const result = await visit(browser, origin, name, rate).catch((error) => {
          throw new Error(`${name} at ${rate}× CPU: ${error.message}`)
        })
        if (round > 0) runs[name][rate].push(result) // round 0 warms up
      }
} finally {
  await browser.close()
  close()
}

const results = Object.fromEntries(
  Object.entries(runs).map(([name, byRate]) => {
    const one = byRate[RATES[0]]
    return [
      name,
      {
        firstVisitBytes: one[0].first.bytes,
        returningVisitBytes: one[0].returning.bytes,
        ...Object.fromEntries(
          RATES.map((rate) => [
            `cpu${rate}x`,
            {
              bannerMs: summary(byRate[rate].map((run) => run.first.bannerMs)),
              firstScriptMs: summary(byRate[rate].map((run) => run.first.scriptMs)),
              tbtMs: summary(byRate[rate].map((run) => run.first.tbt)),
              cls: Math.max(...byRate[rate].flatMap((run) => [run.first.cls, run.returning.cls])),
              returningTagMs: summary(byRate[rate].map((run) => run.returning.tagMs)),
              returningScriptMs: summary(byRate[rate].map((run) => run.returning.scriptMs)),
            },
          ]),
        ),
      },
    ]
  }),
)

const fmt = (value, digits = 1) => (Math.round(value * 10 ** digits) / 10 ** digits).toFixed(digits)
const kb = (bytes) => fmt(bytes / 1000, 2)
const range = ({ median, min, max }, digits = 1) => `${fmt(median, digits)} (${fmt(min, digits)}–${fmt(max, digits)})`
const c = results.consentry
const o = results.orejime
const b = results.baseline
const targets = [
  ['first-visit bytes (brotli) ≤ 0.7 × orejime', c.firstVisitBytes.brotli / o.firstVisitBytes.brotli, 0.7],
  ['returning-visit bytes (brotli) ≤ 0.25 × orejime', c.returningVisitBytes.brotli / o.returningVisitBytes.brotli, 0.25],
  ...RATES.map((rate) => [
    `banner time − baseline ≤ 0.5 × orejime's, ${rate}× CPU`,
    (c[`cpu${rate}x`].bannerMs.median - b[`cpu${rate}x`].bannerMs.median) / (o[`cpu${rate}x`].bannerMs.median - b[`cpu${rate}x`].bannerMs.median),
    0.5,
  ]),
  ...RATES.map((rate) => [`returning gated-tag time − baseline ≤ 10 ms, ${rate}× CPU`, c[`cpu${rate}x`].returningTagMs.median - b[`cpu${rate}x`].returningTagMs.median, 10]),
  ['CLS 0 for Consentry, every run', Math.max(...RATES.map((rate) => c[`cpu${rate}x`].cls)), 0],
]

const markdown = (head, rows) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n')
const bytes = ({ brotli, gzip, raw }) => `${kb(brotli)} (${kb(gzip)}, ${kb(raw)})`
const perRate = (label, figure) => RATES.map((rate) => [`${label}, ${rate}×`, (r) => range(figure(r[`cpu${rate}x`]))])
const libraryTable = (columns) =>
  markdown(['library', ...columns.map(([label]) => label)], Object.entries(results).map(([name, r]) => [name, ...columns.map(([, cell]) => cell(r))]))
const ratio = (figure) => (peer) => fmt(figure(c) / figure(results[peer]), 2)
const ratios = [
  ['first-visit bytes', ratio((r) => r.firstVisitBytes.brotli)],
  ['returning bytes', ratio((r) => r.returningVisitBytes.brotli)],
  ...RATES.map((rate) => [`banner ms, ${rate}×`, ratio((r) => r[`cpu${rate}x`].bannerMs.median)]),
  ...RATES.map((rate) => [`gated tag ms, ${rate}×`, ratio((r) => r[`cpu${rate}x`].returningTagMs.median)]),
]

const table = [
  `Chromium ${browser.version?.() ?? ''}, loopback, ${ROUNDS} interleaved rounds after a warm-up; medians (min–max); ×: CPU throttle.`,
  '',
  '### Bytes of the library a script-tag user downloads, kB: brotli (gzip, raw)',
  '',
  libraryTable([
    ['first visit', (r) => bytes(r.firstVisitBytes)],
    ['returning visit', (r) => bytes(r.returningVisitBytes)],
  ]),
  '',
  '### First visit: navigation start to banner visible, main-thread script time, total blocking time (ms)',
  '',
  libraryTable([
    ...perRate('banner visible', (figure) => figure.bannerMs),
    ...perRate('script', (figure) => figure.firstScriptMs),
    ...perRate('TBT', (figure) => figure.tbtMs),
    ['CLS, all runs', (r) => fmt(Math.max(...RATES.map((rate) => r[`cpu${rate}x`].cls)), 3)],
  ]),
  '',
  '### Returning visit (decision stored): navigation start to the gated analytics script running, main-thread script time (ms)',
  '',
  libraryTable([...perRate('gated tag runs', (figure) => figure.returningTagMs), ...perRate('script', (figure) => figure.returningScriptMs)]),
  '',
  '### Consentry ÷ peer (medians)',
  '',
  markdown(['peer', ...ratios.map(([label]) => label)], PEERS.map((peer) => [peer, ...ratios.map(([, cell]) => cell(peer))])),
  '',
  '### Targets',
  '',
  markdown(
    ['target', 'measured', 'limit', 'met'],
    targets.map(([name, value, limit]) => [name, fmt(value, 2), limit, value <= limit ? 'yes' : `no, by ${fmt(value - limit, 2)}`]),
  ),
].join('\n')

// A bar chart of first-visit and returning-visit bytes, as SVG.
const names = Object.keys(results)
const most = Math.max(...names.map((name) => results[name].firstVisitBytes.brotli))
const bar = (value, y, colour) => `<rect x="130" y="${y}" width="${(value / most) * 420}" height="12" fill="${colour}"/><text x="${136 + (value / most) * 420}" y="${y + 10}" font-size="11">${kb(value)} kB</text>`
const chart = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="${names.length * 40 + 40}" font-family="sans-serif">
<text x="10" y="18" font-size="13">Bytes downloaded (brotli): first visit, returning visit</text>
${names.map((name, i) => `<text x="10" y="${46 + i * 40}" font-size="12">${name}</text>${bar(results[name].firstVisitBytes.brotli, 34 + i * 40, '#1849b8')}${bar(results[name].returningVisitBytes.brotli, 48 + i * 40, '#8fb0f0')}`).join('\n')}
</svg>
`
console.log('\n' + table)
if (!complete) process.exit()
writeFileSync(new URL('../docs/performance.json', import.meta.url), JSON.stringify({ rounds: ROUNDS, results, targets }, null, 2) + '\n')
writeFileSync(new URL('../docs/performance.svg', import.meta.url), chart)
// docs/performance.md keeps its hand-written analysis; only the part between the markers is replaced.
const doc = new URL('../docs/performance.md', import.meta.url)
const [before, rest] = readFileSync(doc, 'utf8').split('<!-- bench:start -->')
const after = rest.split('<!-- bench:end -->')[1]
writeFileSync(doc, `${before}<!-- bench:start -->\n${table}\n<!-- bench:end -->${after}`)
