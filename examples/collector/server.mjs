// A local collector for the Segment-shaped batches journeykit sends (contract §5).
// Appends every new event to an NDJSON file, drops repeated messageIds (delivery is
// at least once), and shows arrivals live at GET /. Dependency-free: node: built-ins only.
import { createServer } from 'node:http'
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gunzipSync } from 'node:zlib'

const here = dirname(fileURLToPath(import.meta.url))
const maxBody = 1024 * 1024
const recentLimit = 200
const batchPaths = new Set(['/v1/batch', '/batch', '/'])
const cors = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization',
  'Access-Control-Max-Age': '600',
}

export async function startCollector({ port = 8787, host = '127.0.0.1', file = resolve(here, 'events.ndjson'), log = false } = {}) {
  let events = []
  let batches = []
  let requests = []
  let recent = []
  const faults = []
  const streams = new Set()
  const seen = new Set()

  // Rebuild the dedupe set (and the page's backlog) from earlier runs.
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      try {
        const event = JSON.parse(line)
        if (event?.messageId) seen.add(event.messageId)
        recent.push(event)
      } catch { /* blank or torn line */ }
    }
    recent = recent.slice(-recentLimit)
  }

  function reply(res, status, body, headers = {}) {
    res.entry.status = status
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)
    const type = typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json'
    res.writeHead(status, { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store', ...(text && { 'Content-Type': type }), ...headers })
    res.end(text)
  }

  function accept(batch) {
    let accepted = 0
    let duplicates = 0
    const lines = []
    for (const event of batch) {
      if (event.messageId && seen.has(event.messageId)) { duplicates++; continue }
      if (event.messageId) seen.add(event.messageId)
      lines.push(JSON.stringify(event) + '\n')
      events.push(event)
      recent.push(event)
      accepted++
    }
    if (lines.length) {
      mkdirSync(dirname(file), { recursive: true })
      appendFileSync(file, lines.join(''))
      recent = recent.slice(-recentLimit)
      for (const line of lines) for (const res of streams) res.write(`data: ${line}\n`)
    }
    return { accepted, duplicates }
  }

  function receiveBatch(req, res) {
    const chunks = []
    let size = 0
    req.on('data', (chunk) => {
      size += chunk.length
      if (size <= maxBody) chunks.push(chunk) // past the limit: drained, not kept, then 413
    })
    req.on('end', () => {
      if (faults.length) {
        const fault = faults[0]
        if (--fault.count <= 0) faults.shift()
        return reply(res, fault.status, fault.status === 204 ? undefined : { ok: false, error: 'injected failure' }, fault.headers)
      }
      if (size > maxBody) return reply(res, 413, { ok: false, error: 'body over 1 MB' })
      let envelope
      try {
        let body = Buffer.concat(chunks)
        if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body, { maxOutputLength: maxBody })
        // Parsed whatever the Content-Type: sendBeacon sends text/plain (contract §5).
        envelope = JSON.parse(body.toString('utf8'))
      } catch {
        return reply(res, 400, { ok: false, error: 'body is not JSON' })
      }
      if (!envelope || typeof envelope !== 'object' || !Array.isArray(envelope.batch)) {
        return reply(res, 400, { ok: false, error: 'body must be an object with an array "batch"' })
      }
      const bad = envelope.batch.findIndex((event) => !event || typeof event !== 'object' || Array.isArray(event))
      if (bad !== -1) return reply(res, 400, { ok: false, error: `batch[${bad}] is not an object` })
      batches.push(envelope)
      const counts = accept(envelope.batch)
      if (log) console.log(`batch: ${counts.accepted} accepted, ${counts.duplicates} duplicates`)
      reply(res, 200, { ok: true, ...counts })
    })
    req.on('error', () => res.destroy())
  }

  function openStream(req, res, backlog) {
    res.entry.status = 200
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
    res.write(': connected\n\n')
    if (backlog) for (const event of recent) res.write(`data: ${JSON.stringify(event)}\n\n`)
    streams.add(res)
    res.on('close', () => streams.delete(res))
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://collector').pathname
    res.entry = { method: req.method, path, contentType: req.headers['content-type'] ?? null, status: null }
    requests.push(res.entry)
    if (req.method === 'OPTIONS') return reply(res, 204, undefined, cors)
    if (req.method === 'POST' && batchPaths.has(path)) return receiveBatch(req, res)
    if (req.method === 'GET' && path === '/') return reply(res, 200, page)
    if (req.method === 'GET' && path === '/favicon.ico') return reply(res, 204)
    if (req.method === 'GET' && path === '/events.json') return reply(res, 200, recent.slice(-recentLimit))
    if (req.method === 'GET' && path === '/stream') return openStream(req, res, new URL(req.url, 'http://collector').searchParams.has('backlog'))
    if (batchPaths.has(path)) return reply(res, 405, { ok: false, error: 'use POST' }, { Allow: 'POST, OPTIONS' })
    reply(res, 404, { ok: false, error: 'not found' })
  })
  // Keeps idle EventSource connections alive through proxies; unref'd so it never holds the process.
  const heartbeat = setInterval(() => { for (const res of streams) res.write(': ping\n\n') }, 25_000)
  heartbeat.unref()

  await new Promise((done, fail) => {
    server.once('error', fail)
    server.listen(port, host, () => { server.off('error', fail); done() })
  })
  const url = `http://${host}:${server.address().port}`
  return {
    url,
    batchUrl: `${url}/v1/batch`,
    file,
    events: () => events.slice(),
    batches: () => batches.slice(),
    requests: () => requests.slice(),
    clear() { events = []; batches = []; requests = []; recent = [] },
    /** The next `count` POSTs answer `status` with `headers` and store nothing. */
    failNext(status, count = 1, headers = {}) { faults.push({ status, count, headers }) },
    close() {
      clearInterval(heartbeat)
      for (const res of streams) res.end()
      streams.clear()
      const closed = new Promise((done) => server.close(() => done()))
      server.closeAllConnections()
      return closed
    },
  }
}

// Event data reaches the DOM through textContent only: it is whatever a page sent.
const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>journeykit collector</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #222 }
table { border-collapse: collapse; width: 100% } th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #ddd; vertical-align: top }
td:last-child { font: 12px ui-monospace, monospace; white-space: pre-wrap; word-break: break-all } #status { color: #666 }
</style></head><body>
<h1>journeykit collector</h1><p id="status">connecting…</p>
<table><thead><tr><th>time</th><th>type</th><th>event / name</th><th>anonymousId</th><th>page</th><th>properties</th></tr></thead><tbody id="events"></tbody></table>
<script>
const rows = document.getElementById('events'), status = document.getElementById('status'), seen = new Set()
function cell(text) { const td = document.createElement('td'); td.textContent = text == null ? '' : String(text); return td }
function add(e) {
  if (e.messageId) { if (seen.has(e.messageId)) return; seen.add(e.messageId) }
  const tr = document.createElement('tr'), time = e.timestamp ? new Date(e.timestamp) : new Date()
  tr.append(cell(time.toLocaleTimeString()), cell(e.type), cell(e.event || e.name), cell((e.anonymousId || '').slice(0, 8)),
    cell(e.context && e.context.page && e.context.page.path), cell(JSON.stringify(e.properties || e.traits || {}, null, 1)))
  rows.prepend(tr)
  while (rows.children.length > 500) rows.lastChild.remove()
}
const source = new EventSource('/stream?backlog')
source.onopen = () => { status.textContent = 'live' }
source.onerror = () => { status.textContent = 'disconnected, retrying…' }
source.onmessage = (message) => { try { add(JSON.parse(message.data)) } catch {} }
</script></body></html>`

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const collector = await startCollector({ port: Number(process.env.PORT) || 8787, log: true })
  console.log(`collector listening on ${collector.url} (events → ${collector.file})`)
  const stop = () => collector.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
