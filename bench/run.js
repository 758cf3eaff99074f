// npm run bench: Consentry (a minimal config, and one with every feature on) beside
// vanilla-cookieconsent, orejime, klaro, tarteaucitron, c15t and a hand-written baseline banner, in
// headless Chromium, on loopback and on two emulated networks, at 1× and 4× CPU. Interleaved rounds,
// medians with min–max, ratios, and the goals of the benchmark; prints markdown tables, writes
// docs/performance.json, the chart and the tables of docs/performance.md. Not part of npm test:
// figures, not pass/fail.
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { gzipSync, brotliCompressSync } from 'node:zlib'
import { chromium } from 'playwright'
import { startServer } from './server.js'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7)
// Emulated through the DevTools protocol on every page, the document's own request included.
// Throughputs in bytes per second; latency is added to each request's round trip.
const ALL_NETWORKS = {
  loopback: undefined,
  mobile: { latency: 40, downloadThroughput: (10e6 / 8) | 0, uploadThroughput: (5e6 / 8) | 0 },
  slow: { latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (0.75e6 / 8) | 0 },
}
const NETWORKS = process.env.BENCH_NETWORKS?.split(',') ?? Object.keys(ALL_NETWORKS)
// BENCH_RATES=4, BENCH_NETWORKS=slow and BENCH_ONLY=cookieconsent (both Consentry pages, orejime
// and the baseline always run: the goals need them) narrow a run while working on one figure; it
// prints, and leaves docs/ alone.
const RATES = process.env.BENCH_RATES?.split(',').map(Number) ?? [1, 4]
// The three Consentry pages share their banner and their Accept all.
const CONSENTRY = {
  visible: `document.querySelector('[data-consentry]')?.shadowRoot?.querySelector('.banner')`,
  accept: 'Accept all',
}
const ALL_LIBRARIES = {
  consentry: CONSENTRY,
  // The minimal page with docs/script-tag.md's modulepreload hint, sent to undecided visitors only.
  'consentry-preload': CONSENTRY,
  'consentry-full': CONSENTRY,
  orejime: { visible: `document.querySelector('.orejime-Banner')`, accept: 'Accept' },
  cookieconsent: {
    visible: `document.documentElement.classList.contains('show--consent') && document.querySelector('#cc-main .cm')`,
    accept: 'Accept all',
  },
  klaro: { visible: `document.querySelector('.klaro .cookie-notice')`, accept: "That's ok" },
  tarteaucitron: {
    visible: `document.getElementById('tarteaucitronAlertBig')?.getClientRects().length`,
    accept: 'Cookies : OK, accept all',
  },
  c15t: { visible: `document.querySelector('[data-testid="consent-banner-root"]')`, accept: 'Accept All' },
  baseline: { visible: `document.getElementById('banner')`, accept: 'Accept all' },
}
const only = process.env.BENCH_ONLY?.split(',')
const LIBRARIES = Object.fromEntries(
  Object.entries(ALL_LIBRARIES).filter(
    ([name]) => !only || ['consentry', 'consentry-full', 'orejime', 'baseline', ...only].includes(name),
  ),
)
const PEERS = ['orejime', 'cookieconsent', 'klaro', 'tarteaucitron', 'c15t'].filter((name) => name in LIBRARIES)
const complete = !only && RATES.length == 2 && NETWORKS.length == Object.keys(ALL_NETWORKS).length
/** Each measured condition: a network and a CPU rate, named like `slow 4×`. */
const CONDITIONS = NETWORKS.flatMap((network) => RATES.map((rate) => ({ network, rate, key: `${network} ${rate}×` })))

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
    const body = readFileSync(new URL(`..${path}`, import.meta.url))
    sizes.set(path, {
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body).length,
    })
  }
  return sizes.get(path)
}
// Bytes of the library's own files the page loaded (not the page, the content or the gated tag).
const libraryBytes = async (page) => {
  const paths = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname))
  const own = [...new Set(paths)].filter((path) => /^\/(dist|node_modules|bench\/dist)\//.test(path))
  return own
    .map(fileSize)
    .reduce(
      (sum, size) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip, brotli: sum.brotli + size.brotli }),
      { raw: 0, gzip: 0, brotli: 0 },
    )
}
const scriptMs = async (cdp) => {
  const { metrics } = await cdp.send('Performance.getMetrics')
  return Math.round(metrics.find((metric) => metric.name == 'ScriptDuration').value * 10000) / 10
}
const settle = (page) => page.waitForTimeout(300)

// A page of the library on a network at a CPU throttle, loaded until the mark `until` exists, then settled.
const load = async (context, origin, name, { network, rate }, until) => {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  if (ALL_NETWORKS[network]) {
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...ALL_NETWORKS[network] })
  }
  await page.goto(`${origin}/bench/pages/${name}.html`)
  await page
    .waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, until, { timeout: 60000 })
    .catch((error) => Promise.reject(new Error(`waiting for ${until}: ${error.message}`)))
  await settle(page)
  const markTime = await page.evaluate((mark) => performance.getEntriesByName(mark)[0].startTime, until)
  return { page, cdp, markTime }
}

const visit = async (browser, origin, name, condition) => {
  const { visible, accept } = LIBRARIES[name]
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.addInitScript(probe(visible))
  const { page, cdp, markTime: bannerMs } = await load(context, origin, name, condition, 'banner-visible')
  const first = {
    bannerMs,
    scriptMs: await scriptMs(cdp),
    tbt: await page.evaluate(() => __bench.tbt),
    cls: await page.evaluate(() => __bench.cls),
    bytes: await libraryBytes(page),
  }
  // The visitor decides once the page has loaded everything (tarteaucitron ignores a click made
  // before its services file arrives); the first visit's figures are taken already.
  await page.waitForLoadState('networkidle')
  await page.getByRole('button', { name: accept, exact: true }).first().click()
  // Some libraries run the tag only once their own files have all arrived (tarteaucitron's
  // services file, on a slow network): the decision is stored all the same, which is what the
  // returning visit needs.
  await page
    .waitForFunction(() => performance.getEntriesByName('analytics-ran').length > 0, null, { timeout: 15000 })
    .catch(() => {})
  // The returning visit: the decision is stored; time until the gated analytics tag runs. The
  // server sends no-store, so it downloads every file again: the cost without an HTTP cache.
  const again = await load(context, origin, name, condition, 'analytics-ran')
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
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
})
const runs = Object.fromEntries(
  Object.keys(LIBRARIES).map((name) => [name, Object.fromEntries(CONDITIONS.map(({ key }) => [key, []]))]),
)
const chromiumVersion = browser.version()
try {
  for (let round = 0; round <= ROUNDS; round++)
    for (const condition of CONDITIONS)
      for (const name of Object.keys(LIBRARIES)) {
        const result = await visit(browser, origin, name, condition).catch((error) => {
          throw new Error(`${name}, ${condition.key} CPU: ${error.message}`)
        })
        if (round > 0) runs[name][condition.key].push(result) // round 0 warms up
      }
} finally {
  await browser.close()
  close()
}

const results = Object.fromEntries(
  Object.entries(runs).map(([name, byCondition]) => {
    const one = byCondition[CONDITIONS[0].key]
    return [
      name,
      {
        firstVisitBytes: one[0].first.bytes,
        returningVisitBytes: one[0].returning.bytes,
        ...Object.fromEntries(
          CONDITIONS.map(({ key }) => [
            key,
            {
              bannerMs: summary(byCondition[key].map((run) => run.first.bannerMs)),
              firstScriptMs: summary(byCondition[key].map((run) => run.first.scriptMs)),
              tbtMs: summary(byCondition[key].map((run) => run.first.tbt)),
              cls: Math.max(...byCondition[key].flatMap((run) => [run.first.cls, run.returning.cls])),
              returningTagMs: summary(byCondition[key].map((run) => run.returning.tagMs)),
              returningScriptMs: summary(byCondition[key].map((run) => run.returning.scriptMs)),
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
const full = results['consentry-full']
const o = results.orejime
const b = results.baseline
const overhead = (r, key) => r[key].bannerMs.median - b[key].bannerMs.median
const bestPeer = (key, figure) => Math.min(...PEERS.map((peer) => figure(results[peer], key)))
const goals = [
  ...CONDITIONS.flatMap(({ key }) => [
    [
      `banner visible ahead of every peer, ${key}`,
      Math.max(c[key].bannerMs.median, full[key].bannerMs.median) / bestPeer(key, (r, k) => r[k].bannerMs.median),
      1,
    ],
    [
      `banner overhead over the baseline ≤ 0.75 × the best peer's, ${key}`,
      Math.max(overhead(c, key), overhead(full, key)) / bestPeer(key, overhead),
      0.75,
    ],
  ]),
  ...CONDITIONS.map(({ key, rate }) => [
    `returning gated tag − baseline ≤ ${rate == 1 ? 10 : 25} ms, ${key}`,
    Math.max(c[key].returningTagMs.median, full[key].returningTagMs.median) - b[key].returningTagMs.median,
    rate == 1 ? 10 : 25,
  ]),
  [
    'first-visit bytes (brotli), every feature, ≤ 1.0 × orejime',
    full.firstVisitBytes.brotli / o.firstVisitBytes.brotli,
    1,
  ],
  [
    'returning-visit bytes (brotli) ≤ 0.4 × orejime',
    Math.max(c.returningVisitBytes.brotli, full.returningVisitBytes.brotli) / o.returningVisitBytes.brotli,
    0.4,
  ],
  ...CONDITIONS.filter(({ rate }) => rate == 4).map(({ key }) => [
    `TBT ≤ the best peer's, ${key}`,
    Math.max(c[key].tbtMs.median, full[key].tbtMs.median) - bestPeer(key, (r, k) => r[k].tbtMs.median),
    0,
  ]),
  ['CLS 0 for Consentry, every run', Math.max(...CONDITIONS.flatMap(({ key }) => [c[key].cls, full[key].cls])), 0],
]

const markdown = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n')
const bytes = ({ brotli, gzip, raw }) => `${kb(brotli)} (${kb(gzip)}, ${kb(raw)})`
const perCondition = (label, figure) => CONDITIONS.map(({ key }) => [`${label}, ${key}`, (r) => range(figure(r[key]))])
const libraryTable = (columns) =>
  markdown(
    ['library', ...columns.map(([label]) => label)],
    Object.entries(results).map(([name, r]) => [name, ...columns.map(([, cell]) => cell(r))]),
  )
const ratio = (figure) => (peer) => fmt(figure(c) / figure(results[peer]), 2)
const ratios = [
  ['first-visit bytes', ratio((r) => r.firstVisitBytes.brotli)],
  ['returning bytes', ratio((r) => r.returningVisitBytes.brotli)],
  ...CONDITIONS.map(({ key }) => [`banner ms, ${key}`, ratio((r) => r[key].bannerMs.median)]),
  ...CONDITIONS.map(({ key }) => [`gated tag ms, ${key}`, ratio((r) => r[key].returningTagMs.median)]),
]
const cpu = cpus()
const networkText = NETWORKS.map((network) => {
  const conditions = ALL_NETWORKS[network]
  if (!conditions) return `${network} (no emulation)`
  return `${network} (${conditions.latency} ms added per request, ${fmt((conditions.downloadThroughput * 8) / 1e6)} Mbit/s down, ${fmt((conditions.uploadThroughput * 8) / 1e6)} up)`
}).join(', ')

const table = [
  `Chromium ${chromiumVersion}, Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim()}; ${ROUNDS} interleaved rounds after a warm-up; medians (min–max).`,
  `Networks, emulated through the DevTools protocol: ${networkText}. ×: CPU throttle. Every file is served with no-store: a returning visit downloads it again.`,
  '',
  '### Bytes of the library a script-tag user downloads, kB: brotli (gzip, raw)',
  '',
  libraryTable([
    ['first visit', (r) => bytes(r.firstVisitBytes)],
    ['returning visit', (r) => bytes(r.returningVisitBytes)],
  ]),
  '',
  '### First visit: navigation start to banner visible (ms)',
  '',
  libraryTable(perCondition('banner', (figure) => figure.bannerMs)),
  '',
  '### First visit: main-thread script time and total blocking time (ms), CLS',
  '',
  libraryTable([
    ...perCondition('script', (figure) => figure.firstScriptMs),
    ...perCondition('TBT', (figure) => figure.tbtMs),
    ['CLS, all runs', (r) => fmt(Math.max(...CONDITIONS.map(({ key }) => r[key].cls)), 3)],
  ]),
  '',
  '### Returning visit (decision stored): navigation start to the gated analytics script running (ms)',
  '',
  libraryTable(perCondition('gated tag', (figure) => figure.returningTagMs)),
  '',
  '### Consentry (minimal config) ÷ peer (medians)',
  '',
  markdown(
    ['peer', ...ratios.map(([label]) => label)],
    PEERS.map((peer) => [peer, ...ratios.map(([, cell]) => cell(peer))]),
  ),
  '',
  '### Goals (both Consentry pages; benchmark figures, not tests)',
  '',
  markdown(
    ['goal', 'measured', 'limit', 'met'],
    goals.map(([name, value, limit]) => [
      name,
      fmt(value, 2),
      limit,
      value <= limit ? 'yes' : `no, by ${fmt(value - limit, 2)}`,
    ]),
  ),
].join('\n')

// A bar chart of first-visit and returning-visit bytes, as SVG.
const names = Object.keys(results)
const most = Math.max(...names.map((name) => results[name].firstVisitBytes.brotli))
const bar = (value, y, colour) =>
  `<rect x="130" y="${y}" width="${(value / most) * 420}" height="12" fill="${colour}"/><text x="${136 + (value / most) * 420}" y="${y + 10}" font-size="11">${kb(value)} kB</text>`
const chart = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="${names.length * 40 + 40}" font-family="sans-serif">
<title>Bytes downloaded (brotli) by each library: first visit, returning visit</title>
<text x="10" y="18" font-size="13">Bytes downloaded (brotli): first visit, returning visit</text>
${names.map((name, i) => `<text x="10" y="${46 + i * 40}" font-size="12">${name}</text>${bar(results[name].firstVisitBytes.brotli, 34 + i * 40, '#1849b8')}${bar(results[name].returningVisitBytes.brotli, 48 + i * 40, '#8fb0f0')}`).join('\n')}
</svg>
`
console.log(`\n${table}`)
if (!complete) process.exit()
writeFileSync(
  new URL('../docs/performance.json', import.meta.url),
  `${JSON.stringify({ rounds: ROUNDS, networks: ALL_NETWORKS, results, goals }, null, 2)}\n`,
)
writeFileSync(new URL('../docs/performance.svg', import.meta.url), chart)
// docs/performance.md keeps its hand-written analysis; only the part between the markers is replaced.
const doc = new URL('../docs/performance.md', import.meta.url)
const [before, rest] = readFileSync(doc, 'utf8').split('<!-- bench:start -->')
const after = rest.split('<!-- bench:end -->')[1]
writeFileSync(doc, `${before}<!-- bench:start -->\n${table}\n<!-- bench:end -->${after}`)
