import { describe, expect, it } from 'vitest'
import { validateConfig } from './validate.js'

const valid = {
  version: 1,
  collector: { url: 'https://collect.example.com/v1/batch', writeKey: 'k' },
  stages: { purchase: { on: 'order_completed' } },
  items: {
    'exit-offer': { kind: 'focus', style: 'modal', title: 'Wait!', body: 'Take 10% off', code: 'SAVE10', cta: { label: 'Back to cart', url: '/cart' } },
    guide: { kind: 'asset', style: 'slidein', title: 'Free sizing guide', asset: { url: '/files/guide.pdf' }, gate: 'email' },
    alerts: { kind: 'push', style: 'notification', title: 'Price-drop alerts?' },
  },
  rules: [
    {
      id: 'exit-on-cart',
      on: 'exit_intent',
      if: { 'page.path': { $startsWith: '/cart' }, 'visit.count': { $gte: 2 } },
      show: 'exit-offer',
      frequency: { limit: 1, per: '7d' },
      schedule: { weekly: [{ days: ['thu'], from: '08:00', to: '20:00' }], timezone: 'Europe/Belgrade' },
      stage: 'retention',
    },
    { id: 'deep-scroll', on: 'scroll', percent: 50, show: 'guide', delay: '3s' },
    {
      id: 'ab',
      on: 'page_view',
      variants: [
        { weight: 50, show: 'exit-offer' },
        { weight: 50, show: 'guide' },
      ],
    },
  ],
}

const clone = () => structuredClone(valid) as any
const messagesOf = (config: unknown) => validateConfig(config).problems.map((p) => `${p.path}: ${p.message}`)

describe('validateConfig', () => {
  it('accepts the contract example whole', () => {
    expect(validateConfig(valid)).toEqual({ problems: [], warnings: [] })
  })

  it('accepts the §8b push rule, and refuses an unsafe URL or a push more than 30 days later', () => {
    const config = clone()
    const push = { title: 'Still thinking it over?', body: 'Your cart is saved', url: '/cart', after: '1h', cancelOn: ['order_completed'] }
    config.rules.push({ id: 'left-cart', on: 'exit_intent', if: { 'page.path': '/cart' }, push })
    expect(validateConfig(config).warnings).toEqual([
      {
        path: 'rules[3].push',
        message: 'needs "push" in the config (its VAPID key): without it no visitor has a subscription, and nothing is requested (rule "left-cart")',
      },
    ])
    config.push = { vapidPublicKey: 'BKey' }
    expect(validateConfig(config)).toEqual({ problems: [], warnings: [] })
    config.rules[3].push = { ...push, url: 'javascript:alert(1)', icon: 'data:image/png;base64,AA', after: '31d' }
    expect(messagesOf(config)).toEqual([
      'rules[3].push.icon: must be an https: or relative URL, not "data:image/png;base64,AA" (rule "left-cart")',
      'rules[3].push.url: must be an https:, http: or relative URL, not "javascript:alert(1)" (rule "left-cart")',
      'rules[3].push.after: must be a duration up to 30 days, like "10s", "1h" or "3d", not "31d" (rule "left-cart")',
    ])
  })

  it('names the JSON path of a wrong operator operand, as the contract words it', () => {
    const config = clone()
    config.rules[0].if['visit.count'] = { $gte: 'two' }
    expect(messagesOf(config)).toEqual(['rules[0].if.visit.count: $gte needs a number, not "two" (rule "exit-on-cart")'])
  })

  it('reports every problem, not just the first', () => {
    const config = clone()
    config.version = 2
    config.items['exit-offer'].style = 'popover'
    config.rules[1].percent = 0
    config.rules[2].variants[1].show = 'nope'
    expect(messagesOf(config)).toEqual([
      'version: must be 1, not 2',
      'items.exit-offer.style: must be one of modal, bar, slidein, notification, not "popover"',
      'rules[1].percent: scroll needs "percent" between 1 and 100, not 0 (rule "deep-scroll")',
      'rules[2].variants[1].show: "nope" names no item in "items" (rule "ab")',
    ])
  })

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html,<b>x</b>', 'blob:https://x/y'])(
    'refuses the CTA URL %s',
    (url) => {
      const config = clone()
      config.items['exit-offer'].cta.url = url
      expect(messagesOf(config)).toEqual([`items.exit-offer.cta.url: must be an https:, http: or relative URL, not ${JSON.stringify(url)}`])
    },
  )

  it('refuses unknown operators, facts, kinds, triggers and item ids', () => {
    const config = clone()
    config.rules[0].if = { 'page.path': { $like: '/cart' }, 'weather.today': 'sunny' }
    config.items.alerts.kind = 'popup'
    config.rules[1].on = 'not a trigger!'
    config.rules[0].show = 'missing'
    const text = messagesOf(config).join('\n')
    expect(text).toContain('rules[0].if.page.path: $like is not a known operator (rule "exit-on-cart")')
    expect(text).toContain('rules[0].if.weather.today: "weather.today" is not a known fact')
    expect(text).toContain('items.alerts.kind: must be one of focus, asset, push, not "popup"')
    expect(text).toContain('rules[1].on: must be a trigger')
    expect(text).toContain('rules[0].show: "missing" names no item in "items"')
  })

  it('refuses __proto__, constructor and prototype keys anywhere', () => {
    const config = JSON.parse('{"version":1,"items":{"__proto__":{"kind":"focus"}},"rules":[{"id":"r","on":"page_view","track":"x","if":{"constructor":1}}]}')
    const text = messagesOf(config)
    expect(text).toContain('items.__proto__: is not an allowed key')
    expect(text).toContain('rules[0].if.constructor: is not an allowed key (rule "r")')
  })

  it.each([
    ['(a|b)\\1', 'has a backreference'],
    ['(?<x>a)\\k<x>', 'has a backreference'],
    ['a(?=b)', 'has lookaround'],
    ['(?<!a)b', 'has lookaround'],
    ['a'.repeat(257), 'is over 256 characters'],
    ['(unclosed', 'has syntax journeykit does not run'],
  ])('refuses the $regex %s: %s', (pattern, why) => {
    const config = clone()
    config.rules[0].if = { 'page.path': { $regex: pattern } }
    expect(messagesOf(config)).toEqual([`rules[0].if.page.path: $regex ${why} (rule "exit-on-cart")`])
  })

  it('refuses a $regex that is not a string', () => {
    const config = clone()
    config.rules[0].if = { 'page.path': { $regex: 5 } }
    expect(messagesOf(config)).toEqual(['rules[0].if.page.path: $regex needs a string, not 5 (rule "exit-on-cart")'])
  })

  // The engine is linear-time: the shapes that freeze a backtracking engine are fine here.
  it.each(['(a+)+$', '(x*)*y', '(a|a)+$', '.*.*.*.*x', '\\\\1', '[(?=]', '[\\k<]', '(?i)^sale'])('accepts the $regex %s', (pattern) => {
    const config = clone()
    config.rules[0].if = { 'page.path': { $regex: pattern } }
    expect(messagesOf(config)).toEqual([])
  })

  it('refuses absurd nesting without blowing the stack', () => {
    let query: any = { 'page.path': '/x' }
    for (let i = 0; i < 5000; i++) query = { $and: [query] }
    const config = clone()
    config.rules[0].if = query
    expect(messagesOf(config).some((text) => text.includes('nests too deeply'))).toBe(true)
  })

  it('warns about unknown keys and still accepts the config', () => {
    const config = clone()
    config.futureFeature = true
    config.rules[0].someday = 1
    const { problems, warnings } = validateConfig(config)
    expect(problems).toEqual([])
    expect(warnings.map((w) => w.path)).toEqual(['futureFeature', 'rules[0].someday'])
  })

  it('accepts a trigger within a typo of a built-in as an event name, warning which one it looks like', () => {
    const config = clone()
    config.rules[0].on = 'exit_itent'
    config.rules[2].on = 'Page_View'
    const { problems, warnings } = validateConfig(config)
    expect(problems).toEqual([])
    expect(warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([
      'rules[0].on: "exit_itent" looks like "exit_intent" (rule "exit-on-cart")',
      'rules[2].on: "Page_View" looks like "page_view" (rule "ab")',
    ])
  })

  it('does not warn about built-in triggers or event names far from them', () => {
    const config = clone()
    config.rules[0].on = 'order_completed'
    expect(validateConfig(config)).toEqual({ problems: [], warnings: [] })
  })

  it('checks schedules, durations, frequency and time zones', () => {
    const config = clone()
    config.rules[0].frequency = { limit: 0, per: 'weekly' }
    config.rules[0].schedule = { start: 'tomorrow', weekly: [{ days: ['thursday'], from: '8am' }], timezone: 'Mars/Olympus' }
    config.rules[1].delay = 'soon'
    config.visitTimeout = 'half an hour'
    expect(messagesOf(config)).toEqual([
      'visitTimeout: must be a duration above 0, like "30s", "1h" or "7d", not "half an hour"',
      'rules[0].frequency.limit: must be a number above 0, not 0 (rule "exit-on-cart")',
      'rules[0].frequency.per: must be a duration above 0, like "30s", "1h" or "7d", not "weekly" (rule "exit-on-cart")',
      'rules[0].schedule.start: must be an ISO date like "2026-12-01" or "2026-12-01T08:00:00Z", not "tomorrow" (rule "exit-on-cart")',
      'rules[0].schedule.timezone: must be an IANA time zone like "Europe/Belgrade", not "Mars/Olympus" (rule "exit-on-cart")',
      'rules[0].schedule.weekly[0].days[0]: must be one of mon, tue, wed, thu, fri, sat, sun, not "thursday" (rule "exit-on-cart")',
      'rules[0].schedule.weekly[0].from: must be a time "HH:MM", not "8am" (rule "exit-on-cart")',
      'rules[1].delay: must be a duration above 0, like "30s", "1h" or "7d", not "soon" (rule "deep-scroll")',
    ])
  })

  it('needs exactly one action per rule', () => {
    const config = clone()
    config.rules[1].track = 'also'
    delete config.rules[2].variants
    expect(messagesOf(config)).toEqual([
      'rules[1]: needs exactly one of show, track, set, variants or push (rule "deep-scroll")',
      'rules[2]: needs exactly one of show, track, set, variants or push (rule "ab")',
    ])
  })

  it('refuses a config that is not an object', () => {
    expect(messagesOf('hello')).toEqual(['(config): must be an object'])
    expect(messagesOf(null)).toEqual(['(config): must be an object'])
  })
})

describe("email capture: a form's and a gate's submitLabel, thank-you and consent (issue 24)", () => {
  const withForm = (form: unknown) => {
    const config = clone()
    config.items.guide.form = form
    return config
  }

  it('accepts them on a gated asset, consent as a string or as { text, required }', () => {
    for (const consent of ['Send me offers', { text: 'I accept the terms', required: true }, { text: 'Email me offers too' }]) {
      expect(validateConfig(withForm({ submitLabel: 'Email me the guide', successMessage: 'Thanks!', consent }))).toEqual({ problems: [], warnings: [] })
    }
  })

  it.each([
    ['a number for consent', { consent: 1 }, 'items.guide.form.consent: must be a string or { "text": "…", "required": true }, not 1'],
    ['a list for consent', { consent: ['Yes'] }, 'items.guide.form.consent: must be a string or { "text": "…", "required": true }, not ["Yes"]'],
    ['consent without its text', { consent: { required: true } }, 'items.guide.form.consent.text: must be a string'],
    ['"required" not true or false', { consent: { text: 'Terms', required: 'yes' } }, 'items.guide.form.consent.required: must be true or false, not "yes"'],
    [
      'a misspelt key of consent',
      { consent: { text: 'Terms', requierd: true } },
      'items.guide.form.consent.requierd: "requierd" is not a known key — did you mean "required"?',
    ],
    ['a number for submitLabel', { submitLabel: 2 }, 'items.guide.form.submitLabel: must be a string, not 2'],
    ['a number for successMessage', { successMessage: 3 }, 'items.guide.form.successMessage: must be a string, not 3'],
  ])('%s is an error naming its path', (_what, form, expected) => {
    expect(messagesOf(withForm(form))).toEqual([expected])
  })
})

describe('push.allowedOrigins', () => {
  const withOrigins = (allowedOrigins: unknown) => ({ ...clone(), push: { vapidPublicKey: 'BKEY', allowedOrigins } })

  it('accepts a list of exact origins', () => {
    expect(validateConfig(withOrigins(['https://blog.example', 'http://localhost:8080', 'https://xn--bcher-kva.example']))).toEqual({
      problems: [],
      warnings: [],
    })
  })

  it('refuses a string, which the worker would match as a substring', () => {
    expect(messagesOf(withOrigins('https://blog.example'))).toEqual(['push.allowedOrigins: must be an array, not "https://blog.example"'])
  })

  it('names each entry that is not exactly an http(s) origin', () => {
    const entries = [
      'https://blog.example/',
      'https://blog.example/news',
      'blog.example',
      'javascript:alert(1)',
      'ftp://files.example',
      'https://user@blog.example',
      'HTTPS://Blog.Example',
      42,
      'https://ok.example',
    ]
    expect(messagesOf(withOrigins(entries))).toEqual(
      entries.slice(0, -1).map((entry, i) => `push.allowedOrigins[${i}]: must be an origin: "https://host", not ${JSON.stringify(entry)}`),
    )
  })
})

describe('every problem quotes the bad value, and names a near one (contract §4)', () => {
  /** [what, edit of the contract example, the one message expected] */
  const rows: Array<[string, (config: any) => void, string]> = [
    [
      'an operand of the wrong type',
      (c) => (c.rules[0].if['visit.count'] = { $gte: 'two' }),
      'rules[0].if.visit.count: $gte needs a number, not "two" (rule "exit-on-cart")',
    ],
    [
      'a misspelt operator',
      (c) => (c.rules[0].if['visit.count'] = { $gtee: 2 }),
      'rules[0].if.visit.count: $gtee is not a known operator — did you mean "$gte"? (rule "exit-on-cart")',
    ],
    [
      'an operator in the wrong case',
      (c) => (c.rules[0].if['page.path'] = { $startswith: '/cart' }),
      'rules[0].if.page.path: $startswith is not a known operator — did you mean "$startsWith"? (rule "exit-on-cart")',
    ],
    [
      'an operator far from any',
      (c) => (c.rules[0].if['page.path'] = { $like: '/cart' }),
      'rules[0].if.page.path: $like is not a known operator (rule "exit-on-cart")',
    ],
    [
      'a misspelt item',
      (c) => (c.rules[0].show = 'exit-ofer'),
      'rules[0].show: "exit-ofer" names no item in "items" — did you mean "exit-offer"? (rule "exit-on-cart")',
    ],
    [
      'an item in the wrong case',
      (c) => (c.rules[1].show = 'Guide'),
      'rules[1].show: "Guide" names no item in "items" — did you mean "guide"? (rule "deep-scroll")',
    ],
    ['a variant naming no item', (c) => (c.rules[2].variants[1].show = 'nope'), 'rules[2].variants[1].show: "nope" names no item in "items" (rule "ab")'],
    [
      'a misspelt variant item',
      (c) => (c.rules[2].variants[0].show = 'gide'),
      'rules[2].variants[0].show: "gide" names no item in "items" — did you mean "guide"? (rule "ab")',
    ],
    [
      'an unknown style',
      (c) => (c.items['exit-offer'].style = 'popover'),
      'items.exit-offer.style: must be one of modal, bar, slidein, notification, not "popover"',
    ],
    [
      'an unsafe URL',
      (c) => (c.items['exit-offer'].cta.url = 'javascript:alert(1)'),
      'items.exit-offer.cta.url: must be an https:, http: or relative URL, not "javascript:alert(1)"',
    ],
    [
      'a trigger that is no event name',
      (c) => (c.rules[1].on = 'page view'),
      'rules[1].on: must be a trigger (page_view, exit_intent, scroll, time_on_page, idle, click, visit_start) or an event name, not "page view" (rule "deep-scroll")',
    ],
    ['a percent out of range', (c) => (c.rules[1].percent = 0), 'rules[1].percent: scroll needs "percent" between 1 and 100, not 0 (rule "deep-scroll")'],
    ['a repeated rule id', (c) => (c.rules[1].id = 'exit-on-cart'), 'rules[1].id: "exit-on-cart" repeats a rule id'],
    ['a number for a string', (c) => (c.items.guide.title = 42), 'items.guide.title: is required, not 42'],
    [
      'an object for a duration',
      (c) => (c.rules[1].delay = { seconds: 3 }),
      'rules[1].delay: must be a duration above 0, like "30s", "1h" or "7d", not {"seconds":3} (rule "deep-scroll")',
    ],
    [
      'a long value, cut',
      (c) => (c.rules[0].schedule.timezone = `Europe/${'x'.repeat(80)}`),
      `rules[0].schedule.timezone: must be an IANA time zone like "Europe/Belgrade", not "Europe/${'x'.repeat(41)}… (rule "exit-on-cart")`,
    ],
    [
      'an unknown fact',
      (c) => (c.rules[0].if = { 'pgae.path': '/cart' }),
      'rules[0].if.pgae.path: "pgae.path" is not a known fact — did you mean "page.path"? (rule "exit-on-cart")',
    ],
  ]
  it.each(rows)('%s', (_what, edit, expected) => {
    const config = clone()
    edit(config)
    expect(messagesOf(config)).toEqual([expected])
  })
})

describe('a misspelt key is an error; a truly unknown one a warning (issue 24, contract §7)', () => {
  /** [what, edit of the contract example, problems, warnings] */
  const rows: Array<[string, (config: any) => void, string[], string[]]> = [
    [
      'a misspelt frequency (the pop-up would ship with no cap)',
      (c) => (c.rules[0].frequncy = 'once'),
      ['rules[0].frequncy: "frequncy" is not a known key — did you mean "frequency"? (rule "exit-on-cart")'],
      [],
    ],
    [
      'a key in the wrong case',
      (c) => (c.rules[1].Delay = '3s'),
      ['rules[1].Delay: "Delay" is not a known key — did you mean "delay"? (rule "deep-scroll")'],
      [],
    ],
    [
      'a swap of neighbours',
      (c) => (c.rules[0].shcedule = {}),
      ['rules[0].shcedule: "shcedule" is not a known key — did you mean "schedule"? (rule "exit-on-cart")'],
      [],
    ],
    [
      'a misspelt key of an item',
      (c) => (c.items['exit-offer'].tilte = 'Wait!'),
      ['items.exit-offer.tilte: "tilte" is not a known key — did you mean "title"?'],
      [],
    ],
    [
      'a misspelt key at the top',
      (c) => (c.colector = { url: 'https://collect.example.com' }),
      ['colector: "colector" is not a known key — did you mean "collector"?'],
      [],
    ],
    [
      'near a key of another place only: unknown here',
      (c) => (c.rules[0].titel = 'Wait!'),
      [],
      ['rules[0].titel: is not a known key; ignored (rule "exit-on-cart")'],
    ],
    ['a new key no runtime knows yet', (c) => (c.rules[0].cooldown = '1h'), [], ['rules[0].cooldown: is not a known key; ignored (rule "exit-on-cart")']],
    [
      'a short key one edit away',
      (c) => (c.rules[1].dely = '3s'),
      ['rules[1].dely: "dely" is not a known key — did you mean "delay"? (rule "deep-scroll")'],
      [],
    ],
    ['a short key two edits away: unknown', (c) => (c.rules[1].daley = '3s'), [], ['rules[1].daley: is not a known key; ignored (rule "deep-scroll")']],
    ['a note for humans', (c) => (c.rules[0].$comment = 'from the spring sale'), [], []],
  ]
  it.each(rows)('%s', (_what, edit, problems, warnings) => {
    const config = clone()
    edit(config)
    const found = validateConfig(config)
    expect(found.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(problems)
    expect(found.warnings.map((p) => `${p.path}: ${p.message}`)).toEqual(warnings)
  })
})

describe('zero durations (contract §8: durations are above zero)', () => {
  const above0 = 'must be a duration above 0, like "30s", "1h" or "7d"'
  const rows: Array<[string, (config: any) => void, string[]]> = [
    [
      'a frequency per 0d (no cap at all)',
      (c) => (c.rules[0].frequency = { limit: 1, per: '0d' }),
      [`rules[0].frequency.per: ${above0}, not "0d" (rule "exit-on-cart")`],
    ],
    ['a delay of 0s', (c) => (c.rules[1].delay = '0s'), [`rules[1].delay: ${above0}, not "0s" (rule "deep-scroll")`]],
    ['a visit timeout of 0m', (c) => (c.visitTimeout = '0m'), [`visitTimeout: ${above0}, not "0m"`]],
    [
      'a push sent at once: "0s" is now, the default',
      (c) => ((c.push = { vapidPublicKey: 'B' }), (c.rules[1] = { id: 'p', on: 'page_view', push: { title: 'Hi', after: '0s' } })),
      [],
    ],
  ]
  it.each(rows)('%s', (_what, edit, expected) => {
    const config = clone()
    edit(config)
    expect(messagesOf(config)).toEqual(expected)
  })
})

describe('rules that set themselves off again (contract §7 No loops)', () => {
  const item = { kind: 'focus', style: 'bar', title: 'Hi' }
  const of = (...rules: object[]) => messagesOf({ version: 1, items: { a: item }, rules })
  const rows: Array<[string, object[], string[]]> = [
    [
      'a rule that tracks its own trigger',
      [{ id: 'echo', on: 'ping', track: 'ping' }],
      ['rules[0].track: "ping" sets off a loop: rules.echo → ping → rules.echo (rule "echo")'],
    ],
    [
      'two rules that track each other’s triggers',
      [
        { id: 'a', on: 'x', track: 'y' },
        { id: 'b', on: 'y', track: 'x' },
      ],
      ['rules[1].track: "x" sets off a loop: rules.a → y → rules.b → x → rules.a (rule "b")'],
    ],
    [
      'a chain of three, after a rule that leads into it',
      [
        { id: 'start', on: 'page_view', track: 'p' },
        { id: 'p', on: 'p', track: 'q' },
        { id: 'q', on: 'q', track: 'r' },
        { id: 'r', on: 'r', track: 'p' },
      ],
      ['rules[3].track: "p" sets off a loop: rules.p → q → rules.q → r → rules.r → p → rules.p (rule "r")'],
    ],
    [
      'a built-in trigger tracked by its own rule',
      [{ id: 'again', on: 'page_view', track: 'page_view' }],
      ['rules[0].track: "page_view" sets off a loop: rules.again → page_view → rules.again (rule "again")'],
    ],
    [
      'a chain that ends',
      [
        { id: 'a', on: 'x', track: 'y' },
        { id: 'b', on: 'y', track: 'z' },
        { id: 'c', on: 'z', show: 'a' },
      ],
      [],
    ],
    ['a rule tracking another event than its trigger', [{ id: 'a', on: 'ping', track: 'pong' }], []],
  ]
  it.each(rows)('%s', (_what, rules, expected) => {
    expect(of(...rules)).toEqual(expected)
  })
})
