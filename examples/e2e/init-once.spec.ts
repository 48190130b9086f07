import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { test, expect, collectConsole } from './fixtures.js'

/**
 * One instance a page, in Chromium, under what React's StrictMode does to an effect in
 * development: mount (the effect runs), unmount (its cleanup), mount again (the effect runs
 * again), each render building a new options object. React is not among the dev dependencies,
 * so the page does those three steps itself, in that order and synchronously, as React does on
 * a first mount; the app is bundled by esbuild with splitting on, as an app's bundler would.
 */
const app = (collector: string) => `
  import { init } from 'journeykit'
  const options = () => ({
    collector: ${JSON.stringify(collector)},
    config: {
      version: 1,
      items: { hello: { kind: 'focus', style: 'modal', title: 'Hello once' } },
      rules: [{ id: 'hello-on-view', on: 'page_view', show: 'hello' }],
    },
  })
  // The component's effect, and its cleanup: journeykit lives as long as the page, nothing to undo.
  const effect = () => {
    window.handles = [...(window.handles ?? []), init(options())]
    return () => undefined
  }
  const cleanup = effect() // mount
  cleanup() // StrictMode's unmount
  effect() // StrictMode's mount again
  window.jk = window.handles[0]
  window.init = init
`

test('init() twice, as StrictMode runs an effect: one runtime, one modal, each event once at the collector', async ({ page, site }) => {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  const bundle = await build({
    stdin: { contents: app(site.collector.batchUrl), resolveDir: root, sourcefile: 'strict.js' },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    write: false,
    outdir: `${root}/strict`,
  })
  for (const file of bundle.outputFiles)
    site.setPage(`/e2e/strict/${file.path.slice(file.path.lastIndexOf('/') + 1)}`, { type: 'text/javascript', body: file.text })
  site.setPage('/e2e/strict/index.html', {
    body: '<!doctype html><title>strict</title><script type="module" src="./stdin.js"></script>',
  })
  const warnings = collectConsole(page, 'warning')
  const errors = collectConsole(page)
  const pageErrors: Error[] = []
  page.on('pageerror', (err) => pageErrors.push(err))

  await page.goto(`${site.origin}/e2e/strict/index.html`)
  await page.waitForFunction(() => (window as any).jk, undefined, { timeout: 10_000 })
  expect(await page.evaluate(() => (window as any).handles.length)).toBe(2)
  expect(await page.evaluate(() => (window as any).handles[0] === (window as any).handles[1])).toBe(true)

  await expect(page.getByRole('dialog', { name: 'Hello once' })).toBeVisible({ timeout: 10_000 })
  // A component's call on the handle (the modal covers the page: no button to click).
  await page.evaluate(() => (window as any).jk.track('signup', { plan: 'pro' }))
  // Awaiting the handle gives the runtime, which then flushes what was sent.
  await page.evaluate(async () => (await (window as any).jk).flush())
  await expect.poll(() => site.collector.events().map((e) => e.event ?? e.type), { timeout: 10_000 }).toEqual(['visit_start', 'page', 'item_shown', 'signup'])
  await expect(page.locator('[data-journeykit-item]')).toHaveCount(1)
  await expect(page.getByRole('dialog')).toHaveCount(1)

  // Other options later: the same runtime, and a warning naming what was ignored (the
  // init-again chunk, loaded only then).
  expect(warnings).toEqual([])
  expect(
    await page.evaluate((url) => (window as any).init({ collector: url, config: '/elsewhere.json' }) === (window as any).jk, site.collector.batchUrl),
  ).toBe(true)
  await expect
    .poll(() => warnings, { timeout: 10_000 })
    .toEqual(["journeykit.init: already started; this call's options that differ from the first call's are ignored: config"])
  await expect(page.locator('[data-journeykit-item]')).toHaveCount(1)
  expect(errors).toEqual([])
  expect(pageErrors).toEqual([])
})
