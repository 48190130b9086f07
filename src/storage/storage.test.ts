// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { createStorage } from './storage.js'

describe('createStorage', () => {
  it('keeps state in memory while not durable, and never touches IndexedDB', async () => {
    let opened = false
    const original = globalThis.indexedDB
    Object.defineProperty(globalThis, 'indexedDB', {
      configurable: true,
      get: () => {
        opened = true
        return original
      },
    })
    try {
      const storage = createStorage(false)
      await storage.update<number>('jk:v1:n', (n) => (n ?? 0) + 1)
      await storage.update<number>('jk:v1:n', (n) => (n ?? 0) + 1)
      expect(await storage.read<number>('jk:v1:n')).toBe(2)
      expect(opened).toBe(false)
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', { configurable: true, value: original })
    }
  })

  it('works in memory when IndexedDB is missing, even once durable', async () => {
    const original = globalThis.indexedDB
    Object.defineProperty(globalThis, 'indexedDB', { configurable: true, value: undefined })
    try {
      const storage = createStorage(true)
      await storage.update<number>('jk:v1:n', (n) => (n ?? 0) + 1)
      await storage.update<number>('jk:v1:n', (n) => (n ?? 0) + 1)
      expect(await storage.read<number>('jk:v1:n')).toBe(2)
      await storage.erase(['jk:v1:n'])
      expect(await storage.read<number>('jk:v1:n')).toBeUndefined()
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', { configurable: true, value: original })
    }
  })
})
