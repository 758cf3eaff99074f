import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { defineConfig } from 'vitest/config'
import { playwright } from '@vitest/browser-playwright'
import { minify } from 'terser'
import type { BuildEnvironmentOptions, Plugin } from 'vite'
import { testServer } from './test/support/server.ts'
import { LIMITS, SLOWDOWN } from './test/support/slowdown.ts'

// System Chromium (Debian package); Playwright's own browser download is impossible offline.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Subdomains of a reserved test domain, for cookies shared with parent domains.
  '--host-resolver-rules=MAP *.consentry.test 127.0.0.1',
]

// nanostores keeps a counter on globalThis; the script-tag build must add nothing to window
// but `consentry`, so its bundled copy gets a private counter.
const privateNanostoresGlobal = (): Plugin => {
  let patched = false
  return {
    name: 'consentry-private-nanostores-global',
    transform(code, id) {
      if (!id.includes('nanostores')) return
      const replaced = code.replace('(globalThis.nanostoresGlobal ||= { epoch: 0 })', '{ epoch: 0 }')
      if (replaced == code) return
      patched = true
      // map: null keeps the module's mappings (only one line's columns move); without a map, the
      // module would be missing from the source map altogether.
      return { code: replaced, map: null }
    },
    buildEnd(error) {
      // A nanostores release that words the line differently would otherwise leave the global in.
      if (!error && !patched)
        this.error('nanostores no longer sets globalThis.nanostoresGlobal as expected: update this plugin')
    },
  }
}

// A Terser pass over the minified browser builds takes a few per cent more off their brotli
// size than Rolldown's minifier alone; the source map is carried through.
const terserPass = (): Plugin => ({
  name: 'consentry-terser-pass',
  async generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type != 'chunk') continue
      const map = bundle[`${chunk.fileName}.map`]
      const result = await minify(chunk.code, {
        ecma: 2020,
        compress: {
          passes: 3,
          pure_getters: true,
          unsafe: true,
          unsafe_arrows: true,
          unsafe_comps: true,
          unsafe_methods: true,
        },
        // The browser builds' maps are hidden: written, not referenced from the file.
        sourceMap: map?.type == 'asset' ? { content: String(map.source) } : false,
      })
      chunk.code = result.code!
      if (map?.type == 'asset') map.source = String(result.map)
    }
  },
})

const external = [/^preact/, 'nanostores', 'js-cookie']

// The script tag's chunks carry a hash of their content in their names, so that a cached core
// never loads a chunk of another release; consentry.js keeps the one stable name a site includes.
// Each chunk build writes a manifest; the core's build reads the names it loads from them.
const HASHED = '[name].[hash].js'
// The language chunks share one hash, of every locale's source: the UI chunk names each of them,
// and forty-odd different hashes cost it some 300 bytes brotli where one repeated hash costs none.
const LOCALES = 'src/i18n/locales'
const localesHash = createHash('sha256')
for (const name of readdirSync(LOCALES).sort()) localesHash.update(name).update(readFileSync(`${LOCALES}/${name}`))
const LOCALES_HASH = localesHash.digest('base64url').slice(0, 8)
const uiChunkName = (chunk: { facadeModuleId: string | null }) =>
  chunk.facadeModuleId?.includes('/src/i18n/locales/')
    ? `consentry-ui-[name].${LOCALES_HASH}.js`
    : 'consentry-ui-[name].[hash].js'
const chunkFile = (manifest: string) => {
  const path = `dist/.vite/${manifest}.json`
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    throw new Error(
      `${path} is missing: the core is built after its chunks (vite build --mode ${manifest} first, or npm run build)`,
    )
  }
  const entries = Object.values(JSON.parse(text)) as {
    file: string
    isEntry?: boolean
  }[]
  return entries.find((entry) => entry.isEntry)!.file
}
const chunkNames = (mode: string) =>
  mode == 'cdn'
    ? {
        __CONSENTRY_UI__: JSON.stringify(chunkFile('cdn-ui')),
        __CONSENTRY_RECEIPTS__: JSON.stringify(chunkFile('cdn-receipts')),
      }
    : {}

// One build per mode: the npm entries (default), the script tag and its chunks, the server.
const builds: Record<string, BuildEnvironmentOptions> = {
  npm: {
    target: 'es2020',
    sourcemap: true,
    outDir: 'dist/npm',
    lib: { entry: { index: 'src/index.ts', ui: 'src/ui.ts' }, formats: ['es'] },
    rolldownOptions: { external },
  },
  cdn: {
    target: 'es2020',
    // Maps are written but not referenced: the comment alone would cost the core 23 bytes.
    sourcemap: 'hidden',
    outDir: 'dist',
    emptyOutDir: false,
    lib: { entry: 'src/cdn.ts', formats: ['iife'], name: 'consentry', fileName: () => 'consentry.js' },
  },
  'cdn-ui': {
    target: 'es2020',
    sourcemap: 'hidden',
    outDir: 'dist',
    emptyOutDir: false,
    manifest: '.vite/cdn-ui.json',
    lib: { entry: { 'consentry-ui': 'src/cdn-ui.ts' }, formats: ['es'] },
    rolldownOptions: {
      // Modules the placeholders chunk shares with the entry (Preact above all) stay in the
      // entry, which exports them: a first visit fetches one file, not two.
      preserveEntrySignatures: 'allow-extension',
      // Loaded by browsers, not bundlers: minify fully (lib mode keeps ES output readable).
      output: { minify: true, entryFileNames: HASHED, chunkFileNames: uiChunkName },
    },
  },
  'cdn-receipts': {
    target: 'es2020',
    sourcemap: 'hidden',
    outDir: 'dist',
    emptyOutDir: false,
    manifest: '.vite/cdn-receipts.json',
    lib: { entry: { 'consentry-receipts': 'src/cdn-receipts.ts' }, formats: ['es'] },
    rolldownOptions: { output: { minify: true, entryFileNames: HASHED } },
  },
  // consentry/server, for Node 20 (and runtimes with node:crypto and the Fetch API).
  server: {
    target: 'node20',
    sourcemap: true,
    outDir: 'dist/server',
    lib: { entry: { index: 'src/server/index.ts' }, formats: ['es'] },
    rolldownOptions: {
      external: [/^node:/, /^hono/, /^@hono\//, 'pg', /^@electric-sql\//, 'ajv', 'ajv-formats', 'prom-client'],
    },
  },
  // consentry audit, the command; Chromium comes through playwright-core.
  audit: {
    target: 'node20',
    sourcemap: true,
    outDir: 'dist/audit',
    lib: { entry: { index: 'src/audit/index.ts' }, formats: ['es'] },
    rolldownOptions: { external: [/^node:/, 'playwright-core', 'tldts'] },
  },
}

/** The script tag's builds are minified further by Terser; the core also keeps nanostores private. */
const pluginsFor = (mode: string): Plugin[] => {
  if (mode == 'cdn') return [privateNanostoresGlobal(), terserPass()]
  if (mode.startsWith('cdn-')) return [terserPass()]
  return []
}

export default defineConfig(({ command, mode }) => ({
  // Explicit Preact JSX: tsconfig's jsxImportSource reaches only files that tsconfig includes.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // Library mode does not replace process.env.NODE_ENV; nanostores reads it.
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production'), ...chunkNames(mode) } : {},
  plugins: pluginsFor(mode),
  build: builds[mode] ?? builds.npm!,
  test: {
    // Scaled for a slow or busy machine in one place (test/support/slowdown.ts).
    testTimeout: LIMITS.test,
    hookTimeout: LIMITS.hook,
    expect: { poll: { timeout: LIMITS.poll } },
    provide: { slowdown: SLOWDOWN },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.node.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        plugins: [testServer(import.meta.dirname)],
        server: { allowedHosts: ['.consentry.test'] },
        // Vue's compile-time flags, which its ESM build warns about when a bundler leaves them undefined.
        define: {
          __VUE_OPTIONS_API__: 'true',
          __VUE_PROD_DEVTOOLS__: 'false',
          __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
        },
        // Found only once a test imports them: optimized up front, or Vite reloads the page mid-run.
        optimizeDeps: {
          include: [
            'react',
            'react-dom/client',
            'react-dom/server',
            'vue',
            'vue/server-renderer',
            '@nanostores/react',
            '@nanostores/vue',
            '@nanostores/preact',
          ],
        },
        test: {
          name: 'browser',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.node.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            instances: [{ browser: 'chromium' }],
            provider: playwright({ launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS } }),
            commands: {
              // Media features (prefers-color-scheme, prefers-reduced-motion) for the whole page.
              emulateMedia: async (context, media: Record<string, string | null>) => {
                await (
                  context as unknown as { page: { emulateMedia(media: object): Promise<void> } }
                ).page.emulateMedia(media)
              },
              // Global Privacy Control as a browser that sends it does: navigator.globalPrivacyControl
              // in every page whose URL asks for it (?gpc=1), and the Sec-GPC header on every request.
              emulateGpc: async (context, on: boolean) => {
                const { page } = context as unknown as { page: import('playwright').Page }
                if (on) {
                  await page.context().addInitScript(() => {
                    if (new URL(location.href).searchParams.get('gpc') == '1')
                      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {
                        get: () => true,
                        configurable: true,
                      })
                  })
                }
                await page.context().setExtraHTTPHeaders(on ? { 'Sec-GPC': '1' } : {})
              },
            },
          },
        },
      },
    ],
  },
}))
