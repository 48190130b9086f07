/**
 * The gallery's server (Node): serves the gallery page, its frames, the UI chunk they draw with,
 * the config with its problems (config.json), and tells the page when the file changes
 * (server-sent events, `events`). `npx journeykit preview` runs it on its own; `npm start`
 * mounts its handler at /gallery/ beside the demo store.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { readFileSync, unwatchFile, watchFile } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkConfig } from '../cli.js'
import { jsonSyntaxError } from '../json-error.js'
import type { GallerySnapshot } from './page.js'
import { galleryPage, framePage } from './html.js'

export interface GalleryOptions {
  /** The journeykit.json to draw. */
  file: string
  /** Where the build is (dist/): the UI chunk and the gallery's scripts. Default: beside this file. */
  dist?: string
  /** The path the gallery answers under, ending in "/" (default "/gallery/"). */
  base?: string
}

export interface Gallery {
  /** Answers a request under `base`; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): boolean
  close(): void
}

const types: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', json: 'application/json; charset=utf-8' }

/** The config as the page shows it: its problems with their JSON paths, or why it cannot be read. */
export function snapshotOf(file: string, text: string | null, readError?: string): GallerySnapshot {
  const name = basename(file)
  if (text === null) return { file: name, error: readError ?? 'cannot be read', problems: [], warnings: [] }
  let config: unknown
  const json = text.replace(/^\uFEFF/, '')
  try {
    config = JSON.parse(json)
  } catch (err) {
    const { line, column, reason } = jsonSyntaxError(json, err instanceof Error ? err.message : String(err))
    return { file: name, error: `line ${line}, column ${column}: ${reason}`, problems: [], warnings: [] }
  }
  return { file: name, config: config as GallerySnapshot['config'], ...checkConfig(config) }
}

export function createGallery({ file, dist = resolve(fileURLToPath(import.meta.url), '../..'), base = '/gallery/' }: GalleryOptions): Gallery {
  const listeners = new Set<ServerResponse>()
  // Polling the file's stat: editors that save by replacing the file are seen too (fs.watch loses them).
  const changed = () => listeners.forEach((res) => res.write('event: change\ndata: {}\n\n'))
  watchFile(file, { interval: 250 }, changed)
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { 'Content-Type': types[type] ?? type, 'Cache-Control': 'no-store' })
    res.end(body)
  }

  const answer = async (path: string, req: IncomingMessage, res: ServerResponse) => {
    if (path === '') return send(res, 200, 'html', galleryPage())
    if (path === 'frame.html') return send(res, 200, 'html', framePage())
    if (path === 'config.json') {
      const text = await readFile(file, 'utf8').catch((err: Error) => err)
      return send(res, 200, 'json', JSON.stringify(typeof text === 'string' ? snapshotOf(file, text) : snapshotOf(file, null, text.message)))
    }
    if (path === 'events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
      res.write('retry: 1000\n\n')
      listeners.add(res)
      req.on('close', () => listeners.delete(res))
      return
    }
    // The gallery's scripts, and the runtime's chunks the frames import (ui.js, core.js, …).
    const script = /^(page|frame|shared-[\w-]+)\.js$/.test(path) ? resolve(dist, 'gallery', path) : /^dist\/([\w-]+\.js)$/.exec(path)?.[1]
    const found = script && (await readFile(script.includes('/') ? script : resolve(dist, script)).catch(() => null))
    if (found) return send(res, 200, 'js', found)
    send(res, 404, 'text/plain; charset=utf-8', 'not found\n')
  }

  return {
    handle(req, res) {
      const { pathname } = new URL(req.url ?? '/', 'http://gallery')
      if (pathname === base.slice(0, -1)) {
        res.writeHead(301, { Location: base })
        res.end()
        return true
      }
      if (!pathname.startsWith(base) || req.method !== 'GET') return false
      answer(pathname.slice(base.length), req, res).catch((err: unknown) => send(res, 500, 'text/plain; charset=utf-8', `${String(err)}\n`))
      return true
    },
    close() {
      unwatchFile(file, changed)
      listeners.forEach((res) => res.end())
    },
  }
}

/** `npx journeykit preview journeykit.json [--port N]`: the gallery on its own server. */
export async function startGallery(options: GalleryOptions & { port?: number; host?: string }): Promise<{ url: string; close(): Promise<void> }> {
  readFileSync(options.file) // a missing file is said at once, not in the page
  const gallery = createGallery(options)
  const server = createServer((req, res) => {
    if (!gallery.handle(req, res)) {
      res.writeHead(302, { Location: '/gallery/' })
      res.end()
    }
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, host, done)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  return {
    url: `http://${host}:${port}/gallery/`,
    close: () => {
      gallery.close()
      server.closeAllConnections()
      return new Promise((done) => server.close(() => done()))
    },
  }
}
