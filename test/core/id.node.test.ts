import { describe, expect, it } from 'vitest'
import { uuid } from '../../src/core/id'

describe('uuid', () => {
  it('makes random version 4 UUIDs with the RFC 9562 variant', () => {
    const ids = Array.from({ length: 2000 }, uuid)
    for (const id of ids) expect(id).toMatch(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/)
    expect(new Set(ids).size).toBe(ids.length)
    // Every hex digit outside the fixed bits takes every value across many ids.
    const third = new Set(ids.map((id) => id[15]))
    expect(third.size).toBe(16)
  })
})
