// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createJourneykit } from './create.js'
import type { Batch } from '../delivery/envelope.js'
import type { Config } from '../config/types.js'
import { sealKey, sealOf } from '../config/seal.js'

/** Contract §7 "No loops": what the runtime tracks itself triggers at most 8 levels from one call. */

function stubCollector() {
  const batches: Batch[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      batches.push(JSON.parse(String(init.body)))
      return new Response('{}', { status: 200 })
    }),
  )
  return { events: () => batches.flatMap((b) => b.batch) }
}

// The validator refuses these cycles, but a runtime must not rely on it: sealed (as by an
// older `journeykit build`, or by hand), a page skips the validator.
const sealed = (config: Config): Config => ({ ...config, [sealKey]: sealOf(config as unknown as Record<string, unknown>) }) as Config
const echo = sealed({ version: 1, rules: [{ id: 'echo', on: 'ping', track: 'ping' }] })
const selfEntering = sealed({
  version: 1,
  journeys: { loop: { entry: { on: 'ping' }, reentry: 'after-exit', steps: [{ id: 'again', track: 'ping' }] } },
})
const guardedSelf = sealed({
  version: 1,
  journeys: { guard: { entry: { on: 'start' }, steps: [{ id: 's', on: 'ping', track: 'ping', goto: 's' }] } },
})

let errors: { mock: { calls: unknown[][] }; mockRestore(): void }
beforeEach(() => {
  vi.stubGlobal('BroadcastChannel', undefined)
  errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterEach(() => {
  errors.mockRestore()
  vi.unstubAllGlobals()
})

const loopErrors = () => errors.mock.calls.map((call: unknown[]) => String(call[0])).filter((text: string) => text.includes('→'))

/** A timer that must still fire while the loop runs: the page stays responsive. */
const timerFires = () => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 0))

describe('no config can make the runtime spin (§7)', () => {
  for (const consent of ['granted', 'pending'] as const) {
    it(`a rule that tracks its own trigger stops 8 levels deep (consent ${consent})`, async () => {
      const collector = stubCollector()
      const seen: string[] = []
      const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch', config: echo, consent })
      jk.on('ping', () => seen.push('ping'))
      await jk.ready
      jk.track('ping')
      const done = jk.flush().then(() => 'flushed')
      expect(await Promise.race([done, timerFires()])).toBeTruthy()
      await done
      // the call's own ping and 8 levels of echoes
      expect(seen).toHaveLength(9)
      expect(loopErrors()).toHaveLength(1)
      expect(loopErrors()[0]).toMatch(/^journeykit\.track: .*rules\.echo → ping → rules\.echo → ping/)
      if (consent === 'granted') expect(collector.events().filter((e) => e.event === 'ping')).toHaveLength(9)
    })
  }

  it('a journey whose step tracks its own entry event (reentry after-exit) stops', async () => {
    stubCollector()
    const seen: string[] = []
    const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch', config: selfEntering })
    jk.on('*', (message) => seen.push(String(message.event)))
    await jk.ready
    jk.track('ping')
    await jk.flush()
    expect(seen.filter((event) => event === 'journey_entered').length).toBeLessThanOrEqual(8)
    expect(seen.filter((event) => event === 'ping').length).toBeLessThanOrEqual(9)
    expect(loopErrors().length).toBeGreaterThanOrEqual(1)
    expect(loopErrors()[0]).toMatch(/journeys\.loop/)
  })

  it('a guarded step that tracks its own trigger and goes back to itself stops', async () => {
    stubCollector()
    const seen: string[] = []
    const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch', config: guardedSelf })
    jk.on('ping', () => seen.push('ping'))
    await jk.ready
    jk.track('start')
    jk.track('ping')
    await jk.flush()
    expect(seen.length).toBeGreaterThan(1)
    expect(seen.length).toBeLessThanOrEqual(9)
    expect(loopErrors()[0]).toMatch(/journeys\.guard\.s → (s|ping)/)
  })
})
