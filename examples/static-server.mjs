// A dependency-free static file server for the examples and the e2e tests.
// Serves files under `root` only, never caches, and lets a caller add headers per path
// (a test can put a strict Content-Security-Policy on a page, for instance), and routes of its
// own through `handle` (npm start's /gallery/).
import { createServer } from 'node:http'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
}

/** Maps a URL path to a file inside root, or null when it would leave root or touch a dotfile. */
function fileFor(root, pathname) {
  let decoded
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  // Dot segments (.git, .env, and `..`) are never served.
  if (decoded.split(/[/\\]/).some((segment) => segment.startsWith('.'))) return null
  const file = resolve(root, '.' + decoded)
  return file === root || file.startsWith(root + sep) ? file : null
}

export async function startStaticServer({ root, port = 8080, host = '127.0.0.1', headers, handle } = {}) {
  if (!root) throw new TypeError('startStaticServer: root is required')
  root = resolve(root)
  // Pages a test serves from memory, over the real server (not page.route), so that the
  // browser sees them come from 127.0.0.1 like any other page.
  const pages = new Map()

  const server = createServer(async (req, res) => {
    const { pathname, search } = new URL(req.url, 'http://static')
    const send = (status, extra = {}, body) => {
      res.writeHead(status, { 'Cache-Control': 'no-store', ...(headers?.(pathname) ?? {}), ...extra })
      res.end(req.method === 'HEAD' ? undefined : body)
    }
    const text = (status, message) => send(status, { 'Content-Type': 'text/plain; charset=utf-8' }, message + '\n')

    // A caller's own routes first (`handle(req, res)` returns true when it answered).
    if (handle?.(req, res)) return
    if (req.method !== 'GET' && req.method !== 'HEAD') return text(405, 'method not allowed')
    if (pathname === '/') return send(302, { Location: '/examples/store/' + search })
    const page = pages.get(pathname)
    if (page) return send(page.status ?? 200, { 'Content-Type': page.type ?? 'text/html; charset=utf-8', ...page.headers }, page.body)

    let file = fileFor(root, pathname)
    if (!file) return text(404, 'not found')
    try {
      let info = await stat(file)
      if (info.isDirectory()) {
        if (!pathname.endsWith('/')) return send(301, { Location: pathname + '/' + search })
        file = resolve(file, 'index.html')
        info = await stat(file)
      }
      if (!info.isFile()) return text(404, 'not found')
      const type = types[extname(file).toLowerCase()] ?? 'application/octet-stream'
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': info.size, 'Cache-Control': 'no-store', ...(headers?.(pathname) ?? {}) })
      if (req.method === 'HEAD') return res.end()
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res)
    } catch {
      // Browsers ask for /favicon.ico on every page; a 404 there is console noise in tests.
      if (pathname === '/favicon.ico') return send(204)
      text(404, 'not found')
    }
  })

  await new Promise((done, fail) => {
    server.once('error', fail)
    server.listen(port, host, () => {
      server.off('error', fail)
      done()
    })
  })
  return {
    url: `http://${host}:${server.address().port}`,
    /** Serves `{ body, status?, type?, headers? }` at `path` until `clearPages()`. */
    setPage(path, page) {
      pages.set(path, page)
    },
    clearPages() {
      pages.clear()
    },
    close() {
      const closed = new Promise((done) => server.close(() => done()))
      server.closeAllConnections()
      return closed
    },
  }
}
