import { afterEach, describe, expect, it, vi } from 'vitest'
import { request as httpRequest } from 'node:http'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Edit, FileState } from './protocol.js'
import { startStudio, type Studio } from './server.js'
import { runCli } from '../cli.js'
import { isSealed } from '../../config/seal.js'

/** A config as a person wrote it: Prettier's layout, 4 spaces, a key the studio does not know. */
const source = `{
    "version": 1,
    "x-team": "growth",
    "items": { "reminder": { "kind": "focus", "style": "bar", "title": "Your cart is waiting" } },
    "journeys": {
        "rescue": {
            "entry": { "on": "add_to_cart" },
            "steps": [{ "id": "nudge", "show": "reminder" }]
        }
    }
}
`
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function studioOf(text: string | null, options: { assets?: string; runtime?: string; site?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'jk-studio-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'journeykit.json')
  if (text !== null) writeFileSync(file, text)
  const studio = await startStudio({ file, ...options })
  cleanups.push(() => studio.close())
  return { dir, file, studio }
}

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  json: () => any
}

/** A request with the headers a test chooses (fetch would not send a Host of our choosing). */
function ask(studio: Studio, path: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) {
  return new Promise<Answer>((done, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port: studio.port, path, method, headers: { host: `127.0.0.1:${studio.port}`, ...headers } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, text, json: () => JSON.parse(text) }))
    })
    req.on('error', fail)
    req.end(body === undefined ? undefined : JSON.stringify(body))
  })
}
const withToken = (studio: Studio, path: string) => `${path}${path.includes('?') ? '&' : '?'}token=${studio.token}`
const save = (studio: Studio, body: { baseHash: string; edits: Edit[]; seal?: boolean; allowWarnings?: boolean }, headers: Record<string, string> = {}) =>
  ask(studio, '/api/save', { method: 'POST', headers: { 'x-journeykit-token': studio.token, 'content-type': 'application/json', ...headers }, body })

describe('the studio server: what it answers', () => {
  it('prints an address on 127.0.0.1 with a token of 32 hex characters, new at each start', async () => {
    const { studio } = await studioOf(source)
    const other = (await studioOf(source)).studio
    expect(studio.url).toBe(`http://127.0.0.1:${studio.port}/?token=${studio.token}`)
    expect(studio.token).toMatch(/^[0-9a-f]{32}$/)
    expect(other.token).not.toBe(studio.token)
  })

  it('serves the page shell, which hands the token to the app, and says when the app is not built', async () => {
    const { studio } = await studioOf(source)
    const page = await ask(studio, withToken(studio, '/'))
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.text).toContain(`<div id="studio" data-token="${studio.token}" data-file="journeykit.json">`)
    expect(page.text).toContain(`<script type="module" src="/app.js?token=${studio.token}"></script>`)
    expect(page.text).toContain('The studio app is not built yet')
    // the token is in the URL: no Referer to other sites, no framing by them
    expect(page.headers['referrer-policy']).toBe('no-referrer')
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect((await ask(studio, withToken(studio, '/app.js'))).status).toBe(404)
  })

  it('hands the site to preview on (--site) to the app, escaped', async () => {
    const { studio } = await studioOf(source, { site: 'https://shop.example/?a=1&b="2"' })
    const page = await ask(studio, withToken(studio, '/'))
    expect(page.text).toContain(`data-file="journeykit.json" data-site="https://shop.example/?a=1&#38;b=&#34;2&#34;">`)
  })

  it('hands the app the journeys to start from (GET /api/templates): the five stages and §8', async () => {
    const { studio } = await studioOf(source)
    const answer = await ask(studio, '/api/templates', { headers: { 'x-journeykit-token': studio.token } })
    expect(answer.json().map((template: { journey: string }) => template.journey)).toEqual([
      'welcome-series',
      'consideration-drip',
      'cart-rescue',
      'post-purchase',
      'referral',
      'cart-rescue',
    ])
    expect((await ask(studio, '/api/templates')).status).toBe(403)
  })

  it('walks a made-up visitor through a journey of the draft (POST /api/try), writing nothing', async () => {
    const { studio, file } = await studioOf(source)
    const config = { version: 1, journeys: { j: { entry: { on: 'add_to_cart' }, steps: [{ id: 'a', wait: '1h' }] } } }
    const rows = [{ at: '+0m', event: 'add_to_cart', facts: '' }]
    const body = { config, journey: 'j', start: '2026-12-01T09:00:00Z', rows }
    const tried = await ask(studio, '/api/try', { method: 'POST', headers: { 'x-journeykit-token': studio.token, 'content-type': 'application/json' }, body })
    expect(tried.status).toBe(200)
    expect(tried.json().path).toEqual({ visited: ['@entry', 'step:a'], here: 'step:a' })
    expect((await ask(studio, '/api/try', { method: 'POST', body })).status).toBe(403)
    expect(readFileSync(file, 'utf8')).toBe(source)
  })

  it("serves the app's files from its folder, and nothing else from it", async () => {
    const assets = mkdtempSync(join(tmpdir(), 'jk-studio-app-'))
    cleanups.push(() => rmSync(assets, { recursive: true, force: true }))
    writeFileSync(join(assets, 'app.js'), 'export {}\n')
    writeFileSync(join(assets, 'app.css'), 'body { margin: 0 }\n')
    writeFileSync(join(assets, 'server.js'), '// the server itself\n')
    const { studio } = await studioOf(source, { assets })
    const page = await ask(studio, withToken(studio, '/'))
    expect(page.text).not.toContain('not built yet')
    expect(page.text).toContain(`<link rel="stylesheet" href="/app.css?token=${studio.token}">`)
    const app = await ask(studio, withToken(studio, '/app.js'))
    expect([app.status, app.headers['content-type'], app.text]).toEqual([200, 'text/javascript; charset=utf-8', 'export {}\n'])
    expect((await ask(studio, withToken(studio, '/app.css'))).headers['content-type']).toBe('text/css; charset=utf-8')
    expect((await ask(studio, withToken(studio, '/server.js'))).status).toBe(404)
    expect((await ask(studio, withToken(studio, '/..%2Fjourneykit.json'))).status).toBe(404)
  })

  it("serves the Items view's preview frame, framed by the studio only, and the runtime's chunks under the token's path", async () => {
    const runtime = mkdtempSync(join(tmpdir(), 'jk-studio-runtime-'))
    cleanups.push(() => rmSync(runtime, { recursive: true, force: true }))
    writeFileSync(join(runtime, 'ui.js'), 'import "./core.js"\n')
    const { studio } = await studioOf(source, { runtime })
    const frame = await ask(studio, withToken(studio, '/preview.html'))
    expect(frame.status).toBe(200)
    expect(frame.text).toContain(`<script type="module" src="preview.js?token=${studio.token}"></script>`)
    expect(frame.headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(frame.headers['content-security-policy']).toContain("frame-ancestors 'self'")
    expect((await ask(studio, '/preview.html')).status).toBe(403)
    const ui = await ask(studio, `/runtime/${studio.token}/ui.js`)
    expect([ui.status, ui.headers['content-type'], ui.text]).toEqual([200, 'text/javascript; charset=utf-8', 'import "./core.js"\n'])
    expect((await ask(studio, `/runtime/${studio.token}/core.js`)).status).toBe(404)
    expect((await ask(studio, `/runtime/${studio.token.replace(/^./, 'x')}/ui.js`)).status).toBe(403)
    expect((await ask(studio, withToken(studio, `/runtime/${studio.token}/..%2Fjourneykit.json`))).status).toBe(404)
    expect((await ask(studio, '/runtime/ui.js')).status).toBe(403)
  })

  it('answers the file: text, hash, config, and its problems and warnings with their paths', async () => {
    const broken = source.replace('"show": "reminder"', '"show": "reminder", "goto": "nowhere"')
    const { studio } = await studioOf(broken)
    const state = (await ask(studio, withToken(studio, '/api/file'))).json() as FileState
    expect(state).toMatchObject({ file: 'journeykit.json', text: broken, hash: sha256(broken), jsonError: null })
    expect(state.config).toEqual(JSON.parse(broken))
    expect(state.problems.map((problem) => problem.path)).toContain('journeys.rescue.steps[0].goto')
    expect(state.warnings.map((warning) => warning.path)).toContain('x-team')
    expect(state.missing).toBeUndefined()
  })

  it('answers a missing file as empty, to start from', async () => {
    const { studio } = await studioOf(null)
    expect((await ask(studio, withToken(studio, '/api/file'))).json()).toEqual({
      file: 'journeykit.json',
      text: '',
      hash: sha256(''),
      config: null,
      jsonError: null,
      problems: [],
      warnings: [],
      missing: true,
    })
  })

  it('answers a file that is not JSON with its line, column and what to do', async () => {
    const { studio } = await studioOf('{\n  "version": 1,\n}\n')
    const state = (await ask(studio, withToken(studio, '/api/file'))).json() as FileState
    expect(state.jsonError).toEqual({ line: 3, column: 1, reason: 'remove the comma before "}"' })
    expect(state.config).toBeNull()
  })
})

describe('the studio server: whom it refuses (403)', () => {
  const wrong = '0'.repeat(32)
  it.each([
    ['without the token', () => '', {}],
    ['with a wrong token', () => `?token=${wrong}`, {}],
    ['with a wrong token in the header', () => '', { 'x-journeykit-token': wrong }],
    ['with Host: evil.example (DNS rebinding)', (studio: Studio) => `?token=${studio.token}`, { host: 'evil.example' }],
    ['from another site (Origin)', (studio: Studio) => `?token=${studio.token}`, { origin: 'https://evil.example' }],
  ])('refuses a request %s', async (_name, query: (studio: Studio) => string, headers: Record<string, string>) => {
    const { studio } = await studioOf(source)
    for (const path of ['/', '/api/file', '/app.js', '/api/events']) {
      const answer = await ask(studio, path + query(studio), { headers })
      expect(answer.status).toBe(403)
      expect(answer.text).not.toContain('version')
    }
  })

  it('writes nothing for a save without the token or from another site', async () => {
    const { studio, file } = await studioOf(source)
    const body = { baseHash: sha256(source), edits: [{ path: ['version'], value: 2 }] }
    expect((await ask(studio, '/api/save', { method: 'POST', body })).status).toBe(403)
    expect((await save(studio, body, { origin: 'https://evil.example' })).status).toBe(403)
    expect((await save(studio, body, { host: 'evil.example' })).status).toBe(403)
    expect(readFileSync(file, 'utf8')).toBe(source)
  })
})

describe('the studio server: saving', () => {
  it.each([
    [
      'sets a nested value',
      [{ path: ['journeys', 'rescue', 'entry', 'on'], value: 'checkout_started' }],
      source.replace('"on": "add_to_cart"', '"on": "checkout_started"'),
    ],
    [
      'adds a step to an array',
      [{ path: ['journeys', 'rescue', 'steps', 1], value: { id: 'pause', wait: '2h' } }],
      source.replace('[{ "id": "nudge", "show": "reminder" }]', '[{ "id": "nudge", "show": "reminder" }, { "id": "pause", "wait": "2h" }]'),
    ],
    [
      'removes a key',
      [
        { path: ['journeys', 'rescue', 'entry'], remove: true },
        { path: ['journeys', 'rescue', 'entry'], value: { on: 'page_view' } },
      ],
      source.replace(
        '            "entry": { "on": "add_to_cart" },\n            "steps": [{ "id": "nudge", "show": "reminder" }]\n',
        '            "steps": [{ "id": "nudge", "show": "reminder" }],\n            "entry": { "on": "page_view" }\n',
      ),
    ],
    [
      'a key with dots and slashes in a path element',
      [{ path: ['journeys', 'rescue', 'steps', 0, 'if'], value: { 'page.path': { $startsWith: '/cart/a.b' } } }],
      // too long for the file's width (100): spread, what fits on one line kept on one line
      source.replace(
        '            "steps": [{ "id": "nudge", "show": "reminder" }]\n',
        [
          '            "steps": [',
          '                {',
          '                    "id": "nudge",',
          '                    "show": "reminder",',
          '                    "if": { "page.path": { "$startsWith": "/cart/a.b" } }',
          '                }',
          '            ]',
          '',
        ].join('\n'),
      ),
    ],
  ] as Array<[string, Edit[], string]>)('%s: writes the file atomically, keeping its layout and unknown keys', async (_name, edits, expected) => {
    const { studio, file, dir } = await studioOf(source)
    const before = statSync(file)
    const answer = await save(studio, { baseHash: sha256(source), edits })
    expect(answer.status).toBe(200)
    expect(readFileSync(file, 'utf8')).toBe(expected)
    expect(answer.json()).toMatchObject({ text: expected, hash: sha256(expected), config: JSON.parse(expected), problems: [] })
    // a new file renamed over the old one (another inode), and no temporary file left behind
    expect(statSync(file).ino).not.toBe(before.ino)
    expect(statSync(file).mode).toBe(before.mode)
    expect(readdirSync(dir)).toEqual(['journeykit.json'])
  })

  it('creates a missing file', async () => {
    const { studio, file } = await studioOf(null)
    const edits: Edit[] = [
      { path: ['version'], value: 1 },
      { path: ['collector'], value: { url: 'https://collect.example.com/v1/batch' } },
    ]
    expect((await save(studio, { baseHash: sha256(''), edits })).status).toBe(200)
    expect(readFileSync(file, 'utf8')).toBe('{\n  "version": 1,\n  "collector": {\n    "url": "https://collect.example.com/v1/batch"\n  }\n}\n')
  })

  it('refuses (409) a file changed on disk since it was read, and leaves it as it is', async () => {
    const { studio, file } = await studioOf(source)
    const changed = source.replace('"growth"', '"sales"')
    writeFileSync(file, changed)
    const answer = await save(studio, { baseHash: sha256(source), edits: [{ path: ['version'], value: 1 }] })
    expect(answer.status).toBe(409)
    expect(answer.json().error).toBe('journeykit.json changed on disk since the studio read it: reload it to see what is there now')
    expect(answer.json().state).toMatchObject({ text: changed, hash: sha256(changed) })
    expect(readFileSync(file, 'utf8')).toBe(changed)
  })

  it('lets one of two saves on the same base through, and refuses the other (409)', async () => {
    const { studio, file } = await studioOf(source)
    const answers = await Promise.all(
      ['sales', 'support'].map((team) => save(studio, { baseHash: sha256(source), edits: [{ path: ['x-team'], value: team }] })),
    )
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409])
    expect(readFileSync(file, 'utf8')).toBe(answers.find((answer) => answer.status === 200)!.json().text)
  })

  it('refuses (422) a result with problems, with their paths, and leaves the file as it is', async () => {
    const { studio, file } = await studioOf(source)
    const answer = await save(studio, { baseHash: sha256(source), edits: [{ path: ['journeys', 'rescue', 'steps', 0, 'goto'], value: 'nowhere' }] })
    expect(answer.status).toBe(422)
    expect(answer.json().error).toBe('1 problem: nothing was written')
    expect(answer.json().problems.map((problem: { path: string }) => problem.path)).toEqual(['journeys.rescue.steps[0].goto'])
    expect(readFileSync(file, 'utf8')).toBe(source)
  })

  it('refuses (400) an edit that does not fit the config, and a request that is not one', async () => {
    const { studio, file } = await studioOf(source)
    const past = await save(studio, { baseHash: sha256(source), edits: [{ path: ['journeys', 'rescue', 'steps', 4], value: {} }] })
    expect([past.status, past.json().error]).toEqual([400, 'journeys.rescue.steps[4]: past the end of the array (1 long)'])
    expect((await save(studio, { baseHash: sha256(source), edits: 'all' as unknown as Edit[] })).status).toBe(400)
    const notJson = await ask(studio, withToken(studio, '/api/save'), { method: 'POST', body: undefined })
    expect(notJson.status).toBe(400)
    expect(readFileSync(file, 'utf8')).toBe(source)
  })

  it('never writes over a file that is not JSON', async () => {
    const broken = '{\n  "version": 1,\n}\n'
    const { studio, file } = await studioOf(broken)
    const edits: Edit[] = [{ path: [], value: { version: 1 } }]
    const answer = await save(studio, { baseHash: sha256(broken), edits })
    expect(answer.status).toBe(422)
    expect(answer.json().error).toBe('journeykit.json is not JSON (line 3, column 1: remove the comma before "}"): fix it in a text editor first')
    expect((await save(studio, { baseHash: sha256(source), edits })).status).toBe(409)
    expect(readFileSync(file, 'utf8')).toBe(broken)
  })

  it('seals as `journeykit build` does, keeping the layout', async () => {
    const clean = source.replace('    "x-team": "growth",\n', '')
    const { studio, file, dir } = await studioOf(clean)
    const answer = await save(studio, { baseHash: sha256(clean), edits: [], seal: true })
    expect(answer.status).toBe(200)
    const written = readFileSync(file, 'utf8')
    const { $sealed } = JSON.parse(written) as { $sealed: string }
    expect(written).toBe(clean.replace(/\n}\n$/, `,\n    "$sealed": "${$sealed}"\n}\n`)) // the same text, the seal added last
    expect(isSealed(JSON.parse(written))).toBe(true)
    const built = join(dir, 'built.json')
    expect(
      runCli(
        ['build', file, '-o', built],
        (path) => readFileSync(path, 'utf8'),
        (path, text) => writeFileSync(path, text),
      ).code,
    ).toBe(0)
    expect(JSON.stringify(JSON.parse(written))).toBe(JSON.stringify(JSON.parse(readFileSync(built, 'utf8'))))
    expect(answer.json().warnings).toEqual([])
  })

  it('seals a config with warnings only when asked to, as `build --allow-warnings`', async () => {
    const { studio, file } = await studioOf(source)
    const refused = await save(studio, { baseHash: sha256(source), edits: [], seal: true })
    expect(refused.status).toBe(422)
    expect(refused.json().warnings.map((warning: { path: string }) => warning.path)).toEqual(['x-team'])
    expect(readFileSync(file, 'utf8')).toBe(source)
    expect((await save(studio, { baseHash: sha256(source), edits: [], seal: true, allowWarnings: true })).status).toBe(200)
    expect(isSealed(JSON.parse(readFileSync(file, 'utf8')))).toBe(true)
  })
})

describe('the studio server: changes on disk', () => {
  it('tells the app when the file changes on disk (server-sent events), with its new hash', async () => {
    const { studio, file } = await studioOf(source)
    let received = ''
    const req = httpRequest(
      { host: '127.0.0.1', port: studio.port, path: withToken(studio, '/api/events'), headers: { host: `127.0.0.1:${studio.port}` } },
      (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream')
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (received += chunk))
      },
    )
    req.on('error', () => {})
    req.end()
    cleanups.push(() => req.destroy())
    await vi.waitFor(() => expect(received).toContain('retry:'), { timeout: 10000 })
    // mtime has a resolution: let the poll see a new one
    await new Promise((done) => setTimeout(done, 50))
    const changed = source.replace('"growth"', '"sales"')
    writeFileSync(file, changed)
    await vi.waitFor(() => expect(received).toContain(`event: change\ndata: {"hash":"${sha256(changed)}"}\n\n`), { timeout: 10000 })
  })
})
