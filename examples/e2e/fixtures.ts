import { test as base, expect, type Page } from '@playwright/test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
// @ts-expect-error plain .mjs example without types
import { startCollector } from '../collector/server.mjs'
// @ts-expect-error plain .mjs example without types
import { startStaticServer } from '../static-server.mjs'
// @ts-expect-error the built CLI, plain JS without types: what `npx journeykit build` runs
import { runCli } from '../../dist/cli.js'

export { expect }

export interface CollectorHandle {
  url: string
  batchUrl: string
  events(): Array<Record<string, any>>
  batches(): Array<Record<string, any>>
  requests(): Array<{ method: string; path: string; contentType: string; status: number }>
  clear(): void
  failNext(status: number, count?: number, headers?: Record<string, string>, when?: (envelope: Record<string, any>) => boolean): void
  rejectEvents(predicate: ((event: Record<string, any>) => boolean) | null): void
  delay(ms: number): void
  close(): Promise<void>
}

export interface TestPage {
  /** Path of the page, served from the static server's origin. */
  path?: string
  /** The config served at `${path}.json`; `null` answers 404; a string is served as is. */
  config?: object | string | null
  /** Extra attributes on the loader tag, e.g. `data-consent="pending"`. */
  attributes?: string
  /** Use `data-collector` pointing at the test collector (default true). */
  collector?: boolean
  /** Put the queue stub before the loader and run this inline script first. */
  before?: string
  body?: string
  title?: string
  /** Content-Security-Policy header for the page. */
  csp?: string
  /** Extra response headers for the page and its config. */
  headers?: Record<string, string>
  /** Loader URL (default the built one). */
  loader?: string
}

export interface Site {
  origin: string
  collector: CollectorHandle
  /** Serves any response body at `path` from the test's static server. */
  setPage: StaticServer['setPage']
  /** Serves a page with the loader tag and returns its URL. */
  serve(page: Page, options?: TestPage): Promise<string>
  /**
   * Flushes from the page, then waits until the collector has events matching `predicate`.
   * `timeout` (default 10 s) bounds the wait: give slow work a generous one, CI machines are
   * slower and busier. `flush: false` leaves sending to the runtime alone (proves it recovers
   * by itself, e.g. when the network comes back).
   */
  waitForEvents(page: Page, predicate: (events: Array<Record<string, any>>) => boolean, options?: WaitOptions): Promise<Array<Record<string, any>>>
}

export interface WaitOptions {
  timeout?: number
  flush?: boolean
}

const root = fileURLToPath(new URL('../..', import.meta.url))

interface StaticServer {
  url: string
  setPage(path: string, page: { body: string; status?: number; type?: string; headers?: Record<string, string> }): void
  clearPages(): void
  close(): Promise<void>
}

export const test = base.extend<{ site: Site }, { servers: { origin: string; collector: CollectorHandle; server: StaticServer } }>({
  servers: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'jk-e2e-'))
      const collector: CollectorHandle = await startCollector({ port: 0, file: join(dir, 'events.ndjson') })
      const server = await startStaticServer({ root, port: 0 })
      await use({ origin: server.url, collector, server })
      await server.close()
      await collector.close()
    },
    { scope: 'worker' },
  ],
  site: async ({ servers }, use) => {
    servers.collector.clear()
    servers.server.clearPages()
    let counter = 0
    const site: Site = {
      origin: servers.origin,
      collector: servers.collector,
      setPage: (path, page) => servers.server.setPage(path, page),
      async serve(_page, options = {}) {
        const path = options.path ?? `/e2e/page-${++counter}.html`
        const configPath = `${path.replace(/\.html$/, '')}.json`
        const attrs = [
          options.config !== undefined ? `data-config="${configPath}"` : '',
          options.collector === false ? '' : `data-collector="${servers.collector.batchUrl}"`,
          options.attributes ?? '',
        ].join(' ')
        const html = `<!doctype html><html><head><meta charset="utf-8"><title>${options.title ?? 'journeykit test'}</title>
${options.before !== undefined ? `<script>window.journeykit = window.journeykit || [];${options.before}</script>` : ''}
<script async src="${options.loader ?? '/dist/loader.js'}" ${attrs}></script></head>
<body>${options.body ?? '<h1>Test page</h1><button id="own">own button</button>'}</body></html>`
        const headers: Record<string, string> = { ...options.headers, ...(options.csp ? { 'Content-Security-Policy': options.csp } : {}) }
        servers.server.setPage(path, { body: html, headers })
        if (options.config === null) servers.server.setPage(configPath, { status: 404, type: 'text/plain', body: 'not found' })
        else if (options.config !== undefined) {
          const body = typeof options.config === 'string' ? options.config : JSON.stringify(options.config)
          servers.server.setPage(configPath, { type: 'application/json', body, headers: options.headers })
        }
        return `${servers.origin}${path}`
      },
      async waitForEvents(page, predicate, { timeout = 20_000, flush = true } = {}) {
        let events: Array<Record<string, any>> = []
        await expect
          .poll(
            async () => {
              if (flush) await page.evaluate(() => (window as any).journeykit?.flush?.()).catch(() => undefined)
              events = servers.collector.events()
              return predicate(events)
            },
            { timeout },
          )
          .toBe(true)
        return events
      },
    }
    await use(site)
  },
})

/** Waits until the runtime replaced the queue stub. */
export async function runtimeReady(page: Page): Promise<void> {
  await page.waitForFunction(() => typeof (window as any).journeykit?.ready?.then === 'function')
  await page.evaluate(() => (window as any).journeykit.ready)
}

/** The first download of a `dist/` chunk fails as it would offline; later ones go through. Returns how many were asked for. */
export async function failFirstDownload(page: Page, chunk: string): Promise<() => number> {
  let requests = 0
  await page.route(`**/dist/${chunk}`, async (route) => {
    if (++requests === 1) return route.abort('internetdisconnected')
    await route.continue()
  })
  return () => requests
}

/** Console messages of one kind, collected from the moment this is called. */
export function collectConsole(page: Page, type: 'error' | 'warning' = 'error'): string[] {
  const messages: string[] = []
  page.on('console', (message) => {
    if (message.type() === type) messages.push(message.text())
  })
  return messages
}

/**
 * `config` as `npx journeykit build --allow-warnings` writes it: with the seal that lets the page
 * skip the validator. Warnings do not stop it: a spec may seal a config that has some on purpose.
 */
export function sealed(config: object): Record<string, unknown> {
  let written = ''
  const { code, output } = runCli(
    ['build', 'journeykit.json', '--allow-warnings'],
    () => JSON.stringify(config),
    (_path: string, text: string) => void (written = text),
  )
  if (code !== 0) throw new Error(`journeykit build refused the config:\n${output}`)
  return JSON.parse(written)
}
