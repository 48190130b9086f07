import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadChunk } from './load-chunk.js'

afterEach(() => vi.restoreAllMocks())

describe('loadChunk', () => {
  it('resolves with the chunk when it loads, and reports nothing', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(await loadChunk('journeys', async () => ({ start: 1 }))).toEqual({ start: 1 })
    expect(errors).not.toHaveBeenCalled()
  })

  it('names the feature that is off and the browser reason (which names the file), and resolves to null', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const failed = new TypeError('Failed to fetch dynamically imported module: https://cdn.example/journeykit/journeys.js')
    expect(await loadChunk('journeys', () => Promise.reject(failed))).toBeNull()
    expect(errors.mock.calls).toEqual([['journeykit.journeys: Failed to fetch dynamically imported module: https://cdn.example/journeykit/journeys.js']])
  })
})
