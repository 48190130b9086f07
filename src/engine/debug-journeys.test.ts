// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Config } from '../config/types.js'
import { createJourneykit } from './create.js'

const config: Config = {
  version: 1,
  journeys: { rescue: { entry: { on: 'add_to_cart' }, steps: [{ id: 'hello', track: 'rescue_started' }] } },
}

const unhandled: unknown[] = []
const record = (reason: unknown) => void unhandled.push(reason)

afterEach(() => {
  process.off('unhandledRejection', record)
  unhandled.length = 0
})

/** Runs one journey step with debug on; resolves with the events it sent (the log may come later). */
async function stepWithDebug() {
  vi.stubGlobal('fetch', async () => new Response('{}'))
  const jk = createJourneykit({ page: false, debug: true, collector: 'https://collect.test/v1/batch', config })
  const events: string[] = []
  jk.on('*', (message) => events.push(message.event ?? message.type))
  jk.track('add_to_cart')
  await jk.flush()
  return events
}

describe('debug mode logs journey decisions', () => {
  it('logs each call that moved a journey as one collapsed group, the step in it', async () => {
    const groups = vi.spyOn(console, 'groupCollapsed').mockImplementation(() => undefined)
    const logs = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    vi.spyOn(console, 'groupEnd').mockImplementation(() => undefined)
    await stepWithDebug()
    // The log waits on the debug chunk's import.
    await vi.waitFor(() => expect(groups.mock.calls.map(([title]) => title)).toContain('journeykit: add_to_cart — journeys'), { timeout: 10_000 })
    const lines = logs.mock.calls.map(([line]) => line)
    expect(lines).toEqual(
      expect.arrayContaining(['+ rescue entered: run 1', '→ rescue hello: track', '  track rescue_started', '■ rescue run 1 ended: completed']),
    )
  })

  it('a log that throws does not reach the page: the journey still acts, no rejection is left', async () => {
    process.on('unhandledRejection', record)
    const groups = vi.spyOn(console, 'groupCollapsed').mockImplementation(() => {
      throw new Error('console is broken')
    })
    expect(await stepWithDebug()).toEqual(['add_to_cart', 'journey_entered', 'journey_step', 'rescue_started', 'journey_exited'])
    await vi.waitFor(() => expect(groups).toHaveBeenCalledWith('journeykit: add_to_cart — journeys'), { timeout: 10_000 })
    // A rejection left behind would be reported within a turn of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(unhandled).toEqual([])
  })
})
