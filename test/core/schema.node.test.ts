import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import schema from '../../consentry.schema.json' with { type: 'json' }
import { parseConfig } from '../../src/core/config'
import { invalidConfigs, validConfigs } from '../support/config-tables'

// Checks JSON Schema cannot express: a /regex/ cookie pattern must also compile.
const VALIDATOR_ONLY = ['a broken regular expression']

describe('consentry.schema.json', () => {
  const validate = new Ajv({ allErrors: true }).compile(schema)
  const accepts = (input: unknown) => {
    try {
      parseConfig(input)
      return true
    } catch {
      return false
    }
  }

  it('is a valid JSON Schema that compiles', () => {
    expect(typeof validate).toBe('function')
  })

  it.each([
    ...validConfigs,
    ...invalidConfigs.filter(([name]) => !VALIDATOR_ONLY.includes(name)).map(([name, input]) => [name, input] as const),
  ])('agrees with parseConfig on %s', (_, input) => {
    expect(validate(input)).toBe(accepts(input))
  })

  it('accepts what the validator alone rejects only where JSON Schema cannot tell', () => {
    const [, input] = invalidConfigs.find(([name]) => name == VALIDATOR_ONLY[0])!
    expect(validate(input)).toBe(true)
    expect(accepts(input)).toBe(false)
  })
})
