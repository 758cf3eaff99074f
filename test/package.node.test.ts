// The tarball `npm pack` makes of the build: what it holds, and that its source maps point only
// at files it holds.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { posix } from 'node:path'
import { describe, expect, it } from 'vitest'
import manifest from '../package.json'

// --ignore-scripts: the build is already there, prepack would only make it again.
const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' })
const files: string[] = JSON.parse(pack.stdout)[0].files.map((file: { path: string }) => file.path)
const packed = new Set(files)

/** Every file path a field of package.json names. */
const targets = (value: unknown): string[] => {
  if (typeof value == 'string') return [posix.normalize(value)]
  if (value && typeof value == 'object') return Object.values(value).flatMap(targets)
  return []
}

describe('the packed package', () => {
  it('holds the licence, the readme, the server command, the schema and every file package.json names', () => {
    for (const file of ['LICENSE', 'README.md', 'bin/consentry-server.js', 'consentry.schema.json', 'dist/sri.json'])
      expect(packed, file).toContain(file)
    const named = targets([
      manifest.main,
      manifest.types,
      manifest.unpkg,
      manifest.jsdelivr,
      manifest.bin,
      manifest.exports,
    ])
    expect(named.filter((file) => !packed.has(file))).toEqual([])
  })

  it('has source maps that point only at packed files, or at a bundled dependency whose source they carry', () => {
    const maps = files.filter((file) => file.endsWith('.map'))
    expect(maps).toEqual(
      expect.arrayContaining([
        'dist/consentry.js.map',
        'dist/npm/index.js.map',
        'dist/server/index.js.map',
        'dist/types/index.d.ts.map',
      ]),
    )
    const unresolved: string[] = []
    for (const map of maps) {
      const { sources, sourcesContent = [], sourceRoot = '' } = JSON.parse(readFileSync(map, 'utf8'))
      sources.forEach((source: string, index: number) => {
        const path = posix.join(posix.dirname(map), sourceRoot, source)
        const carried = path.startsWith('node_modules/') && typeof sourcesContent[index] == 'string'
        if (!packed.has(path) && !carried) unresolved.push(`${map}: ${source}`)
      })
    }
    expect(unresolved).toEqual([])
  })

  it('maps the nanostores code of the script tag, which a build plugin rewrites', () => {
    const { sources } = JSON.parse(readFileSync('dist/consentry.js.map', 'utf8'))
    expect(sources).toContain('../node_modules/nanostores/atom/index.js')
  })

  it('lists the integrity of every script-tag file in dist/sri.json', () => {
    const scriptTag = files
      .filter((file) => /^dist\/consentry[^/]*\.js$/.test(file))
      .map((file) => file.slice('dist/'.length))
    const chunks: Record<string, string> = JSON.parse(readFileSync('dist/chunks.json', 'utf8'))
    expect(Object.keys(chunks)).toEqual(
      expect.arrayContaining(['consentry-ui', 'consentry-ui-de', 'consentry-ui-preferences', 'consentry-receipts']),
    )
    expect(scriptTag.sort()).toEqual(['consentry.js', ...Object.values(chunks)].sort())
    const sri: Record<string, string> = JSON.parse(readFileSync('dist/sri.json', 'utf8'))
    expect(Object.keys(sri).sort()).toEqual(scriptTag.sort())
    for (const hash of Object.values(sri)) expect(hash).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/)
  })

  it('names every chunk by a hash of its content, and the core and the UI load those names only', () => {
    const chunks: Record<string, string> = JSON.parse(readFileSync('dist/chunks.json', 'utf8'))
    for (const [name, file] of Object.entries(chunks)) expect(file).toMatch(new RegExp(`^${name}\\.[\\w-]{8}\\.js$`))
    // Every chunk file named in a built file exists, and none is named by its stable name.
    for (const built of ['consentry.js', chunks['consentry-ui']!]) {
      const code = readFileSync(`dist/${built}`, 'utf8')
      const named = code.match(/consentry-[\w-]+(\.[\w-]{8})?\.js/g) ?? []
      expect(named.length, built).toBeGreaterThan(0)
      for (const file of named) expect(Object.values(chunks), `${built} loads ${file}`).toContain(file)
    }
    expect(readFileSync('dist/consentry.js', 'utf8')).toContain(chunks['consentry-ui'])
    expect(readFileSync('dist/consentry.js', 'utf8')).toContain(chunks['consentry-receipts'])
  })
})
