/**
 * `npx journeykit studio [journeykit.json]`: the studio's server (Node). It serves the app
 * (dist/studio/app.js) and a small JSON API over the one file it was given: GET /api/file (the
 * text, hash, config and problems), POST /api/save (edits applied to the text as it is on disk,
 * checked, written atomically), GET /api/events (server-sent `change` when the file changes on
 * disk), GET /api/counts (a running collector's per-step counts, with --collector), and the Items
 * view's live preview: preview.html, a frame that draws the draft item with the runtime's own UI
 * chunk (served from dist/ under /runtime/<token>/). It listens on 127.0.0.1 only and answers only requests with its token, its own Host
 * and, when they say one, its own Origin (security.ts). Nothing else on the disk is read or
 * written.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import { unwatchFile, watchFile } from 'node:fs'
import { open, readFile, realpath, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { refusalOf, tokenHeader } from './security.js'
import { hashOf, stateOf } from './state.js'
import { decideSave } from './save.js'
import { studioPage } from './page.js'
import { tryJourney } from './try.js'
import { templates } from './journey-templates.js'
import { fetchBoxCounts } from './counts.js'
import { framePage } from '../gallery/html.js'
import { runtimeFileOf } from './preview-protocol.js'

export interface StudioOptions {
  /** The journeykit.json to edit; it may not exist yet (the first save creates it). */
  file: string
  /** The port on 127.0.0.1 (default: any free one). */
  port?: number
  /** Where the app's files are (app.js, app.css, preview.js): default beside this file, dist/studio/. */
  assets?: string
  /** Where the runtime's chunks are (ui.js, core.js…), for the Items view's preview: default the folder above `assets`, dist/. */
  runtime?: string
  /** The token requests must carry (default: 32 random hex characters, new at each start). */
  token?: string
  /** The site to preview journeys on (`--site`): the Try panel links to `<site>?journeykit_preview=journey:<id>`. */
  site?: string
  /** A running collector whose per-step counts GET /api/counts passes on (counts.ts). */
  collector?: string
}

export interface Studio {
  /** The address to open, token included. */
  url: string
  token: string
  port: number
  close(): Promise<void>
}

/** The largest save request read (a config of 50 journeys is about 100 KB). */
const maxBody = 10 * 1024 * 1024

const headers = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  // The token is in the page's URL: never hand it to another site, and never be framed by one.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data: https: http:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
}
const types: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json; charset=utf-8',
  json: 'application/json; charset=utf-8',
  text: 'text/plain; charset=utf-8',
}

/** The preview frame is the one page framed, by the studio's own page only. */
const frameHeaders = {
  'X-Frame-Options': 'SAMEORIGIN',
  'Content-Security-Policy': headers['Content-Security-Policy'].replace("frame-ancestors 'none'", "frame-ancestors 'self'"),
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) {
  res.writeHead(status, { ...headers, 'Content-Type': types[type] ?? type, ...extra })
  res.end(body)
}
const sendJson = (res: ServerResponse, status: number, body: unknown) => send(res, status, 'json', JSON.stringify(body))

/** The file's text, or null when there is no file. */
async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}

/** The request's body as JSON (undefined: not JSON), at most maxBody bytes. */
async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > maxBody) throw new RangeError('too large')
    chunks.push(chunk)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown
  } catch {
    return undefined
  }
}

/**
 * Writes `text` over `file` without ever leaving half a file: a temporary file in the same
 * folder, flushed, then renamed over it (a symlink's target is what is replaced). False, and
 * nothing written, when the file is no longer `expected` just before the rename.
 */
async function writeAtomically(file: string, text: string, expected: string | null): Promise<boolean> {
  const target = await realpath(file).catch(() => file)
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  const mode = (await stat(target).catch(() => null))?.mode
  const handle = await open(temp, 'wx', 0o644)
  try {
    try {
      await handle.writeFile(text, 'utf8')
      if (mode !== undefined) await handle.chmod(mode & 0o7777)
      await handle.sync()
    } finally {
      await handle.close()
    }
    if ((await readText(target)) !== expected) return false
    await rename(temp, target)
    return true
  } finally {
    await rm(temp, { force: true })
  }
}

/** Starts the studio of `options.file` on 127.0.0.1; it runs until `close()`. */
export async function startStudio(options: StudioOptions): Promise<Studio> {
  const file = resolve(options.file)
  const folder = await stat(dirname(file)).catch(() => null)
  if (!folder?.isDirectory()) throw new Error(`there is no folder ${dirname(file)}`)
  if ((await stat(file).catch(() => null))?.isDirectory()) throw new Error('is a folder, not a file')
  const assets = options.assets ?? dirname(fileURLToPath(import.meta.url))
  const runtime = options.runtime ?? join(assets, '..')
  const token = options.token ?? randomBytes(16).toString('hex')
  let port = 0

  const listeners = new Set<ServerResponse>()
  // Polling the file's stat: editors that save by replacing the file are seen too (fs.watch loses them).
  const changed = () => {
    readText(file)
      .then((text) => listeners.forEach((res) => res.write(`event: change\ndata: ${JSON.stringify({ hash: hashOf(text ?? '') })}\n\n`)))
      .catch(() => {})
  }
  watchFile(file, { interval: 250 }, changed)

  // One save at a time: each reads the file, decides, and writes before the next reads.
  let saving: Promise<unknown> = Promise.resolve()
  const save = async (res: ServerResponse, body: unknown) => {
    const current = await readText(file)
    const decision = decideSave(file, current, body)
    if (decision.status !== 200) return sendJson(res, decision.status, decision.refusal)
    if (decision.text !== current && !(await writeAtomically(file, decision.text, current))) {
      const state = stateOf(file, await readText(file))
      return sendJson(res, 409, { error: `${state.file} changed on disk while saving: reload it to see what is there now`, state })
    }
    sendJson(res, 200, decision.state)
  }

  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const given = req.headers[tokenHeader]
    const refusal = refusalOf(
      { url: req.url ?? '/', host: req.headers.host, origin: req.headers.origin, token: typeof given === 'string' ? given : undefined },
      token,
      port,
    )
    if (refusal) return send(res, 403, 'text', `${refusal}\n`)
    const { pathname } = new URL(req.url ?? '/', 'http://studio')
    if (req.method === 'POST' && pathname === '/api/save') {
      const body = await readBody(req).catch(() => null)
      if (body === null) return sendJson(res, 413, { error: 'the request is too large' })
      if (body === undefined) return sendJson(res, 400, { error: 'the request is not JSON' })
      const run = saving.then(() => save(res, body))
      saving = run.catch(() => {})
      return run
    }
    if (req.method === 'POST' && pathname === '/api/try') {
      const body = await readBody(req).catch(() => null)
      if (body === null) return sendJson(res, 413, { error: 'the request is too large' })
      const tried = tryJourney(body)
      return sendJson(res, tried.status, tried.answer)
    }
    if (req.method !== 'GET') return send(res, 405, 'text', 'method not allowed\n')
    if (pathname === '/') {
      const [hasApp, hasStyles] = await Promise.all(
        ['app.js', 'app.css'].map((name) =>
          stat(join(assets, name)).then(
            () => true,
            () => false,
          ),
        ),
      )
      return send(res, 200, 'html', studioPage({ file: basename(file), token, hasApp: hasApp!, hasStyles: hasStyles!, site: options.site }))
    }
    if (pathname === '/preview.html')
      return send(res, 200, 'html', framePage(`preview.js?token=${encodeURIComponent(token)}`, 'journeykit studio: preview'), frameHeaders)
    // The runtime's chunks the preview draws with: the published package's own code, from dist/.
    const chunk = runtimeFileOf(pathname)
    if (chunk) {
      const found = await readFile(join(runtime, chunk.file)).catch(() => null)
      return found ? send(res, 200, 'js', found) : send(res, 404, 'text', 'not found (run npm run build)\n')
    }
    if (pathname === '/api/templates') return sendJson(res, 200, templates)
    if (pathname === '/api/counts') {
      if (!options.collector) return sendJson(res, 404, { error: 'the studio was started without --collector' })
      const counts = await fetchBoxCounts(options.collector).catch((err: Error) => err)
      return counts instanceof Error ? sendJson(res, 502, { error: counts.message }) : sendJson(res, 200, { counts })
    }
    if (pathname === '/api/file') return sendJson(res, 200, stateOf(file, await readText(file)))
    if (pathname === '/api/events') {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' })
      res.write('retry: 1000\n\n')
      listeners.add(res)
      req.on('close', () => listeners.delete(res))
      return
    }
    // The app's files (app.js, app.css, chunks it splits off), never the server itself.
    const asset = /^\/([\w-]+\.(js|css|map))$/.exec(pathname)
    const found = asset && asset[1] !== 'server.js' && (await readFile(join(assets, asset[1]!)).catch(() => null))
    if (found) return send(res, 200, asset[2]!, found)
    send(res, 404, 'text', 'not found\n')
  }

  const server = createServer((req, res) => {
    answer(req, res).catch((err: unknown) => {
      if (res.headersSent) res.end()
      else send(res, 500, 'text', `${err instanceof Error ? err.message : String(err)}\n`)
    })
  })
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, '127.0.0.1', done)
  })
  const address = server.address()
  port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close() {
      unwatchFile(file, changed)
      listeners.forEach((res) => res.end())
      server.closeAllConnections()
      return new Promise((done) => server.close(() => done()))
    },
  }
}
