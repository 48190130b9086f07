import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { previewArguments, runCli, studioArguments } from './cli.js'
import { isSealed, sealOf } from '../config/seal.js'
import { library } from '../delivery/envelope.js'

const files: Record<string, string> = {
  'good.json': JSON.stringify({
    version: 1,
    items: { offer: { kind: 'focus', style: 'modal', title: 'Wait!' } },
    rules: [
      { id: 'exit-on-cart', on: 'exit_intent', if: { 'page.path': { $startsWith: '/cart' }, 'visit.count': { $gte: 2 } }, show: 'offer', frequency: 'once' },
      { id: 'welcome', on: 'page_view', show: 'offer' },
      { id: 'loyal', on: 'exit_intent', if: { 'visit.count': { $gte: 5 } }, track: 'loyal_exit' },
      { id: 'thursday', on: 'exit_intent', show: 'offer', schedule: { weekly: [{ days: ['thu'] }], timezone: 'Europe/Belgrade' } },
    ],
  }),
  'bad.json': JSON.stringify({ version: 1, rules: [{ id: 'r', on: 'page_view', if: { 'visit.count': { $gte: 'two' } }, show: 'missing' }] }),
  'broken.json': '{ "version": 1,',
  'journeys.json': JSON.stringify({
    version: 1,
    items: { reminder: { kind: 'focus', style: 'bar', title: 'Your cart is waiting' } },
    segments: { returning: { if: { 'visit.count': { $gte: 2 } } } },
    journeys: {
      rescue: {
        entry: { on: 'add_to_cart', if: { 'segment.returning': true } },
        exit: [{ on: 'order_completed' }],
        steps: [
          { id: 'nudge', on: 'page_view', if: { 'page.path': '/cart' }, show: 'reminder' },
          { id: 'pause', wait: '2h' },
          { id: 'thanks', track: 'rescue_done' },
        ],
      },
    },
  }),
  'timeline.json': JSON.stringify([
    { at: '+0m', event: 'page_view' },
    { at: '+1m', event: 'add_to_cart' },
    { at: '+1m', event: 'page_view', facts: { page: { path: '/cart' } } },
    { at: '+1h', event: null },
  ]),
  'facts.json': JSON.stringify({ visit: { count: 2 }, page: { path: '/' } }),
  'site.json': JSON.stringify({
    version: 1,
    items: { offer: { kind: 'focus', style: 'modal', title: 'Wait!' }, reminder: { kind: 'focus', style: 'modal', title: 'Your cart is waiting' } },
    rules: [
      { id: 'welcome', on: 'page_view', show: 'offer', frequency: 'once' },
      { id: 'exit', on: 'exit_intent', show: 'offer' },
    ],
    journeys: { rescue: { entry: { on: 'add_to_cart' }, steps: [{ id: 'nudge', on: 'page_view', if: { 'page.path': '/cart' }, show: 'reminder' }] } },
  }),
  'late.json': JSON.stringify([
    { at: '2026-12-01T10:00:00Z', event: 'x' },
    { at: '2026-12-01T09:00:00Z', event: 'x' },
  ]),
  'regex.json': JSON.stringify({
    version: 1,
    items: { offer: { kind: 'focus', style: 'modal', title: 'Wait!' } },
    rules: [
      { id: 'a', on: 'page_view', if: { 'page.query.q': { $regex: '(a|a)+$' } }, show: 'offer' },
      { id: 'b', on: 'page_view', if: { 'page.query.q': { $regex: '\\p{L}+' } }, show: 'offer' },
      { id: 'c', on: 'page_view', if: { 'page.referrer': { $regex: '(?<=x)y' } }, show: 'offer' },
    ],
  }),
}
const read = (path: string) => {
  if (!(path in files)) throw new Error(`ENOENT: no such file, open '${path}'`)
  return files[path]!
}

describe('journeykit validate', () => {
  it('says a good config is valid, exit 0', () => {
    expect(runCli(['validate', 'good.json'], read)).toEqual({ code: 0, output: 'good.json is valid: 4 rule(s), 1 item(s)' })
  })

  it('lists every problem with its JSON path, exit 1', () => {
    const { code, output } = runCli(['validate', 'bad.json'], read)
    expect(code).toBe(1)
    expect(output.split('\n')).toEqual([
      '✘ rules[0].if.visit.count: $gte needs a number, not "two" (rule "r")',
      '✘ rules[0].show: "missing" names no item in "items" (rule "r")',
      'bad.json: 2 problem(s); journeykit refuses this config',
    ])
  })

  it('prints a likely trigger typo as a warning, exit 0', () => {
    const typo = JSON.stringify({ version: 1, rules: [{ id: 'r', on: 'exit_itent', track: 'leaving' }] })
    expect(runCli(['validate', 'typo.json'], () => typo)).toEqual({
      code: 0,
      output: '! rules[0].on: "exit_itent" looks like "exit_intent" (rule "r")\ntypo.json is valid: 1 rule(s), 0 item(s)',
    })
  })

  it('refuses each $regex the engine cannot run, once, and says why', () => {
    const { code, output } = runCli(['validate', 'regex.json'], read)
    expect(code).toBe(1)
    const lines = output.split('\n')
    expect(lines.filter((line) => line.startsWith('✘'))).toEqual([
      '✘ rules[2].if.page.referrer: $regex has lookaround (rule "c")',
      '✘ rules[1].if.page.query.q: $regex has syntax journeykit does not run',
    ])
    expect(lines[1]).toMatch(/^ {4}lookaround .* needs a backtracking engine/)
    expect(lines[3]).toMatch(/^ {4}journeykit runs literals/)
  })

  it('reports unreadable files and bad JSON, exit 1; bad usage, exit 2', () => {
    expect(runCli(['validate', 'missing.json'], read).code).toBe(1)
    expect(runCli(['validate', 'broken.json'], read).output).toMatch(/^broken\.json: /)
    expect(runCli(['lint', 'good.json'], read).code).toBe(2)
    expect(runCli(['explain', 'good.json'], read).code).toBe(2)
  })
})

describe('journeykit build', () => {
  const build = (args: string[], from: Record<string, string> = files) => {
    const written: Record<string, string> = {}
    const result = runCli(
      ['build', ...args],
      (path) => from[path] ?? read(path),
      (path, text) => void (written[path] = text),
    )
    return { ...result, written }
  }

  it('writes the config with its seal beside its content, and says where, exit 0', () => {
    const { code, output, written } = build(['good.json', '-o', 'public/journeykit.json'])
    expect(code).toBe(0)
    const sealed = JSON.parse(written['public/journeykit.json']!)
    expect(sealed).toEqual({ ...JSON.parse(files['good.json']!), $sealed: sealOf(JSON.parse(files['good.json']!), library.version) })
    expect(isSealed(sealed)).toBe(true)
    expect(output).toBe(`good.json is valid: 4 rule(s), 1 item(s); sealed (${sealed.$sealed}) into public/journeykit.json`)
    expect(written['public/journeykit.json']).toMatch(/^{\n {2}"version": 1,\n[^]*\n}\n$/)
  })

  it('seals the file itself without -o, and again after an edit, where the seal stands', () => {
    const once = build(['good.json']).written['good.json']!
    const edited = JSON.stringify({ ...JSON.parse(once), rules: [] })
    const twice = build(['good.json'], { 'good.json': edited }).written['good.json']!
    expect(Object.keys(JSON.parse(twice)).at(-1)).toBe('$sealed')
    expect(isSealed(JSON.parse(twice))).toBe(true)
    expect(JSON.parse(twice).$sealed).not.toBe(JSON.parse(once).$sealed)
    // --out is -o
    expect(Object.keys(build(['good.json', '--out', 'x.json']).written)).toEqual(['x.json'])
  })

  it('refuses a config validate refuses, with the same problems, and writes nothing, exit 1', () => {
    const { code, output, written } = build(['bad.json', '-o', 'out.json'])
    expect(code).toBe(1)
    expect(output).toBe(runCli(['validate', 'bad.json'], read).output)
    expect(build(['regex.json']).code).toBe(1)
    expect(written).toEqual({})
  })

  const typo = JSON.stringify({ version: 1, rules: [{ id: 'r', on: 'exit_itent', track: 'leaving', someday: 1 }] })

  it('refuses a config with warnings, says why and writes nothing, exit 1 (issue 24)', () => {
    const { code, output, written } = build(['typo.json'], { 'typo.json': typo })
    expect(code).toBe(1)
    expect(output.split('\n')).toEqual([
      '! rules[0].someday: is not a known key; ignored (rule "r")',
      '! rules[0].on: "exit_itent" looks like "exit_intent" (rule "r")',
      'journeykit build: 2 warnings (listed above); fix them, or build with --allow-warnings',
    ])
    expect(written).toEqual({})
    const one = JSON.stringify({ version: 1, rules: [{ id: 'r', on: 'exit_itent', track: 'leaving' }] })
    expect(build(['one.json'], { 'one.json': one }).output.split('\n').at(-1)).toBe(
      'journeykit build: 1 warning (listed above); fix it, or build with --allow-warnings',
    )
  })

  it('prints warnings and seals anyway with --allow-warnings, exit 0', () => {
    const { code, output, written } = build(['typo.json', '--allow-warnings'], { 'typo.json': typo })
    expect(code).toBe(0)
    expect(output.split('\n')[1]).toBe('! rules[0].on: "exit_itent" looks like "exit_intent" (rule "r")')
    expect(isSealed(JSON.parse(written['typo.json']!))).toBe(true)
    expect(runCli(['validate', 'good.json', '--allow-warnings'], read).code).toBe(2)
  })

  it('is not held back by a stale seal: a new one is what build writes', () => {
    const stale = JSON.stringify({ ...JSON.parse(files['good.json']!), $sealed: '0.0.1:00000000-1' })
    expect(build(['stale.json'], { 'stale.json': stale }).code).toBe(0)
  })

  it('reports a file it cannot write, exit 1; bad usage, exit 2', () => {
    expect(runCli(['build', 'good.json', '-o', 'out.json'], read)).toEqual({ code: 1, output: 'out.json: cannot write out.json' })
    expect(build(['good.json', '-o']).code).toBe(2)
    expect(build(['good.json', '-o', 'a.json', '-o', 'b.json']).code).toBe(2)
    expect(runCli(['validate', 'good.json', '-o', 'out.json'], read).code).toBe(2)
    expect(runCli(['build'], read).output).toContain('journeykit build <journeykit.json> [-o <out.json>] [--allow-warnings]')
  })

  it('makes validate say when a seal no longer matches', () => {
    const stale = JSON.stringify({ ...JSON.parse(files['good.json']!), $sealed: '0.0.1:00000000-1' })
    expect(runCli(['validate', 'stale.json'], () => stale).output.split('\n')).toEqual([
      '! $sealed: does not match this config or this journeykit version: checked in full (run `npx journeykit build` again)',
      'stale.json is valid: 4 rule(s), 1 item(s)',
    ])
    const sealed = build(['good.json']).written['good.json']!
    expect(runCli(['validate', 'good.json'], () => sealed)).toEqual({ code: 0, output: 'good.json is valid: 4 rule(s), 1 item(s)' })
  })
})

describe('journeykit explain', () => {
  it('says which rules fire and, for the others, the first reason they do not', () => {
    const { code, output } = runCli(
      ['explain', 'good.json', '--on', 'exit_intent', '--fact', 'page.path=/cart', '--fact', 'visit.count=3', '--at', '2026-11-27T10:00:00Z'],
      read,
    )
    expect(code).toBe(0)
    expect(output.split('\n')).toEqual([
      'on exit_intent: 1 of 4 rule(s) would fire',
      '✔ exit-on-cart: show offer (if under its frequency cap "once")',
      '✘ welcome: listens for page_view, not exit_intent',
      '✘ loyal: visit.count {"$gte":5} is false (visit.count is 3)',
      '✘ thursday: outside its schedule at 2026-11-27T10:00:00.000Z',
    ])
  })

  it('names a push action, and that it needs a subscription', () => {
    const config = {
      version: 1,
      push: { vapidPublicKey: 'BKey' },
      rules: [{ id: 'left-cart', on: 'exit_intent', push: { title: 'Your cart is waiting', after: '1h' }, frequency: { limit: 1, per: '1d' } }],
    }
    const { code, output } = runCli(['explain', 'push.json', '--on', 'exit_intent'], (name) => (name === 'push.json' ? JSON.stringify(config) : read(name)))
    expect(code).toBe(0)
    expect(output.split('\n')).toEqual([
      'on exit_intent: 1 of 1 rule(s) would fire',
      '✔ left-cart: push "Your cart is waiting" after 1h, if the visitor has a push subscription (if under its frequency cap {"limit":1,"per":"1d"})',
    ])
  })

  it('notes a count that leaves out what the same page view tracks (issue 24)', () => {
    const config = {
      version: 1,
      items: { fan: { kind: 'focus', style: 'bar', title: 'You like shirts' } },
      rules: [
        { id: 'count-product', on: 'page_view', if: { 'page.path': { $startsWith: '/products' } }, track: 'product_viewed' },
        { id: 'big-fan', on: 'page_view', if: { 'events.product_viewed.7d': { $gte: 3 } }, show: 'fan' },
      ],
    }
    const args = ['explain', 'counts.json', '--on', 'page_view', '--fact', 'page.path=/products/shirt', '--fact', 'events.product_viewed.7d=2']
    const { code, output } = runCli(args, (name) => (name === 'counts.json' ? JSON.stringify(config) : read(name)))
    expect(code).toBe(0)
    expect(output.split('\n')).toEqual([
      'on page_view: 1 of 2 rule(s) would fire',
      '✔ count-product: track product_viewed',
      '✘ big-fan: events.product_viewed.7d {"$gte":3} is false (events.product_viewed.7d is 2)',
      "  note: events.product_viewed.7d leaves out the product_viewed that count-product tracks on this same page_view: it counts once the page_view's rules ran",
    ])
  })

  it('refuses prototype keys in facts', () => {
    expect(runCli(['explain', 'good.json', '--on', 'x', '--fact', '__proto__.polluted=1'], read).code).toBe(2)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('journeykit explain --timeline (every rule and journey at once)', () => {
  it('runs the visitor of the timeline through the rules and journeys, and says what each page shows and holds back', () => {
    const args = ['explain', 'site.json', '--timeline', 'timeline.json', '--facts', 'facts.json', '--at', '2026-12-01T10:00:00Z', '--visitor', 'v1']
    const { code, output } = runCli(args, read)
    expect(code).toBe(0)
    expect(output.split('\n')).toEqual([
      'site timeline (visitor "v1"; in UTC): 2 rule(s), 1 journey(s), 0 segment(s); limits: 2 item(s) a page, 5 a visit',
      '2026-12-01T10:00:00Z  page_view  [page 1]',
      '  visit 1 begins',
      '  ✔ rule welcome: show offer',
      '2026-12-01T10:01:00Z  add_to_cart',
      '  journey rescue:',
      '    + entered: run 1 (on add_to_cart)',
      '    … nudge waits for page_view when page.path is "/cart"',
      '2026-12-01T10:02:00Z  page_view  with page.path="/cart"  [page 2]',
      '  ✘ rule welcome: show offer held back: its frequency cap (once): it acted at 2026-12-01T10:00:00Z',
      '  journey rescue:',
      '    → nudge: show reminder → end (on page_view when page.path is "/cart")',
      '    ■ run 1 ended: completed after its last step',
      '2026-12-01T11:02:00Z  (time passes)',
      '',
      'page by page:',
      '  page 1  2026-12-01T10:00:00Z  /: shows offer (rule welcome)',
      '  page 2  2026-12-01T10:02:00Z  /cart: shows reminder (journey rescue)',
      '    held back: offer (rule welcome): its frequency cap (once): it acted at 2026-12-01T10:00:00Z',
      '',
      'where the visitor ends up:',
      '  stage: awareness',
      '  journey rescue: not in the journey: run 1 ended (completed)',
    ])
  })

  it('reports a timeline it cannot use, exit 1; --on beside it, exit 2', () => {
    const run = (...args: string[]) => runCli(['explain', 'site.json', ...args], read)
    expect(run('--timeline', 'missing.json')).toMatchObject({ code: 1, output: expect.stringMatching(/^missing\.json: ENOENT/) })
    expect(run('--timeline', 'late.json')).toEqual({ code: 1, output: 'timeline[1].at: 2026-12-01T09:00:00Z is before the call before it' })
    expect(run('--timeline', 'timeline.json', '--timezone', 'Nowhere')).toMatchObject({ code: 1 })
    expect(run('--timeline', 'timeline.json', '--on', 'x')).toEqual({
      code: 2,
      output: '--timeline and --on: give one of them (the --on call is a timeline of one)',
    })
  })
})

describe('journeykit explain --journey', () => {
  const flow = [
    'journey rescue',
    '  entry: on add_to_cart when segment.returning is true',
    '  exit: on order_completed (reason exit)',
    '  reentry: never (one run per visitor)',
    '  steps:',
    '    nudge   on page_view when page.path is "/cart": show reminder → pause',
    '    pause   wait 2h → thanks',
    '    thanks  track rescue_done → end (completed)',
  ]

  it('prints the journey as a flow', () => {
    expect(runCli(['explain', '--journey', 'rescue', 'journeys.json'], read)).toEqual({ code: 0, output: flow.join('\n') })
  })

  it('walks a timeline from --at with --facts and --fact, call by call, and says where the visitor ends up', () => {
    const args = ['explain', '--journey', 'rescue', 'journeys.json', '--timeline', 'timeline.json', '--facts', 'facts.json', '--fact', 'user.id=u1']
    const { code, output } = runCli([...args, '--at', '2026-12-01T10:00:00Z', '--visitor', 'v1'], read)
    expect(code).toBe(0)
    expect(output.split('\n').slice(flow.length)).toEqual([
      '',
      'timeline (visitor "v1"; in UTC):',
      '2026-12-01T10:00:00Z  page_view',
      '  ✘ not entered: the entry is on add_to_cart, not page_view',
      '  segments entered: returning',
      '2026-12-01T10:01:00Z  add_to_cart',
      '  + entered: run 1 (on add_to_cart when segment.returning is true)',
      '  … nudge waits for page_view when page.path is "/cart"',
      '2026-12-01T10:02:00Z  page_view  with page.path="/cart"',
      '  → nudge: show reminder → pause (on page_view when page.path is "/cart")',
      '  … pause waits 2h, until 2026-12-01T12:02:00Z',
      '2026-12-01T11:02:00Z  (time passes)',
      '  … pause waits 2h, until 2026-12-01T12:02:00Z',
      '',
      'where the visitor is: run 1, at step pause: waits 2h, until 2026-12-01T12:02:00Z',
    ])
  })

  it('explains one --on call at --at', () => {
    const { code, output } = runCli(
      ['explain', 'journeys.json', '--journey', 'rescue', '--on', 'add_to_cart', '--fact', 'segment.returning=true', '--at', '2026-12-01T10:00:00Z'],
      read,
    )
    expect(code).toBe(0)
    expect(output.split('\n').slice(flow.length + 2)).toEqual([
      '2026-12-01T10:00:00Z  add_to_cart',
      '  + entered: run 1 (on add_to_cart when segment.returning is true)',
      '  … nudge waits for page_view when page.path is "/cart"',
      '  segments entered: returning',
      '',
      'where the visitor is: run 1, at step nudge: waits for page_view when page.path is "/cart"',
    ])
  })

  it('reports a journey, file or timeline it cannot use, exit 1; bad usage, exit 2', () => {
    const run = (...args: string[]) => runCli(['explain', '--journey', ...args], read)
    expect(run('gone', 'journeys.json')).toEqual({ code: 1, output: 'no journey "gone" in the config (journeys: rescue)' })
    expect(run('rescue', 'journeys.json', '--timeline', 'missing.json')).toMatchObject({ code: 1, output: expect.stringMatching(/^missing\.json: ENOENT/) })
    expect(run('rescue', 'journeys.json', '--timeline', 'late.json')).toEqual({
      code: 1,
      output: 'timeline[1].at: 2026-12-01T09:00:00Z is before the call before it',
    })
    expect(run('rescue', 'journeys.json', '--timeline', 'timeline.json')).toMatchObject({
      code: 1,
      output: expect.stringContaining('timeline[0].at: "+0m" needs a time before it'),
    })
    expect(run('rescue', 'journeys.json', '--facts', 'timeline.json')).toEqual({ code: 1, output: 'timeline.json: needs a JSON object of facts' })
    expect(run('rescue', 'journeys.json', '--timeline', 'timeline.json', '--on', 'x').code).toBe(2)
    expect(run('rescue', 'journeys.json', '--colour').code).toBe(2)
    expect(run('rescue', 'journeys.json', 'extra.json').code).toBe(2)
    expect(run().code).toBe(2)
  })

  it('documents its flags in the usage', () => {
    const { output } = runCli([], read)
    for (const flag of ['--journey', '--timeline', '--facts', '--visitor', '--timezone', '--subscribed']) expect(output).toContain(flag)
  })
})

describe('preview arguments', () => {
  it('reads the file and the port', () => {
    expect(previewArguments(['preview', 'journeykit.json'])).toEqual({ file: 'journeykit.json', port: 0 })
    expect(previewArguments(['preview', '--port', '8090', 'journeykit.json'])).toEqual({ file: 'journeykit.json', port: 8090 })
  })
  it('is null for anything else (the usage is printed)', () => {
    expect(previewArguments(['validate', 'journeykit.json'])).toBeNull()
    expect(previewArguments(['preview'])).toBeNull()
    expect(previewArguments(['preview', 'a.json', 'b.json'])).toBeNull()
    expect(previewArguments(['preview', 'a.json', '--port', 'x'])).toBeNull()
    expect(previewArguments(['preview', 'a.json', '--open'])).toBeNull()
  })
})

describe('studio arguments', () => {
  it('reads the file (journeykit.json when none is named) and the port', () => {
    expect(studioArguments(['studio'])).toEqual({ file: 'journeykit.json', port: 0 })
    expect(studioArguments(['studio', 'site/journeykit.json'])).toEqual({ file: 'site/journeykit.json', port: 0 })
    expect(studioArguments(['studio', '--port', '8091'])).toEqual({ file: 'journeykit.json', port: 8091 })
    expect(studioArguments(['studio', 'a.json', '--port', '8091'])).toEqual({ file: 'a.json', port: 8091 })
  })
  it.each([
    [['studio', '--site', 'http://localhost:8080'], { file: 'journeykit.json', port: 0, site: 'http://localhost:8080' }],
    [['studio', 'a.json', '--site', 'https://shop.example/cart', '--port', '1'], { file: 'a.json', port: 1, site: 'https://shop.example/cart' }],
    [['studio', '--site'], null],
    [['studio', '--site', 'shop.example'], null],
    [['studio', '--site', 'javascript:alert(1)'], null],
    [['studio', '--collector', 'http://127.0.0.1:8787'], { file: 'journeykit.json', port: 0, collector: 'http://127.0.0.1:8787' }],
    [
      ['studio', '--site', 'http://localhost:8080', '--collector', 'http://127.0.0.1:8787'],
      { file: 'journeykit.json', port: 0, site: 'http://localhost:8080', collector: 'http://127.0.0.1:8787' },
    ],
    [['studio', '--collector'], null],
    [['studio', '--collector', 'file:///etc/passwd'], null],
  ])('reads --site and --collector: %j → %j', (args, expected) => {
    expect(studioArguments(args)).toEqual(expected)
  })
  it('is null for anything else (the usage is printed)', () => {
    expect(studioArguments(['preview', 'journeykit.json'])).toBeNull()
    expect(studioArguments(['studio', 'a.json', 'b.json'])).toBeNull()
    expect(studioArguments(['studio', '--port'])).toBeNull()
    expect(studioArguments(['studio', '--port', '70000'])).toBeNull()
    expect(studioArguments(['studio', '--open'])).toBeNull()
  })
  it('is in the usage', () => {
    expect(runCli(['help'], read).output).toContain('journeykit studio [<journeykit.json>] [--port N] [--site <url>] [--collector <url>]')
  })
})

describe('journeykit map', () => {
  it('prints every journey as one SVG, exit 0', () => {
    const { code, output } = runCli(['map', 'journeys.json'], read)
    expect(code).toBe(0)
    expect(output.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(output.endsWith('</svg>')).toBe(true)
    for (const step of ['nudge', 'pause', 'thanks']) expect(output).toContain(`data-step="${step}"`)
    expect(output).toContain('aria-label="Journey map: rescue"')
  })

  it('draws the one --journey names, and names the journeys there are when it is not one of them', () => {
    expect(runCli(['map', 'journeys.json', '--journey', 'rescue'], read).code).toBe(0)
    expect(runCli(['map', 'journeys.json', '--journey', 'nope'], read)).toEqual({ code: 1, output: 'no journey "nope" in this config (rescue)' })
  })

  it('refuses a config with problems, as validate does', () => {
    const { code, output } = runCli(['map', 'bad.json'], read)
    expect(code).toBe(1)
    expect(output).toContain('bad.json: 2 problem(s); journeykit refuses this config')
  })

  it('is in the usage', () => {
    expect(runCli([], read).output).toContain('journeykit map <journeykit.json> [--journey <id>] [-o <map.svg>]')
  })

  it('writes the SVG with -o only when the config is valid, exit 1 and nothing written otherwise (issue 24)', () => {
    const written: Record<string, string> = {}
    const write = (path: string, text: string) => void (written[path] = text)
    const refused = runCli(['map', 'bad.json', '-o', 'map.svg'], read, write)
    expect(refused.code).toBe(1)
    expect(refused.output).toContain('bad.json: 2 problem(s); journeykit refuses this config')
    expect(written).toEqual({})
    expect(runCli(['map', 'journeys.json', '--journey', 'nope', '-o', 'map.svg'], read, write).code).toBe(1)
    expect(written).toEqual({})
    const drawn = runCli(['map', 'journeys.json', '-o', 'map.svg'], read, write)
    expect(drawn).toEqual({ code: 0, output: 'journeys.json: 1 journey(s) drawn into map.svg' })
    expect(written['map.svg']).toMatch(/^<svg [^]*<\/svg>\n$/)
    expect(runCli(['map', 'journeys.json', '-o', 'a.svg', '-o', 'b.svg'], read, write).code).toBe(2)
  })
})

describe('journeykit help (issue 24)', () => {
  it.each([['help'], ['--help'], ['-h'], ['build', '--help'], ['map', 'journeys.json', '-h']])('%s prints the usage, exit 0', (...args) => {
    const { code, output } = runCli(args, read)
    expect(code).toBe(0)
    expect(output).toMatch(/^usage:\n {2}journeykit validate <journeykit.json>/)
    expect(output).toContain('journeykit help')
  })

  it('prints the usage for no arguments at all, exit 2 (a usage error, as the contract says)', () => {
    const { code, output } = runCli([], read)
    expect(code).toBe(2)
    expect(output).toMatch(/^usage:\n/)
  })
})

describe('journeykit init (issue 24)', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  /** The CLI as bin/journeykit.mjs runs it, in a fresh temp dir. */
  const inTemp = () => {
    const dir = mkdtempSync(join(tmpdir(), 'journeykit-init-'))
    dirs.push(dir)
    const at = (path: string) => join(dir, path)
    const run = (...args: string[]) =>
      runCli(
        args,
        (path) => readFileSync(at(path), 'utf8'),
        (path, text) => writeFileSync(at(path), text),
        (path, text) => writeFileSync(at(path), text, { flag: 'wx' }),
      )
    return { run, at }
  }

  it('writes journeykit.json from the empty template by default, and it validates, exit 0', () => {
    const { run, at } = inTemp()
    expect(run('init')).toEqual({
      code: 0,
      output: 'wrote journeykit.json from the empty template (0 rule(s), 0 item(s), 0 journey(s)); edit it, then: npx journeykit validate journeykit.json',
    })
    expect(JSON.parse(readFileSync(at('journeykit.json'), 'utf8'))).toMatchObject({ version: 1, collector: { url: 'https://collect.example.com/v1/batch' } })
    expect(run('validate', 'journeykit.json')).toEqual({ code: 0, output: 'journeykit.json is valid: 0 rule(s), 0 item(s)' })
  })

  it('writes the shop template to the file named; it validates with no warning and builds', () => {
    const { run } = inTemp()
    expect(run('init', 'shoes.json', '--template', 'shop')).toEqual({
      code: 0,
      output: 'wrote shoes.json from the shop template (7 rule(s), 5 item(s), 1 journey(s)); edit it, then: npx journeykit validate shoes.json',
    })
    expect(run('validate', 'shoes.json')).toEqual({ code: 0, output: 'shoes.json is valid: 7 rule(s), 5 item(s)' })
    expect(run('build', 'shoes.json', '-o', 'sealed.json').code).toBe(0)
  })

  it('refuses to overwrite an existing file and leaves it as it was, exit 1', () => {
    const { run, at } = inTemp()
    writeFileSync(at('journeykit.json'), '{ "version": 1, "mine": true }')
    expect(run('init', '--template', 'shop')).toEqual({
      code: 1,
      output: 'journeykit.json already exists; init does not overwrite it: edit it, or name another file (journeykit init <file>)',
    })
    expect(readFileSync(at('journeykit.json'), 'utf8')).toBe('{ "version": 1, "mine": true }')
  })

  it('refuses an existing file with only a reader and a writer too (runCli without createFile)', () => {
    const written: string[] = []
    const result = runCli(['init', 'good.json'], read, (path) => void written.push(path))
    expect(result.code).toBe(1)
    expect(result.output).toMatch(/^good\.json already exists/)
    expect(written).toEqual([])
    expect(runCli(['init', 'new.json'], read, (path) => void written.push(path)).code).toBe(0)
    expect(written).toEqual(['new.json'])
  })

  it('reports a file it cannot create, exit 1; an unknown template or bad usage, exit 2', () => {
    const { run } = inTemp()
    expect(run('init', 'no/such/dir/journeykit.json').code).toBe(1)
    expect(run('init', '--template', 'blog')).toEqual({ code: 2, output: '--template is empty or shop, not "blog"' })
    expect(run('init', 'a.json', 'b.json').code).toBe(2)
    expect(run('init', '--template', 'shop', '--template', 'empty').code).toBe(2)
    expect(run('init', '--template').code).toBe(2)
    expect(run('validate', 'a.json', '--template', 'shop').code).toBe(2)
  })

  it('is in the usage', () => {
    expect(runCli(['help'], read).output).toContain('journeykit init [<journeykit.json>] [--template empty|shop]')
  })
})

describe('JSON syntax errors (issue 24)', () => {
  const validate = (text: string) => runCli(['validate', 'journeykit.json'], () => text)
  const config = (...lines: string[]) => lines.join('\n')

  it('says where a comma is left before a closing brace or bracket, and to remove it, exit 1', () => {
    const text = config('{', '  "version": 1,', '  "rules": [', '    { "id": "a", "on": "page_view", "track": "x" },', '  ],', '  "items": {},', '}')
    expect(validate(text)).toEqual({ code: 1, output: 'journeykit.json: line 5, column 3: remove the comma before "]"' })
    const fixed = text.replace('},\n  ]', '}\n  ]')
    expect(validate(fixed)).toEqual({ code: 1, output: 'journeykit.json: line 7, column 1: remove the comma before "}"' })
  })

  it('says where a comma is missing between two members or two values', () => {
    expect(validate(config('{', '  "version": 1', '  "items": {}', '}')).output).toBe('journeykit.json: line 3, column 3: add a comma before "items"')
    expect(validate('{ "version": 1, "rules": [{ "id": "a" } { "id": "b" }] }').output).toBe('journeykit.json: line 1, column 41: add a comma before "{"')
  })

  it('says to quote a key without quotes, and names it', () => {
    expect(validate(config('{', '  "version": 1,', '  rules: []', '}')).output).toBe('journeykit.json: line 3, column 3: put the key in double quotes: "rules"')
  })

  it('names other mistakes plainly where it can, and otherwise gives the parser’s message with the line and column', () => {
    expect(validate('{ "version": 1,').output).toBe('journeykit.json: line 1, column 16: the file ends too early: a closing "}" or "]", or a value, is missing')
    expect(validate("{ 'version': 1 }").output).toBe('journeykit.json: line 1, column 3: use double quotes ("), not single ones')
    expect(validate('{\n  // mine\n  "version": 1 }').output).toBe(
      'journeykit.json: line 2, column 3: JSON has no comments: remove it (a "$comment" key can hold a note)',
    )
    expect(validate('{ "version": 1, "debug": True }').output).toBe(
      'journeykit.json: line 1, column 26: True is not a value: text goes in double quotes ("True"); true, false and null are lower case',
    )
    expect(validate('{ "version": 1 }}').output).toBe('journeykit.json: line 1, column 17: Unexpected non-whitespace character after JSON')
    expect(validate('{ "version": 1, "title": "a\tb" }').output).toMatch(/^journeykit\.json: line 1, column 28: Bad control character in string literal/)
  })

  it('reads a file saved with a byte-order mark', () => {
    expect(validate('\uFEFF{ "version": 1 }')).toEqual({ code: 0, output: 'journeykit.json is valid: 0 rule(s), 0 item(s)' })
  })

  it('places errors in timeline and facts files too', () => {
    const from: Record<string, string> = { 't.json': '[\n  { "at": "+0m", "event": "add_to_cart" },\n]' }
    const result = runCli(['explain', '--journey', 'rescue', 'journeys.json', '--timeline', 't.json'], (path) => from[path] ?? read(path))
    expect(result).toEqual({ code: 1, output: 't.json: line 3, column 1: remove the comma before "]"' })
  })
})

describe('journeykit build --site (issue 27)', () => {
  const dist: Record<string, string> = {
    'dist/site/lazy/manifest.json': JSON.stringify({ start: 'start.js', chunks: ['ui.BBBBBBBBBB.js'] }),
    'dist/site/lazy/start.js': 'start(JOURNEYKIT_SITE_CONFIG)',
    'dist/site/lazy/ui.BBBBBBBBBB.js': 'export const ui=1',
    'dist/site/actions/manifest.json': JSON.stringify({ start: 'start.js', chunks: ['ui.CCCCCCCCCC.js'] }),
    'dist/site/actions/start.js': 'const act=1;start(JOURNEYKIT_SITE_CONFIG)',
    'dist/site/actions/ui.CCCCCCCCCC.js': 'export const ui=2',
    'dist/journeykit-sw.js': 'self.onpush=0',
  }
  const site = (args: string[], distDir: string | null = 'dist/') => {
    const written: Record<string, string> = {}
    const result = runCli(
      args,
      (path) => dist[path] ?? read(path),
      (path, text) => void (written[path] = text),
      undefined,
      distDir ?? undefined,
    )
    return { ...result, written }
  }

  it('writes journeykit.js with the sealed config inside, the chunks beside it and the worker, exit 0', () => {
    const { code, output, written } = site(['build', 'good.json', '--site', 'public/js/'])
    expect(code).toBe(0)
    expect(Object.keys(written)).toEqual(['public/js/journeykit.js', 'public/js/ui.CCCCCCCCCC.js', 'public/js/journeykit-sw.js'])
    const inside = /^const act=1;start\((.*)\)$/.exec(written['public/js/journeykit.js']!)![1]!
    expect(isSealed(JSON.parse(inside.slice(1, -1)))).toBe(true)
    expect(output).toContain('<script async src="…/js/journeykit.js"></script>')
    expect(output).toContain('with the actions chunk: a rule acts on the page view')
    expect(output).toContain('Cache-Control: no-cache')
  })

  it.each([
    ['with -o', ['build', 'good.json', '--site', 'out', '-o', 'x.json']],
    ['twice', ['build', 'good.json', '--site', 'a', '--site', 'b']],
    ['on validate', ['validate', 'good.json', '--site', 'out']],
    ['without a folder', ['build', 'good.json', '--site']],
  ])('%s: usage, exit 2, nothing written', (_name, args) => {
    const { code, written } = site(args)
    expect(code).toBe(2)
    expect(written).toEqual({})
  })

  it('a refused config writes nothing, exit 1', () => {
    const { code, written } = site(['build', 'bad.json', '--site', 'out'])
    expect(code).toBe(1)
    expect(written).toEqual({})
  })

  it.each([
    ['no dist folder given', null],
    ['a dist/ without the site build', 'elsewhere/'],
  ])('%s: says to build, exit 1, nothing written', (_name, distDir) => {
    const { code, output, written } = site(['build', 'good.json', '--site', 'out'], distDir)
    expect(code).toBe(1)
    expect(output).toContain('npm run build')
    expect(written).toEqual({})
  })

  it('is in the usage text', () => {
    expect(runCli(['--help'], read).output).toContain('journeykit build <journeykit.json> --site <dir> [--allow-warnings]')
  })
})
