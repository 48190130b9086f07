// A denial's erasing and the end of the push subscription, on fake-indexeddb and a stand-in
// service worker container; Chromium remains the proof (examples/e2e/push.spec.ts).
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { IDBFactory } from 'fake-indexeddb'
import { writeSettings, readSettings } from './push-settings.js'
import { denyEverywhere } from './consent.js'
import { eraseStoredData } from './erase.js'

const settings = { collector: null, allowedOrigins: [], vapidPublicKey: 'k', anonymousId: 'a-1', userId: null }

/** One registration at `scope` holding one subscription; says which scopes were asked for. */
function serviceWorkers(scope: string) {
  const asked: string[] = []
  const unsubscribe = vi.fn(async () => true)
  const registration = { pushManager: { getSubscription: async () => ({ unsubscribe }) } }
  vi.stubGlobal('navigator', {
    serviceWorker: { getRegistration: async (url: string) => (asked.push(url), url === scope ? registration : undefined) },
  })
  return { asked, unsubscribe }
}

beforeEach(() => vi.stubGlobal('indexedDB', new IDBFactory()))

describe('a denial', () => {
  it('erases the worker settings and hands back the scope they named, once', async () => {
    await writeSettings({ ...settings, scope: 'https://shop.example/e2e/' })
    expect(await eraseStoredData()).toBe('https://shop.example/e2e/')
    expect(await readSettings()).toBeUndefined()
    expect(await eraseStoredData()).toBeUndefined() // a second tab's denial finds nothing to end
  })

  it('ends the subscription of the registration the settings named', async () => {
    const workers = serviceWorkers('https://shop.example/e2e/')
    await writeSettings({ ...settings, scope: 'https://shop.example/e2e/' })
    await denyEverywhere()
    expect(workers.asked).toEqual(['https://shop.example/e2e/'])
    expect(workers.unsubscribe).toHaveBeenCalledTimes(1)
    await denyEverywhere() // another tab heard it and denies too: nothing left to end
    expect(workers.unsubscribe).toHaveBeenCalledTimes(1)
  })

  it('asks no registration when push was never registered here, and never rejects', async () => {
    const workers = serviceWorkers('https://shop.example/')
    await expect(denyEverywhere()).resolves.toBeUndefined()
    expect(workers.asked).toEqual([])
    await writeSettings({ ...settings, scope: 'https://shop.example/' })
    workers.unsubscribe.mockRejectedValueOnce(new Error('push service unreachable'))
    await expect(denyEverywhere()).resolves.toBeUndefined()
  })
})
