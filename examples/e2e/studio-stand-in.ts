/**
 * A stand-in for the studio's server (src/tools/studio/server.ts, written beside the app), for
 * the app's browser spec until that server is on this branch: the same HTTP API over one file —
 * GET / and /app.js, GET api/file, POST api/save (jsonc-parser's modify, 409 when the file
 * changed on disk, 422 when the result has problems, temp file then rename), GET api/events —
 * and the token. The spec should start the real server instead once it is there.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync, renameSync, unwatchFile, watchFile, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { applyEdits, modify } from 'jsonc-parser'
import { validateConfig } from '../../src/config/validate.js'
import { jsonSyntaxError } from '../../src/tools/json-error.js'

const appFile = new URL('../../dist/studio/app.js', import.meta.url)

interface Edit {
  path: Array<string | number>
  value?: unknown
  remove?: true
}

function stateOf(file: string) {
  let text = ''
  let missing = false
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    missing = true
  }
  const hash = createHash('sha256').update(text).digest('hex')
  let config: unknown = null
  let jsonError = null
  if (!missing) {
    try {
      config = JSON.parse(text)
    } catch (err) {
      jsonError = jsonSyntaxError(text, (err as Error).message)
    }
  }
  const { problems, warnings } = config === null ? { problems: [], warnings: [] } : validateConfig(config)
  return { file: basename(file), text, hash, config, jsonError, problems, warnings, ...(missing && { missing }) }
}

export async function startStudioStandIn(file: string): Promise<{ url: string; close(): Promise<void> }> {
  const token = randomBytes(16).toString('hex')
  const streams = new Set<ServerResponse>()
  watchFile(file, { interval: 100 }, () => streams.forEach((res) => res.write('event: change\ndata: {}\n\n')))
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify(body))
  }
  const body = (req: IncomingMessage) =>
    new Promise<string>((done) => {
      let text = ''
      req.on('data', (chunk) => (text += chunk))
      req.on('end', () => done(text))
    })

  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (req.headers['x-journeykit-token'] !== token && url.searchParams.get('token') !== token) return json(res, 403, { error: 'no token' })
    if (url.pathname === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'" })
      return res.end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>journeykit studio</title>` +
          `<script type="module" src="/app.js?token=${token}"></script></head><body><div id="studio" data-token="${token}"></div></body></html>`,
      )
    }
    if (url.pathname === '/app.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' })
      return res.end(readFileSync(appFile))
    }
    if (url.pathname === '/api/file') return json(res, 200, stateOf(file))
    if (url.pathname === '/api/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' })
      res.write('retry: 500\n\n')
      streams.add(res)
      req.on('close', () => streams.delete(res))
      return
    }
    if (url.pathname === '/api/save' && req.method === 'POST') {
      const { baseHash, edits } = JSON.parse(await body(req)) as { baseHash: string; edits: Edit[] }
      const now = stateOf(file)
      if (now.hash !== baseHash || now.jsonError) return json(res, 409, { error: 'the file changed on disk', state: now })
      let text = now.text
      for (const edit of edits)
        text = applyEdits(text, modify(text, edit.path, edit.remove ? undefined : edit.value, { formattingOptions: { insertSpaces: true, tabSize: 2 } }))
      const { problems } = validateConfig(JSON.parse(text))
      if (problems.length) return json(res, 422, { error: 'the file would have problems', problems })
      writeFileSync(`${file}.tmp`, text)
      renameSync(`${file}.tmp`, file)
      return json(res, 200, stateOf(file))
    }
    json(res, 404, { error: 'not found' })
  }
  const server = createServer((req, res) => void answer(req, res))
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: async () => {
      unwatchFile(file)
      const closed = new Promise((done) => server.close(done))
      server.closeAllConnections() // the event streams, and the browser's keep-alive sockets
      await closed
    },
  }
}
