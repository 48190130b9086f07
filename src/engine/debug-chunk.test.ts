// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createJourneykit } from './create.js'

// The debug chunk cannot load (offline, a 404, a CSP that blocks it).
vi.mock('../debug/log.js', () => {
  throw new Error('Failed to fetch dynamically imported module: debug.js')
})

const unhandled: unknown[] = []
const record = (reason: unknown) => void unhandled.push(reason)
beforeEach(() => {
  unhandled.length = 0
  process.on('unhandledRejection', record)
})
afterEach(() => {
  process.off('unhandledRejection', record)
})

describe('debug mode without its chunk', () => {
  it('reports the failed load once, leaves no unhandled rejection, and the rules still run', async () => {
    const batches: Array<{ batch: Array<Record<string, unknown>> }> = []
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      batches.push(JSON.parse(String(init.body)))
      return new Response('{}')
    })
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const config = { version: 1 as const, rules: [{ id: 'echo', on: 'go', track: 'went' }] }
    const jk = createJourneykit({ page: false, debug: true, collector: 'https://collect.test/v1/batch', config })
    for (let i = 0; i < 3; i++) jk.track('go') // three evaluations
    await jk.ready
    await jk.flush()
    // Unhandled rejections are reported after the microtask queue drains: give them time.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(unhandled).toEqual([])
    expect(batches.flatMap((b) => b.batch).filter((e) => e.event === 'went')).toHaveLength(3)
    const reported = errors.mock.calls.map((call) => call.map(String).join(' '))
    expect(reported.filter((text) => text.includes('debug'))).toHaveLength(1)
  })
})
