import type { Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test, expect, collectConsole } from './fixtures.js'

// Issue 27, contract §2 and §9: `npx journeykit build journeykit.json --site DIR` writes a folder
// to publish; a page with one tag and no data-config makes that one script request before
// `ready`, the lazy chunks load from beside it, and a config change needs only a rebuild.

const bin = fileURLToPath(new URL('../../bin/journeykit.mjs', import.meta.url))

/** Runs the real command line, as a site owner would. */
function build(config: object, folder: string, work: string): string {
  const file = join(work, 'journeykit.json')
  writeFileSync(file, JSON.stringify(config, null, 2))
  return execFileSync(process.execPath, [bin, 'build', file, '--site', folder], { encoding: 'utf8' })
}

/**
 * A tiny static server of the built folder, cached as the README says to publish it:
 * journeykit.js with no-cache, the hashed chunks for a year. `/` is the page with the one tag.
 */
async function serveSite(folder: string): Promise<{ url: string; server: Server }> {
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>built site</title>
<script async src="/js/journeykit.js"></script></head><body><h1>A built site</h1></body></html>`
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
    if (path === '/') return void response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page)
    const name = /^\/js\/([\w.-]+\.js)$/.exec(path)?.[1]
    let body: Buffer
    try {
      body = readFileSync(join(folder, name ?? '.missing'))
    } catch {
      return void response.writeHead(404).end()
    }
    const cache = name === 'journeykit.js' || name === 'journeykit-sw.js' ? 'no-cache' : 'public, max-age=31536000, immutable'
    response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': cache }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`, server }
}

/** Notes, on the page's own clock, when `ready` resolves (the runtime replaces the queue stub). */
async function timeReady(page: Page) {
  await page.addInitScript(() => {
    const w = window as any
    let current: any = w.journeykit
    Object.defineProperty(w, 'journeykit', {
      configurable: true,
      get: () => current,
      set(value) {
        current = value
        if (typeof value?.ready?.then === 'function') value.ready.then(() => (w.readyAt = performance.now()))
      },
    })
  })
}

/** The scripts the page asked for, by name, before `ready` and in all (Resource Timing). */
const scriptsOf = (page: Page) =>
  page.evaluate(() => {
    const readyAt = (window as any).readyAt as number
    const scripts = performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
      .map((entry) => ({ name: new URL(entry.name).pathname.replace('/js/', ''), startTime: entry.startTime }))
    return { beforeReady: scripts.filter((s) => s.startTime < readyAt).map((s) => s.name), all: scripts.map((s) => s.name) }
  })

/** The chunks a build's journeykit.js can reach: those it names, and those they name in turn. */
function reachable(folder: string): string[] {
  const found = new Set<string>()
  const visit = (name: string) => {
    for (const [, next] of readFileSync(join(folder, name), 'utf8').matchAll(/"\.\/([\w.-]+\.js)"/g)) {
      if (found.has(next!)) continue
      found.add(next!)
      visit(next!)
    }
  }
  visit('journeykit.js')
  return [...found]
}

const ready = async (page: Page) => {
  await page.waitForFunction(() => typeof (window as any).readyAt === 'number', undefined, { timeout: 15_000 })
}

const offer = (title: string) => ({ kind: 'focus', style: 'modal', title, body: 'Take 10% off', cta: { label: 'Back to cart', url: '/cart' } })

test('a built site: one script before ready, events at the collector, an item from the chunks beside it; a rebuild serves the new config', async ({
  page,
  site,
}) => {
  test.setTimeout(120_000)
  const work = mkdtempSync(join(tmpdir(), 'jk-site-'))
  const folder = join(work, 'public-js')
  const { url, server } = await serveSite(folder)
  const errors = collectConsole(page)
  try {
    // The common config: a page-view rule that tracks; an item a later event shows.
    const first = {
      version: 1,
      collector: { url: site.collector.batchUrl },
      items: { offer: offer('First offer') },
      rules: [
        { id: 'seen', on: 'page_view', track: 'page_seen' },
        { id: 'offer', on: 'open_offer', show: 'offer' },
      ],
    }
    expect(build(first, folder, work)).toContain('journeykit.js')
    const firstFiles = readdirSync(folder)
    expect(firstFiles).toEqual(expect.arrayContaining(['journeykit.js', 'journeykit-sw.js']))
    // Every other file is a lazy chunk with a content hash in its name.
    expect(firstFiles.filter((name) => !name.startsWith('journeykit')).every((name) => /^[\w-]+\.[\w-]{10}\.js$/.test(name))).toBe(true)

    await timeReady(page)
    await page.goto(url)
    await ready(page)
    const before = await scriptsOf(page)
    expect(before.beforeReady).toEqual(['journeykit.js'])
    await site.waitForEvents(page, (all) => ['page', 'page_seen'].every((kind) => all.some((e) => (e.event ?? e.type) === kind)))
    await page.evaluate(() => (window as any).journeykit.track('open_offer'))
    const dialog = page.locator('[data-journeykit-item="offer"]').getByRole('dialog')
    await expect(dialog).toBeVisible({ timeout: 15_000 })
    await expect(dialog).toContainText('First offer')
    const loaded = (await scriptsOf(page)).all
    expect(loaded.some((name) => name.startsWith('ui.'))).toBe(true)
    expect(loaded.every((name) => firstFiles.includes(name))).toBe(true)

    // The owner changes the config (no page-view rule now, another title) and builds again into
    // the same folder; the old chunks stay for pages still open.
    const second = {
      ...first,
      items: { offer: offer('Second offer') },
      rules: [
        { id: 'offer', on: 'open_offer', show: 'offer' },
        { id: 'opened', on: 'open_offer', track: 'offer_opened' },
      ],
    }
    build(second, folder, work)
    const secondFiles = readdirSync(folder)
    // The chunks the new journeykit.js can reach: all there, some of them new names.
    const named = reachable(folder)
    expect(named.length).toBeGreaterThan(3)
    expect(named.some((name) => !firstFiles.includes(name))).toBe(true)
    expect(named.every((name) => secondFiles.includes(name))).toBe(true)

    site.collector.clear()
    await page.goto(url) // the same browser cache: journeykit.js is revalidated, the chunks are kept
    await ready(page)
    const after = await scriptsOf(page)
    expect(after.beforeReady).toEqual(['journeykit.js'])
    await page.evaluate(() => (window as any).journeykit.track('open_offer'))
    await expect(dialog).toBeVisible({ timeout: 15_000 })
    await expect(dialog).toContainText('Second offer')
    const events = await site.waitForEvents(page, (all) => all.some((e) => e.event === 'offer_opened'))
    expect(events.some((e) => e.event === 'page_seen')).toBe(false)
    // No chunk of the first build ran: every script the page asked for is one the new journeykit.js names.
    const requested = (await scriptsOf(page)).all.filter((name) => name !== 'journeykit.js')
    expect(requested.length).toBeGreaterThan(0)
    expect(requested.every((name) => named.includes(name))).toBe(true)
    expect(errors.filter((text) => text.includes('journeykit'))).toEqual([])
  } finally {
    await new Promise((resolve) => server.close(resolve))
    rmSync(work, { recursive: true, force: true })
  }
})
