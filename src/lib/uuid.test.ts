import { afterEach, describe, expect, it, vi } from 'vitest'
import { uuid } from './uuid.js'

const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

afterEach(() => vi.restoreAllMocks())

describe('uuid', () => {
  it('is a v4 UUID, different every time', () => {
    const ids = new Set(Array.from({ length: 1000 }, uuid))
    expect(ids.size).toBe(1000)
    for (const id of ids) expect(id).toMatch(v4)
  })

  it('falls back to getRandomValues where randomUUID is refused (insecure context)', () => {
    vi.spyOn(crypto, 'randomUUID').mockImplementation(() => {
      throw new Error('insecure context')
    })
    const ids = new Set(Array.from({ length: 1000 }, uuid))
    expect(ids.size).toBe(1000)
    for (const id of ids) expect(id).toMatch(v4)
    // every random digit takes every value: the variant's four, the others' sixteen
    expect(new Set([...ids].map((id) => id[19])).size).toBe(4)
    expect(new Set([...ids].map((id) => id[0])).size).toBe(16)
    expect(new Set([...ids].map((id) => id[35])).size).toBe(16)
  })
})
