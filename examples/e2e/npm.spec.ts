import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
// @ts-expect-error plain .mjs script without types
import { appBundleOptions, mainChunkOnly } from '../../scripts/app-bundle.mjs'
import { test, expect } from './fixtures.js'

/**
 * examples/npm/index.html's import map (how a page without a bundler resolves the bare names),
 * after its process.env.NODE_ENV for nanostores (what a bundler would replace).
 */
const exampleHtml = readFileSync(new URL('../npm/index.html', import.meta.url), 'utf8')
const importMap = [/<script>\s*globalThis\.process[\s\S]*?<\/script>/, /<script type="importmap">[\s\S]*?<\/script>/]
  .map((part) => part.exec(exampleHtml)![0])
  .join('')

test('npm mode: init() tracks, and a rule on a tracked event shows its item', async ({ page, site }) => {
  const pageErrors: Error[] = []
  page.on('pageerror', (err) => pageErrors.push(err))
  await page.goto(`${site.origin}/examples/npm/index.html?collector=${encodeURIComponent(site.collector.batchUrl)}`)
  await page.waitForFunction(() => (window as any).jk)
  expect(await page.evaluate(() => 'journeykit' in window)).toBe(false) // init() adds no globals
  await page.click('#signup')
  const dialog = page.locator('[data-journeykit-item="hello"]').getByRole('dialog', { name: 'Hello from npm' })
  await expect(dialog).toBeVisible()
  await page.evaluate(() => (window as any).jk.flush())
  const events = site.collector.events()
  expect(events.map((e) => e.event ?? e.type)).toEqual(['visit_start', 'page', 'signup', 'item_shown'])
  expect(events[2]!.properties).toEqual({ plan: 'pro' })
  expect(events[3]!.properties).toEqual({ item: 'hello', rule: 'hello-on-signup', variant: null })
  expect(pageErrors).toEqual([])
})

test('npm mode: a Preact component with useStore($segments) welcomes the visitor back when they enter the segment', async ({ page, site }) => {
  const pageErrors: Error[] = []
  page.on('pageerror', (err) => pageErrors.push(err))
  await page.clock.install({ time: new Date('2026-11-26T09:00:00Z') })
  await page.goto(`${site.origin}/examples/npm/index.html?collector=${encodeURIComponent(site.collector.batchUrl)}`)
  await page.waitForFunction(() => (window as any).jk)
  const welcome = page.locator('#welcome')
  await expect(welcome).toHaveText('Welcome! First time here? Have a look around.')

  // Half an hour away, then a page view on the same page (as an SPA's navigation): visit 2.
  await page.clock.fastForward('31:00')
  await page.evaluate(() => (window as any).jk.page())
  await expect(welcome).toHaveText('Welcome back! Good to see you again.')
  await page.evaluate(() => (window as any).jk.flush())
  const entered = site.collector.events().filter((e) => e.event === 'segment_entered')
  expect(entered.map((e) => [e.properties, e.context.journey])).toEqual([[{ segment: 'returning' }, { stage: 'awareness', visit: 2, segments: ['returning'] }]])
  expect(pageErrors).toEqual([])
})

test('npm mode: importing the package touches no window (SSR-safe)', async () => {
  // Node has no window, document or navigator: importing must not throw, and init() must
  // resolve to a harmless object there.
  const errors: string[] = []
  const original = console.error
  console.error = (text: string) => errors.push(text)
  try {
    const entry = '../../dist/npm/index.js' // the built file, as npm consumers get it
    const module = await import(entry)
    expect(typeof module.init).toBe('function')
    const stores = await import('../../dist/npm/stores.js' as string)
    expect(stores.$segments.get()).toEqual([]) // the stores read fine on a server, before init()
    const jk = await module.init({ config: { version: 1 } })
    expect(() => jk.track('x')).not.toThrow()
    await expect(jk.flush()).resolves.toBeUndefined()
  } finally {
    console.error = original
  }
  expect(errors).toEqual(['journeykit.init: needs a browser; on the server call init() from client-side code only'])
})

test('npm mode: init() with a config URL and debug: true', async ({ page, site }) => {
  const logs: string[] = []
  page.on('console', (message) => logs.push(message.text()))
  site.setPage('/e2e/npm-config.json', {
    type: 'application/json',
    body: JSON.stringify({
      version: 1,
      items: { hi: { kind: 'focus', style: 'bar', title: 'From a URL' } },
      rules: [{ id: 'hi', on: 'page_view', show: 'hi' }],
    }),
  })
  site.setPage('/e2e/npm-url.html', {
    body: `<!doctype html><title>npm url</title>${importMap}<script type="module">
      import { init } from 'journeykit'
      window.jk = await init({ config: '/e2e/npm-config.json', collector: ${JSON.stringify(site.collector.batchUrl)}, debug: true })
    </script>`,
  })
  await page.goto(`${site.origin}/e2e/npm-url.html`)
  await expect(page.locator('[data-journeykit-item="hi"]').getByRole('region', { name: 'From a URL' })).toBeVisible()
  await expect.poll(() => logs.some((text) => text.startsWith('journeykit: page_view — 1 rule(s)'))).toBe(true)
})

test('npm mode, bundled by an app: one Preact for the app and the items, lazy chunks stay lazy', async ({ page, site }) => {
  // An app that uses Preact itself, bundled by esbuild with code splitting as apps are. Its
  // options.vnode hook sees every vnode of *its* Preact: if journeykit's items render with
  // that same Preact, the hook sees them too; with a second, inlined Preact it never does.
  const app = `
    import { options } from 'preact'
    import { init } from 'journeykit'
    window.itemVnodes = 0
    const previous = options.vnode
    options.vnode = (vnode) => {
      if (vnode.props && vnode.props.role === 'dialog') window.itemVnodes++
      previous?.(vnode)
    }
    window.jk = await init({
      collector: ${JSON.stringify(site.collector.batchUrl)},
      config: {
        version: 1,
        items: { hello: { kind: 'focus', style: 'modal', title: 'Hello from a bundle' } },
        rules: [{ id: 'hello-on-signup', on: 'signup', show: 'hello' }],
      },
    })`
  const root = fileURLToPath(new URL('../..', import.meta.url))
  const bundle = await build({
    stdin: { contents: app, resolveDir: root, sourcefile: 'app.js' },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    write: false,
    outdir: `${root}/bundled`,
    metafile: true,
  })
  for (const file of bundle.outputFiles)
    site.setPage(`/e2e/bundled/${file.path.slice(file.path.lastIndexOf('/') + 1)}`, { type: 'text/javascript', body: file.text })
  site.setPage('/e2e/bundled/index.html', { body: '<!doctype html><title>bundled</title><script type="module" src="./stdin.js"></script>' })
  // Preact comes into the bundle from node_modules once, as the app's own dependency.
  const preactInputs = Object.keys(bundle.metafile.inputs).filter((input) => input.includes('preact'))
  expect(preactInputs.every((input) => input.startsWith('node_modules/preact/'))).toBe(true)

  const scripts: string[] = []
  page.on('request', (request) => scripts.push(new URL(request.url()).pathname))
  await page.goto(`${site.origin}/e2e/bundled/index.html`)
  await page.waitForFunction(() => (window as any).jk)
  const chunksBeforeShow = new Set(scripts)
  await page.evaluate(() => (window as any).jk.track('signup'))
  await expect(page.locator('[data-journeykit-item="hello"]').getByRole('dialog', { name: 'Hello from a bundle' })).toBeVisible()
  expect(await page.evaluate(() => (window as any).itemVnodes)).toBeGreaterThan(0)
  // The item view came in a chunk the app fetched only on the first show.
  expect(scripts.filter((path) => !chunksBeforeShow.has(path) && path.endsWith('.js')).length).toBeGreaterThan(0)
})

test('npm mode, bundled by an app: the main chunk for init alone holds no validator messages, explainer, UI, push, Preact, workbox or stores', async () => {
  // The shape size-limit.json budgets: examples/npm/app.js through esbuild with splitting on,
  // then the entry chunk and the chunks it imports statically. The config validator is in it:
  // init() validates the config before anything can be decided (as the script tag's start chunk).
  const bundle = await build({ ...appBundleOptions, write: false, plugins: [mainChunkOnly] })
  const inputs = Object.values(bundle.metafile!.outputs).flatMap((output) => Object.keys(output.inputs))
  expect(inputs).toContain('dist/npm/api/init.js')
  expect(inputs).toContain('dist/npm/config/accept.js')
  expect(inputs).toContain('dist/npm/stores/feed.js')
  const lazy = [
    'dist/npm/validate/messages.js',
    'dist/npm/tools/explain/rules.js',
    'dist/npm/ui/',
    'dist/npm/push/index.js',
    'node_modules/preact/',
    'node_modules/workbox-window/',
    // The stores and nanostores come only with an import of $stage, $segments, $journeys or $consent.
    'dist/npm/stores/stores.js',
    'node_modules/nanostores/',
  ]
  expect(inputs.filter((input) => lazy.some((part) => input.startsWith(part)))).toEqual([])
  // Two files: the app's own chunk, and the one shared with the lazy chunks (dist/npm/shared.js,
  // the start path's helpers they use too) — not a chunk for each such helper.
  expect(Object.keys(bundle.metafile!.outputs)).toHaveLength(2)
})

test('script tag: data-debug logs the decisions', async ({ page, site }) => {
  const logs: string[] = []
  page.on('console', (message) => logs.push(message.text()))
  const url = await site.serve(page, { config: { version: 1, rules: [{ id: 'seen', on: 'page_view', track: 'seen' }] }, attributes: 'data-debug' })
  await page.goto(url)
  await expect.poll(() => logs.some((text) => text.startsWith('✔ seen'))).toBe(true)
})
