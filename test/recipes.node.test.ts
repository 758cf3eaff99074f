// The examples and recipes of docs/npm.md are the files the browser tests render: the docs quote
// each of them whole (but its opening comment), with the import of the types renamed to the package.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const RECIPES = new URL('./support/recipes/', import.meta.url)
const docs = readFileSync(new URL('../docs/npm.md', import.meta.url), 'utf8')
const blocks = [...docs.matchAll(/^```\w*\n([\s\S]*?)^```$/gm)].map((match) => match[1])

/** A recipe file as the docs quote it. */
const quoted = (file: string) => {
  const lines = readFileSync(new URL(file, RECIPES), 'utf8').split('\n')
  while (lines[0]?.startsWith('//')) lines.shift()
  return lines.join('\n').replaceAll("'../../../src/index'", "'consentry'")
}

// consent.ts stands in for the app's own module, which the docs show in a line.
const files = readdirSync(RECIPES).filter((file) => file != 'consent.ts')

describe('docs/npm.md', () => {
  it('quotes every example and recipe', () => {
    expect(files.sort()).toEqual(['preact-store.tsx', 'react-ssr.ts', 'react-store.ts', 'vue-ssr.ts', 'vue-store.ts'])
  })

  it.each(files)('quotes %s unchanged', (file) => {
    expect(blocks).toContain(quoted(file))
  })
})
