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
  // The README's tags: the core's, and a modulepreload hint of the UI chunk for every visitor.
  consentry: CONSENTRY,
  // The other first-visit candidates (docs/adr/0013): the core's tag alone; the hint sent by an
  // edge to undecided visitors only, in the page or as 103 Early Hints.
  'consentry-plain': CONSENTRY,
  'consentry-edge': CONSENTRY,
  'consentry-early-hints': CONSENTRY,
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
// Both cache modes by default, interleaved: BENCH_CACHE=immutable narrows a run to one.
const ALL_CACHES = ['no-store', 'immutable']
const CACHES = process.env.BENCH_CACHE?.split(',') ?? ALL_CACHES
const LIBRARIES = Object.fromEntries(
  Object.entries(ALL_LIBRARIES).filter(
    ([name]) =>
      !only || ['consentry', 'consentry-full', 'orejime', 'cookieconsent', 'baseline', ...only].includes(name),
  ),
)
const PEERS = ['orejime', 'cookieconsent', 'klaro', 'tarteaucitron', 'c15t'].filter((name) => name in LIBRARIES)
const complete = !only && RATES.length == 2 && NETWORKS.length == Object.keys(ALL_NETWORKS).length && CACHES.length == 2
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
const NONE = { raw: 0, gzip: 0, brotli: 0 }
const add = (sum, size) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip, brotli: sum.brotli + size.brotli })
const OWN = /^\/(dist|node_modules|bench\/dist)\//
// The library's own files the page loaded (not the page, the content or the gated tag): their
// bytes from the network and from the HTTP cache (a transfer size of 0), and those fetched from
// the network before `before` (ms since navigation start: the banner's mark).
const libraryBytes = async (page, before = Infinity) => {
  const entries = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => ({
      path: new URL(e.name).pathname,
      cached: e.transferSize == 0,
      end: e.responseEnd,
    })),
  )
  const seen = new Set()
  const bytes = { network: NONE, cache: NONE, critical: NONE }
  for (const { path, cached, end } of entries) {
    if (!OWN.test(path) || seen.has(path)) continue
    seen.add(path)
    const size = fileSize(path)
    if (cached) bytes.cache = add(bytes.cache, size)
    else bytes.network = add(bytes.network, size)
    if (!cached && end <= before) bytes.critical = add(bytes.critical, size)
  }
  return bytes
}

// The requests of a page, from the DevTools protocol: who asked for each, and whether it came
// from the HTTP cache. A request's round trips are its initiator's plus one, if it went to the
// network: files the parser finds in the page are 1, a file a script of the page imports is 2.
const watchRequests = (cdp) => {
  const byId = new Map()
  cdp.on('Network.requestWillBeSent', ({ requestId, request, initiator, type }) => {
    const from = initiator.url ?? initiator.stack?.callFrames?.[0]?.url ?? initiator.stack?.parent?.callFrames?.[0]?.url
    byId.set(requestId, { url: request.url.split('#')[0], from, document: type == 'Document', cached: false })
  })
  cdp.on('Network.requestServedFromCache', ({ requestId }) => {
    const request = byId.get(requestId)
    if (request) request.cached = true
  })
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    const request = byId.get(requestId)
    if (request && (response.fromDiskCache || response.fromPrefetchCache)) request.cached = true
  })
  return byId
}
/** The longest chain of network round trips, the document's own excluded, among the library's files that arrived before `before`. */
const roundTrips = async (page, requests, before = Infinity) => {
  const ended = new Map(
    await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => [e.name.split('#')[0], e.responseEnd]),
    ),
  )
  const byUrl = new Map()
  for (const request of requests.values()) if (!byUrl.has(request.url)) byUrl.set(request.url, request)
  const depth = (url, seen = new Set()) => {
    const request = byUrl.get(url)
    if (!request || request.document || seen.has(url)) return 0
    seen.add(url)
    return depth(request.from, seen) + (request.cached ? 0 : 1)
  }
  let most = 0
  for (const url of byUrl.keys())
    if (OWN.test(new URL(url).pathname) && (ended.get(url) ?? Infinity) <= before) most = Math.max(most, depth(url))
  return most
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
  const requests = watchRequests(cdp)
  await cdp.send('Performance.enable')
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  await cdp.send('Network.enable')
  if (ALL_NETWORKS[network])
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...ALL_NETWORKS[network] })
  await page.goto(`${origin}/bench/pages/${name}.html`)
  await page
    .waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, until, { timeout: 60000 })
    .catch((error) => Promise.reject(new Error(`waiting for ${until}: ${error.message}`)))
  await settle(page)
  const markTime = await page.evaluate((mark) => performance.getEntriesByName(mark)[0].startTime, until)
  return { page, cdp, markTime, requests }
}

const visit = async (browser, origin, name, condition) => {
  const { visible, accept } = LIBRARIES[name]
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.addInitScript(probe(visible))
  const { page, cdp, markTime: bannerMs, requests } = await load(context, origin, name, condition, 'banner-visible')
  const first = {
    bannerMs,
    scriptMs: await scriptMs(cdp),
    tbt: await page.evaluate(() => __bench.tbt),
    cls: await page.evaluate(() => __bench.cls),
    bytes: await libraryBytes(page, bannerMs),
    roundTrips: await roundTrips(page, requests, bannerMs),
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
  // The returning visit, in the same browser profile: the decision is stored; time until the
  // gated analytics tag runs. Under no-store it downloads every file again (the cost without an
  // HTTP cache); under immutable, what the first visit fetched comes from the cache.
  const again = await load(context, origin, name, condition, 'analytics-ran')
  const returning = {
    tagMs: again.markTime,
    scriptMs: await scriptMs(again.cdp),
    cls: await again.page.evaluate(() => __bench.cls),
    bytes: await libraryBytes(again.page, again.markTime),
    roundTrips: await roundTrips(again.page, again.requests, again.markTime),
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

const servers = Object.fromEntries(await Promise.all(CACHES.map(async (cache) => [cache, await startServer(cache)])))
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
// runs[cache][library][condition]: the visits of every round.
const runs = Object.fromEntries(
  CACHES.map((cache) => [
    cache,
    Object.fromEntries(
      Object.keys(LIBRARIES).map((name) => [name, Object.fromEntries(CONDITIONS.map(({ key }) => [key, []]))]),
    ),
  ]),
)
const chromiumVersion = browser.version()
try {
  for (let round = 0; round <= ROUNDS; round++)
    for (const condition of CONDITIONS)
      for (const cache of CACHES)
        for (const name of Object.keys(LIBRARIES)) {
          const result = await visit(browser, servers[cache].origin, name, condition).catch((error) => {
            throw new Error(`${name}, ${condition.key} CPU, ${cache}: ${error.message}`)
          })
          if (round > 0) runs[cache][name][condition.key].push(result) // round 0 warms up
        }
} finally {
  await browser.close()
  for (const server of Object.values(servers)) server.close()
}

// A first visit is cold in either cache mode: its figures pool the visits of both.
const firstVisits = (name, key) => CACHES.flatMap((cache) => runs[cache][name][key].map((run) => run.first))
const returningVisits = (cache, name, key) => runs[cache][name][key].map((run) => run.returning)
const results = Object.fromEntries(
  Object.keys(LIBRARIES).map((name) => {
    const one = (cache) => runs[cache][name][CONDITIONS[0].key][0]
    return [
      name,
      {
        firstVisit: { bytes: one(CACHES[0]).first.bytes, roundTrips: one(CACHES[0]).first.roundTrips },
        ...Object.fromEntries(
          CACHES.map((cache) => [
            cache,
            { bytes: one(cache).returning.bytes, roundTrips: one(cache).returning.roundTrips },
          ]),
        ),
        ...Object.fromEntries(
          CONDITIONS.map(({ key }) => [
            key,
            {
              bannerMs: summary(firstVisits(name, key).map((run) => run.bannerMs)),
              firstScriptMs: summary(firstVisits(name, key).map((run) => run.scriptMs)),
              tbtMs: summary(firstVisits(name, key).map((run) => run.tbt)),
              firstRoundTrips: Math.max(...firstVisits(name, key).map((run) => run.roundTrips)),
              cls: Math.max(
                ...firstVisits(name, key).map((run) => run.cls),
                ...CACHES.flatMap((cache) => returningVisits(cache, name, key).map((run) => run.cls)),
              ),
              ...Object.fromEntries(
                CACHES.map((cache) => [
                  cache,
                  {
                    returningTagMs: summary(returningVisits(cache, name, key).map((run) => run.tagMs)),
                    returningScriptMs: summary(returningVisits(cache, name, key).map((run) => run.scriptMs)),
                  },
                ]),
              ),
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
const b = results.baseline
const o = results.orejime
const CONSENTRY_PAGES = ['consentry', 'consentry-full']
const worstConsentry = (figure) => Math.max(...CONSENTRY_PAGES.map((name) => figure(results[name])))
const bestPeer = (figure, peers = PEERS) => Math.min(...peers.map((peer) => figure(results[peer])))
const LIGHTEST = ['orejime', 'cookieconsent'].filter((name) => name in LIBRARIES)
const warm = CACHES.includes('immutable') ? 'immutable' : undefined
const cold = CACHES.includes('no-store') ? 'no-store' : undefined
// The goals of the first-visit design (docs/adr/0013): the README's snippet, every feature on.
const goals = [
  ...CONDITIONS.map(({ key }) => [
    `banner visible ahead of orejime and vanilla-cookieconsent, ${key} (÷ the faster)`,
    worstConsentry((r) => r[key].bannerMs.median) / bestPeer((r) => r[key].bannerMs.median, LIGHTEST),
    1,
  ]),
  [
    'bytes before the banner (brotli), every feature, ≤ 1.0 × orejime’s first visit',
    results['consentry-full'].firstVisit.bytes.critical.brotli / o.firstVisit.bytes.network.brotli,
    1,
  ],
  [
    'round trips before the banner',
    worstConsentry((r) => Math.max(...CONDITIONS.map(({ key }) => r[key].firstRoundTrips))),
    1,
  ],
  ...(warm
    ? CONDITIONS.map(({ key, rate }) => [
        `returning visitor, warm cache: gated tag − baseline ≤ ${rate == 1 ? 5 : 15} ms, ${key}`,
        worstConsentry((r) => r[key][warm].returningTagMs.median) - b[key][warm].returningTagMs.median,
        rate == 1 ? 5 : 15,
      ])
    : []),
  ...(cold
    ? CONDITIONS.map(({ key }) => [
        `returning visitor, cold cache: gated tag ahead of every peer, ${key} (÷ the fastest)`,
        worstConsentry((r) => r[key][cold].returningTagMs.median) / bestPeer((r) => r[key][cold].returningTagMs.median),
        1,
      ])
    : []),
  ...CONDITIONS.filter(({ rate }) => rate == 4).map(({ key }) => [
    `TBT ≤ the best peer's, ${key} (ms over)`,
    worstConsentry((r) => r[key].tbtMs.median) - bestPeer((r) => r[key].tbtMs.median),
    0,
  ]),
  ['CLS 0 for Consentry, every run', worstConsentry((r) => Math.max(...CONDITIONS.map(({ key }) => r[key].cls))), 0],
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
const ratio = (figure) => (peer) => fmt(figure(results.consentry) / figure(results[peer]), 2)
const ratios = [
  ['bytes before the banner', ratio((r) => r.firstVisit.bytes.critical.brotli)],
  ...CONDITIONS.map(({ key }) => [`banner ms, ${key}`, ratio((r) => r[key].bannerMs.median)]),
  ...CACHES.flatMap((cache) =>
    CONDITIONS.map(({ key }) => [`gated tag ms, ${cache}, ${key}`, ratio((r) => r[key][cache].returningTagMs.median)]),
  ),
]
const cpu = cpus()
const networkText = NETWORKS.map((network) => {
  const conditions = ALL_NETWORKS[network]
  if (!conditions) return `${network} (no emulation)`
  return `${network} (${conditions.latency} ms added per request, ${fmt((conditions.downloadThroughput * 8) / 1e6)} Mbit/s down, ${fmt((conditions.uploadThroughput * 8) / 1e6)} up)`
}).join(', ')

const returningColumns = (cache) => [
  [`network, ${cache}`, (r) => bytes(r[cache].bytes.network)],
  [`HTTP cache, ${cache}`, (r) => bytes(r[cache].bytes.cache)],
  [`round trips, ${cache}`, (r) => r[cache].roundTrips],
]
const table = [
  `Chromium ${chromiumVersion}, Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim()}; ${ROUNDS} interleaved rounds after a warm-up; medians (min–max).`,
  `Networks, emulated through the DevTools protocol: ${networkText}. ×: CPU throttle. Cache modes, interleaved: ${CACHES.map((cache) => `\`${cache}\``).join(' and ')}; pages are always no-store, the libraries' files ${CACHES.map((cache) => (cache == 'immutable' ? 'under `immutable` are sent with `Cache-Control: public, max-age=31536000, immutable`, so that a returning visit in the same browser profile takes them from its HTTP cache (warm)' : 'under `no-store` are downloaded again on every visit (cold)')).join('; ')}. A first visit is cold in both modes; its figures pool the visits of both.`,
  '',
  '### First visit: bytes of the library (kB: brotli (gzip, raw)) and round trips before the banner',
  '',
  'Round trips: the longest chain of requests before the banner is visible, the page’s own excluded (a file named in the page: 1; a file that file imports: 2).',
  '',
  libraryTable([
    ['downloaded', (r) => bytes(r.firstVisit.bytes.network)],
    ['before the banner', (r) => bytes(r.firstVisit.bytes.critical)],
    ['round trips before the banner', (r) => r.firstVisit.roundTrips],
  ]),
  '',
  '### Returning visit: bytes of the library (kB) and round trips before the gated tag runs',
  '',
  libraryTable(CACHES.flatMap(returningColumns)),
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
  ...CACHES.flatMap((cache) => [
    '',
    `### Returning visit (decision stored), ${cache == 'immutable' ? 'warm cache' : 'cold cache'} (\`${cache}\`): navigation start to the gated analytics script running (ms)`,
    '',
    libraryTable(perCondition('gated tag', (figure) => figure[cache].returningTagMs)),
    '',
    `Main-thread script time of that visit (ms):`,
    '',
    libraryTable(perCondition('script', (figure) => figure[cache].returningScriptMs)),
  ]),
  '',
  '### Consentry (the README’s snippet) ÷ peer (medians)',
  '',
  markdown(
    ['peer', ...ratios.map(([label]) => label)],
    PEERS.map((peer) => [peer, ...ratios.map(([, cell]) => cell(peer))]),
  ),
  '',
  '### Goals (the README’s snippet and every feature on; benchmark figures, not tests)',
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
const most = Math.max(...names.map((name) => results[name].firstVisit.bytes.network.brotli))
const bar = (value, y, colour) =>
  `<rect x="130" y="${y}" width="${(value / most) * 420}" height="12" fill="${colour}"/><text x="${136 + (value / most) * 420}" y="${y + 10}" font-size="11">${kb(value)} kB</text>`
const chart = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="${names.length * 40 + 40}" font-family="sans-serif">
<title>Bytes downloaded (brotli) by each library: first visit, returning visit without an HTTP cache</title>
<text x="10" y="18" font-size="13">Bytes downloaded (brotli): first visit, returning visit (cold cache)</text>
${names.map((name, i) => `<text x="10" y="${46 + i * 40}" font-size="12">${name}</text>${bar(results[name].firstVisit.bytes.network.brotli, 34 + i * 40, '#1849b8')}${bar((results[name]['no-store'] ?? results[name][CACHES[0]]).bytes.network.brotli, 48 + i * 40, '#8fb0f0')}`).join('\n')}
</svg>
`
console.log(`\n${table}`)
if (!complete) process.exit()
writeFileSync(
  new URL('../docs/performance.json', import.meta.url),
  `${JSON.stringify({ rounds: ROUNDS, networks: ALL_NETWORKS, caches: CACHES, results, goals }, null, 2)}\n`,
)
writeFileSync(new URL('../docs/performance.svg', import.meta.url), chart)
// docs/performance.md keeps its hand-written analysis; only the part between the markers is replaced.
const doc = new URL('../docs/performance.md', import.meta.url)
const [before, rest] = readFileSync(doc, 'utf8').split('<!-- bench:start -->')
const after = rest.split('<!-- bench:end -->')[1]
writeFileSync(doc, `${before}<!-- bench:start -->\n${table}\n<!-- bench:end -->${after}`)
