import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
// @ts-expect-error plain .mjs example without types
import { startStore } from './serve.mjs'

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)))
let close: (() => Promise<unknown>) | undefined
afterEach(async () => {
  await close?.()
  close = undefined
})

describe('npm start', () => {
  it('serves the demo store sending to the collector it started, on whatever port (COLLECTOR_PORT)', async () => {
    const store = await startStore({ root, port: 0, collectorPort: 0, file: join(mkdtempSync(join(tmpdir(), 'jk-store-')), 'events.ndjson') })
    close = store.close
    expect(store.collector.url).not.toContain(':8787')
    const config = await (await fetch(`${store.site.url}/examples/store/journeykit.json`)).json()
    expect(config.collector.url).toBe(store.collector.batchUrl)
    // visitors subscribe with the key the collector sends with (made on its first start)
    expect(store.collector.vapidPublicKey).toMatch(/^B[\w-]{86}$/)
    expect(config.push.vapidPublicKey).toBe(store.collector.vapidPublicKey)
    expect(config.items.welcome.title).toBe('Welcome to Linen & Co.') // the rest of the config as written
    // The pages' one tag: the config built with `journeykit build --site`, sealed inside journeykit.js.
    const script = await fetch(`${store.site.url}/examples/store/journeykit/journeykit.js`)
    expect(script.headers.get('cache-control')).toBe('no-cache')
    const text = await script.text()
    expect(text).toContain(store.collector.batchUrl)
    expect(text).toContain('"$sealed"')
    const chunk = store.built().files.find((name: string) => name.startsWith('ui.'))
    const ui = await fetch(`${store.site.url}/examples/store/journeykit/${chunk}`)
    expect(ui.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(text).toContain(`"./${chunk}"`)
    for (const path of ['/examples/store/', '/examples/store/cart.html']) {
      const page = await (await fetch(`${store.site.url}${path}`)).text()
      expect(page).toContain('<script async src="/examples/store/journeykit/journeykit.js"></script>')
      expect(page).not.toContain('data-config')
      expect(page).toContain(`href="${store.collector.url}/"`)
      expect(page).not.toContain('8787')
    }
  })
})
