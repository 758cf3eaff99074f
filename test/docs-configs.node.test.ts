// Every config the docs show is one the validator accepts: no example names a key, or takes a
// value, that does not exist.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../src/core/config'
import schema from '../consentry.schema.json'

const TOP_LEVEL = new Set(Object.keys(schema.properties))
const files = [
  'README.md',
  ...readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
]

/** A JSON text that is a config, or part of one at the top level. */
const asConfig = (text: string): Record<string, unknown> | undefined => {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    // Elided (…) or annotated: not meant to be copied whole.
    return undefined
  }
  if (!value || typeof value != 'object' || Array.isArray(value)) return undefined
  return Object.keys(value).every((key) => TOP_LEVEL.has(key)) ? (value as Record<string, unknown>) : undefined
}

/** The JSON blocks of the docs, and the inline configs of their HTML blocks, that are configs. */
const examples = files.flatMap((file) => {
  const text = readFileSync(file, 'utf8')
  const json = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map(([, block]) => block!)
  const inline = [...text.matchAll(/<script type="application\/json" id="consentry-config">([\s\S]*?)<\/script>/g)].map(
    ([, block]) => block!,
  )
  return [...json, ...inline].flatMap((block, i) => {
    const config = asConfig(block)
    return config ? [{ where: `${file}, example ${i + 1}`, config }] : []
  })
})

describe('the configs shown in the docs', () => {
  it('are found in numbers', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10)
  })

  it.each(examples.map(({ where, config }) => [where, config] as const))('%s is valid', (_, config) => {
    const whole = {
      revision: 1,
      categories: { essential: { required: true }, analytics: {}, marketing: {} },
      ...config,
    }
    expect(() => parseConfig(whole)).not.toThrow()
  })
})
