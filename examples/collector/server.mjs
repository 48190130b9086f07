// A collector for the Segment-shaped batches journeykit sends (contract §5). Validates each
// batch (all or nothing, see envelope.mjs), appends new events to an NDJSON file, drops
// repeated messageIds across restarts (delivery is at least once), shows arrivals, the
// journey funnel (funnel.mjs) and, given the site's config, its journeys as maps with live
// counts (journeys-funnel.mjs, map.mjs) at GET /, and sends the web pushes events ask for
// (pushes.mjs). node: built-ins only, plus web-push when it is installed, for sending pushes.
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { checkEnvelope } from './envelope.mjs'
import { appendEvents, readEvents } from './events-file.mjs'
import { createFunnel } from './funnel.mjs'
import { createJourneysFunnel } from './journeys-funnel.mjs'
import { readSiteConfig, renderJourneyMaps } from './map.mjs'
import { preparePushes } from './pushes.mjs'
import { guardKeys } from './push-keys.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const page = readFileSync(resolve(here, 'page.html'), 'utf8')
const maxBody = 1024 * 1024
const recentLimit = 200
const batchPaths = new Set(['/v1/batch', '/batch', '/'])
// CORS is for ingest only: any site may POST a batch (and read its Retry-After), none may read
// what the collector holds (contract §8b). Retry-After must be exposed, or a page on another
// origin cannot read it.
const ingestCors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Retry-After' }
const preflight = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization',
  'Access-Control-Max-Age': '600',
}
const dataPaths = new Set(['/events.json', '/funnel.json', '/map.json', '/map.svg', '/stream'])
const loopbackHost = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/

/**
 * True when a GET of collected data comes from another site's page: its `Origin` is not the
 * collector's, or `Sec-Fetch-Site` says it is not same-origin (`none` is the address bar). When
 * the collector listens on loopback, a `Host` that is not loopback is a DNS-rebound name.
 */
function fromElsewhere(req, loopback) {
  const { origin, host = '' } = req.headers
  const site = req.headers['sec-fetch-site']
  if (loopback && !loopbackHost.test(host)) return true
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true
  if (origin === undefined) return false
  try {
    return new URL(origin).host !== host
  } catch {
    return true // `Origin: null` (a sandboxed frame, a file) or garbage
  }
}

const pushNames = new Set(['push_requested', 'push_sent', 'push_cancelled', 'push_failed'])

/**
 * `config`: the site's journeykit.json, for the journey maps and to check the VAPID keys against
 * its `push.vapidPublicKey`: a path (read again at each use, so an edited file shows), a function
 * returning the config, or the config itself. `push`: see pushes.mjs, plus `checkConfigKey: false`
 * when the config is served with the collector's key put in (npm start), so the file's is not compared.
 */
export async function startCollector({ port = 8787, host = '127.0.0.1', file = resolve(here, 'events.ndjson'), log = false, push = {}, config = null } = {}) {
  let [events, batches, requests, recent, faults] = [[], [], [], [], []]
  let rejecting = null // rejectEvents() predicate
  let delayMs = 0
  const held = new Set() // answers waiting out delayMs
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(host)
  const streams = new Set()
  const seen = new Set()
  const funnel = createFunnel()
  const journeys = createJourneysFunnel()
  let pushProblem = null // why pushes are held now (push-keys.mjs), or null
  // The funnel by stage, items, variants and pushes, plus the journeys' and segments' counts.
  const measure = () => ({ ...funnel.result(), ...journeys.result(readSiteConfig(config).config), pushProblem })
  let funnelNow = measure()
  const funnelMessage = () => `event: funnel\ndata: ${JSON.stringify(funnelNow)}\n\n`
  const say = log ? (message) => console.log(message) : () => {}
  const pushes = push ? await preparePushes(push, { file, log: say }) : null
  const keys =
    pushes &&
    guardKeys({
      vapid: pushes.vapid,
      problem: pushes.problem,
      readConfig: () => readSiteConfig(config).config,
      where: typeof config === 'string' ? config : null,
      checkConfigKey: push?.checkConfigKey !== false,
      log: say,
      onChange(problem) {
        pushProblem = problem
        funnelNow = measure()
        for (const res of streams) res.write(funnelMessage())
      },
    })
  const decided = [] // outcomes the schedule decides while the file is read back
  let sender = null

  // Rebuild the dedupe set, the funnel, the page's backlog and the push schedule from earlier runs.
  readEvents(file, (event) => {
    if (typeof event.messageId === 'string') seen.add(event.messageId)
    funnel.add(event)
    journeys.add(event)
    recent.push(event)
    if (pushes) {
      pushes.readBack(event)
      decided.push(...pushes.schedule.add(event, Date.now()))
    }
  })
  recent = recent.slice(-recentLimit)
  // Outcomes the push log has and the events file lacks (a crash between the two appends).
  if (pushes)
    accept(
      pushes.logged.filter((event) => !seen.has(event.messageId)),
      true,
    )
  funnelNow = measure()

  function reply(res, status, body, headers = {}) {
    res.entry.status = status
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)
    const type = typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json'
    // No `no-store`: on an answer to a page's fetch it costs that page the back/forward cache.
    res.writeHead(status, {
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      ...(text && { 'Content-Type': type }),
      ...headers,
    })
    res.end(text)
  }

  /** Answers a batch POST (with CORS), after delay(ms) when one is set. */
  function answer(res, status, body, headers = {}) {
    const send = () => reply(res, status, body, { ...ingestCors, ...headers })
    if (!delayMs) return send()
    const timer = setTimeout(() => {
      held.delete(timer)
      if (!res.destroyed) send()
    }, delayMs)
    held.add(timer)
  }

  /**
   * Stores new events. `own`: outcomes the collector recorded itself (already in its push log),
   * stored even when a POST took their messageId first, and not fed back to the schedule.
   */
  function accept(batch, own = false) {
    let accepted = 0
    let duplicates = 0
    const lines = []
    const stored = []
    for (const event of batch) {
      if (seen.has(event.messageId) && !own) {
        duplicates++
        continue
      }
      seen.add(event.messageId)
      lines.push(JSON.stringify(event) + '\n')
      stored.push(event)
      events.push(event)
      recent.push(event)
      funnel.add(event)
      journeys.add(event)
      accepted++
    }
    if (lines.length) {
      // Push requests and outcomes are on disk before anything acts on them (README, Web push).
      appendEvents(
        file,
        lines.join(''),
        stored.some((event) => pushNames.has(event.event)),
      )
      recent = recent.slice(-recentLimit)
      funnelNow = measure()
      for (const res of streams) {
        for (const line of lines) res.write(`data: ${line}\n`)
        res.write(funnelMessage())
      }
    }
    // Stored first, then scheduled: what the schedule decides (a cancel, a gone subscription) is recorded.
    if (pushes && !own) {
      const outcomes = stored.flatMap((event) => pushes.schedule.add(event, Date.now()))
      if (outcomes.length) record(outcomes)
      sender?.wake()
    }
    return { accepted, duplicates }
  }

  /** Records the collector's own push outcomes: in its push log first (that marks them), then as events. */
  function record(outcomes) {
    for (const event of outcomes) pushes.record(event)
    accept(outcomes, true)
  }

  /** The 400 body for a batch that must not be stored, or null. Checked before anything is stored. */
  function refusal(envelope) {
    const invalid = checkEnvelope(envelope)
    if (invalid) return invalid
    // A predicate that throws counts as true: a broken test hook must not take the server down.
    const index = rejecting
      ? envelope.batch.findIndex((event) => {
          try {
            return rejecting(event)
          } catch {
            return true
          }
        })
      : -1
    return index === -1 ? null : { error: 'rejected event', index }
  }

  function receiveBatch(req, res) {
    const chunks = []
    let size = 0
    req.on('data', (chunk) => {
      size += chunk.length
      if (size <= maxBody) chunks.push(chunk) // past the limit: drained, not kept, then 413
    })
    req.on('end', () => {
      let envelope
      try {
        let body = Buffer.concat(chunks)
        if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body, { maxOutputLength: maxBody })
        // Parsed whatever the Content-Type: browsers send text/plain (contract §5).
        envelope = size > maxBody ? null : JSON.parse(body.toString('utf8'))
      } catch {
        envelope = undefined
      }
      // An injected failure answers the next POST, or the next whose batch `when` picks (a
      // test's own event, not a late beacon from an earlier page).
      const fault = faults[0]
      if (fault && (!fault.when || (envelope && fault.when(envelope)))) {
        if (--fault.count <= 0) faults.shift()
        return answer(res, fault.status, fault.status === 204 ? undefined : { ok: false, error: 'injected failure' }, fault.headers)
      }
      if (size > maxBody) return answer(res, 413, { ok: false, error: 'body over 1 MB' })
      if (envelope === undefined) return answer(res, 400, { ok: false, error: 'body is not JSON' })
      const refused = refusal(envelope)
      if (refused) {
        if (log) console.log(`batch refused: ${refused.error}`)
        return answer(res, 400, refused)
      }
      batches.push(envelope)
      const counts = accept(envelope.batch)
      if (log) console.log(`batch: ${counts.accepted} accepted, ${counts.duplicates} duplicates`)
      // Stored all the same; the answer says the pushes it asks for wait (a test, a curl, a log reads it).
      const held = envelope.batch.some((event) => event?.event === 'push_requested') ? keys?.held() : null
      answer(res, 200, { ok: true, ...counts, ...(held && { pushesHeld: held }) })
    })
    req.on('error', () => res.destroy())
  }

  function openStream(req, res, backlog) {
    res.entry.status = 200
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
    res.write(': connected\n\n')
    res.write(funnelMessage())
    if (backlog) for (const event of recent) res.write(`data: ${JSON.stringify(event)}\n\n`)
    streams.add(res)
    res.on('close', () => streams.delete(res))
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://collector')
    const path = url.pathname
    res.entry = { method: req.method, path, contentType: req.headers['content-type'] ?? null, status: null }
    requests.push(res.entry)
    if (req.method === 'OPTIONS' && batchPaths.has(path)) return reply(res, 204, undefined, preflight)
    if (req.method === 'POST' && batchPaths.has(path)) return receiveBatch(req, res)
    if (dataPaths.has(path) && fromElsewhere(req, loopback)) return reply(res, 403, { ok: false, error: 'readable by the collector page only' })
    if (req.method === 'GET' && path === '/') return reply(res, 200, page)
    if (req.method === 'GET' && path === '/favicon.ico') return reply(res, 204)
    if (req.method === 'GET' && path === '/events.json') return reply(res, 200, recent.slice(-recentLimit))
    if (req.method === 'GET' && path === '/funnel.json') return reply(res, 200, funnelNow)
    if (req.method === 'GET' && (path === '/map.json' || path === '/map.svg')) {
      // the live maps of the page (with places for counts), or the plain SVG of every journey
      const live = path === '/map.json'
      renderJourneyMaps(config, { live }).then(
        (maps) => {
          if (live) return reply(res, 200, maps)
          if (maps.svg === null) return reply(res, 404, { ok: false, error: maps.problem })
          reply(res, 200, maps.svg, { 'Content-Type': 'image/svg+xml; charset=utf-8' })
        },
        (error) => reply(res, 500, { ok: false, error: String(error?.message ?? error) }),
      )
      return
    }
    if (req.method === 'GET' && path === '/stream') return openStream(req, res, url.searchParams.has('backlog'))
    if (batchPaths.has(path)) return reply(res, 405, { ok: false, error: 'use POST' }, { Allow: 'POST, OPTIONS' })
    reply(res, 404, { ok: false, error: 'not found' })
  })
  // Keeps idle EventSource connections alive through proxies; unref'd so it never holds the process.
  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': ping\n\n')
  }, 25_000)
  heartbeat.unref()

  await new Promise((done, fail) => {
    server.once('error', fail)
    server.listen(port, host, () => {
      server.off('error', fail)
      done()
    })
  })
  const url = `http://${host}:${server.address().port}`
  if (pushes) {
    keys.announce()
    sender = pushes.start((event) => record([event]), keys.held)
    // Decisions the push log already has (a cancel recorded right after its cause) are not recorded twice.
    const unrecorded = decided.filter((event) => !pushes.schedule.recorded(event.properties.request))
    if (unrecorded.length) record(unrecorded)
    sender.wake()
  }
  return {
    url,
    batchUrl: `${url}/v1/batch`,
    file,
    /** The public VAPID key pushes are sent with (journeykit.json's `push.vapidPublicKey`), or null when push is off. */
    vapidPublicKey: pushes?.vapid?.publicKey ?? null,
    /** Where the keys are (`{ source, file }`, see vapid.mjs), or null when push is off or they could not be read. */
    vapidKeys: pushes?.vapid ? { source: pushes.vapid.source, file: pushes.vapid.file } : null,
    /** Why pushes are held (not sent) now, or null: keys that do not fit the site's config, or none. */
    pushProblem: () => keys?.held() ?? null,
    /** The push requests still waiting to be sent. */
    pushes: () => pushes?.schedule.waiting() ?? [],
    events: () => events.slice(),
    batches: () => batches.slice(),
    requests: () => requests.slice(),
    /** Forgets events(), batches(), requests() and the page backlog (not the file, the funnel or seen messageIds), and resets failNext, rejectEvents and delay. */
    clear() {
      events = []
      batches = []
      requests = []
      recent = []
      faults = []
      rejecting = null
      delayMs = 0
    },
    /**
     * The next `count` POSTs (or those whose envelope `when(envelope)` picks) answer `status`
     * with `headers` and store nothing; a count of 0 cancels the failures still queued.
     */
    failNext(status, count = 1, headers = {}, when = null) {
      if (count > 0) faults.push({ status, count, headers, when })
      else faults = []
    },
    /** While set, a batch holding an event for which `predicate(event)` is true answers 400 and stores nothing. */
    rejectEvents(predicate) {
      rejecting = typeof predicate === 'function' ? predicate : null
    },
    /** Batch POSTs are answered `ms` after they arrive (their events are stored on arrival); 0 resets. */
    delay(ms) {
      delayMs = Math.max(0, Number(ms) || 0)
    },
    async close() {
      await sender?.close() // a send under way finishes and is recorded
      clearInterval(heartbeat)
      for (const timer of held) clearTimeout(timer)
      held.clear()
      for (const res of streams) res.end()
      streams.clear()
      const closed = new Promise((done) => server.close(() => done()))
      server.closeAllConnections()
      return closed
    },
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const port = process.env.PORT ? Number(process.env.PORT) : 8787 // PORT=0: any free port
  const collector = await startCollector({
    port,
    host: process.env.HOST || '127.0.0.1',
    file: process.env.FILE ? resolve(process.env.FILE) : undefined,
    config: process.env.CONFIG ? resolve(process.env.CONFIG) : null,
    log: true,
  })
  console.log(`collector listening on ${collector.url} (events → ${collector.file})`)
  const stop = () => collector.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
