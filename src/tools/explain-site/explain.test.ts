import { describe, expect, it } from 'vitest'
import type { Config, Item, Rule } from '../../config/types.js'
import { variantOf } from '../../rules/variants.js'
import { explainSite, type SiteExplainOptions, type SimulatedCall } from './explain.js'

const modal = (title: string): Item => ({ kind: 'focus', style: 'modal', title })
const bar = (title: string): Item => ({ kind: 'focus', style: 'bar', title })
const items: Config['items'] = {
  welcome: modal('Welcome'),
  promo: modal('Promo'),
  'exit-offer': modal('Wait!'),
  'cart-reminder': modal('Your cart'),
  'cart-offer': modal('10% off your cart'),
  a: bar('A'),
  b: bar('B'),
  c: bar('C'),
  fan: bar('You like shirts'),
}
const site = (more: Partial<Config>): Config => ({ version: 1, items, ...more })
const shows = (id: string, item: string, more: Partial<Rule> = {}): Rule => ({ id, on: 'page_view', show: item, ...more })

const start = '2026-12-01T09:00:00Z' // a Tuesday
const page = (path: string, at = '+1m') => ({ at, event: 'page_view', facts: { page: { path } } })
const event = (name: string, properties?: Record<string, unknown>, at = '+1m') => ({ at, event: name, ...(properties && { properties }) })
const first = (entry: Record<string, unknown>) => ({ ...entry, at: start })

/** Each call as a list: what showed (`item ← by`), then what was held back (`✘ item ← by: why`). */
const outcomes = (calls: SimulatedCall[]) =>
  calls.map((call) => [
    ...call.shown.map(({ item, by }) => `${item} ← ${by}`),
    ...call.held.map(({ item, by, reason }) => `✘ ${item ?? '-'} ← ${by}: ${reason}`),
  ])

const run = (config: Config, timeline: unknown[], options: SiteExplainOptions = {}) => explainSite(config, { timeline, ...options })

describe('explainSite: every rule and journey for one visitor', () => {
  it.each<[string, Config, unknown[], SiteExplainOptions, string[][]]>([
    [
      'the higher priority modal takes the slot; the other is held back',
      site({ rules: [shows('promo', 'promo'), shows('welcome', 'welcome', { priority: 5 })] }),
      [first(page('/'))],
      {},
      [['welcome ← rule welcome', '✘ promo ← rule promo: one modal at a time: welcome (rule welcome) is open on this page']],
    ],
    [
      'a modal the visitor closed frees the slot',
      site({ rules: [shows('welcome', 'welcome'), { id: 'exit', on: 'exit_intent', show: 'exit-offer' }] }),
      [first(page('/')), event('exit_intent'), event('item_dismissed', { item: 'welcome' }), event('exit_intent')],
      {},
      [
        ['welcome ← rule welcome'],
        ['✘ exit-offer ← rule exit: one modal at a time: welcome (rule welcome) is open on this page'],
        [],
        ['exit-offer ← rule exit'],
      ],
    ],
    [
      'at most limits.perPage items a page; the next page starts afresh',
      site({ rules: [shows('a', 'a'), shows('b', 'b'), shows('c', 'c')] }),
      [first(page('/')), page('/next')],
      {},
      [
        ['a ← rule a', 'b ← rule b', '✘ c ← rule c: limits.perPage: 2 item(s) shown on this page already (a, b)'],
        ['a ← rule a', 'b ← rule b', '✘ c ← rule c: limits.perPage: 2 item(s) shown on this page already (a, b)'],
      ],
    ],
    [
      'at most limits.perVisit items a visit; a new visit starts afresh',
      site({ limits: { perVisit: 2 }, rules: [shows('a', 'a')] }),
      [first(page('/')), page('/2'), page('/3'), page('/4', '+31m')],
      {},
      [['a ← rule a'], ['a ← rule a'], ['✘ a ← rule a: limits.perVisit: 2 item(s) shown in this visit already'], ['a ← rule a']],
    ],
    [
      'a frequency cap holds until its window has passed',
      site({ rules: [shows('hourly', 'a', { frequency: { limit: 1, per: '1h' } })] }),
      [first(page('/')), page('/2', '+30m'), page('/3', '+31m')],
      {},
      [['a ← rule hourly'], ['✘ a ← rule hourly: its frequency cap (1 per 1h): it acted at 2026-12-01T09:00:00Z'], ['a ← rule hourly']],
    ],
    [
      "a schedule reads the visitor's clock",
      site({ rules: [shows('morning', 'a', { schedule: { weekly: [{ days: ['tue'], from: '08:00', to: '10:00' }] } })] }),
      [first(page('/')), page('/2', '+2h')],
      {},
      [['a ← rule morning'], ['✘ a ← rule morning: outside its schedule at 2026-12-01T11:00:00Z']],
    ],
    [
      "a schedule reads the visitor's clock, in their time zone",
      site({ rules: [shows('morning', 'a', { schedule: { weekly: [{ days: ['tue'], from: '08:00', to: '10:00' }] } })] }),
      [first(page('/'))],
      { timezone: 'America/New_York' },
      [['✘ a ← rule morning: outside its schedule at 2026-12-01T09:00:00Z']],
    ],
    [
      'a delay is cut by the next page view, and runs out while the visitor stays',
      site({ rules: [shows('welcome', 'welcome', { delay: '5s' })] }),
      [first(page('/')), page('/2', '+2s')],
      {},
      [[], ['✘ welcome ← rule welcome: its 5s delay (due 2026-12-01T09:00:05Z) was cut by the page view at 2026-12-01T09:00:02Z'], ['welcome ← rule welcome']],
    ],
    [
      "a rule's track feeds the rules and journeys of that event",
      site({
        rules: [
          { id: 'started', on: 'add_to_cart', track: 'cart_started' },
          { id: 'thanks', on: 'cart_started', show: 'a' },
        ],
        journeys: { rescue: { entry: { on: 'cart_started' }, steps: [{ id: 'nudge', show: 'b' }] } },
      }),
      [first(page('/')), event('add_to_cart')],
      {},
      [[], ['a ← rule thanks', 'b ← journey rescue']],
    ],
    [
      'item.<id>.shown counts each show, for the calls after it',
      site({ rules: [shows('once-a', 'a', { if: { 'item.a.shown': { $exists: false } } })] }),
      [first(page('/')), page('/2')],
      {},
      [['a ← rule once-a'], []],
    ],
    [
      'stages move on a rule and on a mapping; rules then read journey.stage',
      site({
        stages: { purchase: { on: 'order_completed' } },
        rules: [
          shows('interested', 'a', { if: { 'page.path': '/products' }, stage: 'consideration' }),
          shows('buyer', 'b', { if: { 'journey.stage': 'purchase' } }),
        ],
      }),
      [first(page('/products')), event('order_completed'), page('/')],
      {},
      [['a ← rule interested'], [], ['b ← rule buyer']],
    ],
    [
      "a journey's modal waits while a rule's modal is open, and shows on the next page view",
      site({
        rules: [shows('welcome', 'welcome', { frequency: 'once' })],
        journeys: { rescue: { entry: { on: 'add_to_cart' }, steps: [{ id: 'nudge', show: 'cart-reminder' }] } },
      }),
      [first(page('/')), event('add_to_cart'), page('/cart')],
      {},
      [
        ['welcome ← rule welcome'],
        ['✘ cart-reminder ← journey rescue: one modal at a time: welcome (rule welcome) is open on this page'],
        ['cart-reminder ← journey rescue', '✘ welcome ← rule welcome: its frequency cap (once): it acted at 2026-12-01T09:00:00Z'],
      ],
    ],
    [
      "of two journeys' modals at once, the second stays due to the next page view",
      site({
        journeys: {
          one: { entry: { on: 'add_to_cart' }, steps: [{ id: 'remind', show: 'cart-reminder' }] },
          two: { entry: { on: 'add_to_cart' }, steps: [{ id: 'offer', show: 'cart-offer' }] },
        },
      }),
      [first(page('/')), event('add_to_cart'), page('/cart')],
      {},
      [
        [],
        ['cart-reminder ← journey one', '✘ cart-offer ← journey two: one modal at a time: cart-reminder (journey one) is open on this page'],
        ['cart-offer ← journey two'],
      ],
    ],
    [
      'segments are decided after each call, and their events run rules',
      site({
        segments: { browsing: { if: { 'events.page_view': { $gte: 2 } } } },
        rules: [{ id: 'browser', on: 'segment_entered', if: { 'event.segment': 'browsing' }, show: 'a' }],
      }),
      [first(page('/')), page('/2')],
      {},
      [[], ['a ← rule browser']],
    ],
    [
      'a push needs a subscription',
      site({ push: { vapidPublicKey: 'BKey' }, rules: [{ id: 'left', on: 'exit_intent', push: { title: 'Come back', after: '1h' } }] }),
      [first(page('/')), event('exit_intent')],
      {},
      [[], ['✘ - ← rule left: the visitor has no push subscription (--subscribed gives them one)']],
    ],
    [
      'a journey entered from code, by name',
      site({ journeys: { welcome: { steps: [{ id: 'hello', show: 'a' }] }, other: { steps: [{ id: 'hi', show: 'b' }] } } }),
      [first(page('/')), { at: '+1m', event: null, enter: 'welcome' }],
      {},
      [[], ['a ← journey welcome']],
    ],
  ])('%s', (_, config, timeline, options, expected) => {
    expect(outcomes(run(config, timeline, options).calls)).toEqual(expected)
  })

  it('gives each visitor their own variant, and keeps it', () => {
    const rule: Rule = {
      id: 'ab',
      on: 'page_view',
      variants: [
        { id: 'x', weight: 50, show: 'a' },
        { id: 'y', weight: 50, show: 'b' },
      ],
    }
    const config = site({ rules: [rule] })
    const seen = new Set<string>()
    for (const visitorId of ['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8']) {
      const { show, name } = variantOf(rule, visitorId)
      const calls = run(config, [first(page('/')), page('/2')], { visitorId }).calls
      expect(calls.map((call) => call.shown)).toEqual([[{ item: show, by: 'rule ab', variant: name }], [{ item: show, by: 'rule ab', variant: name }]])
      seen.add(name)
    }
    expect([...seen].sort()).toEqual(['x', 'y'])
  })

  it('sums up each page; a delay a page view cut counts on the page it was cut from', () => {
    const config = site({ rules: [shows('welcome', 'welcome', { delay: '5s' })] })
    const { pages } = run(config, [first(page('/')), page('/2', '+2s')])
    expect(pages).toEqual([
      {
        page: 1,
        time: Date.parse(start),
        path: '/',
        shown: [],
        held: [{ by: 'rule welcome', item: 'welcome', reason: expect.stringContaining('was cut'), page: 1 }],
      },
      { page: 2, time: Date.parse(start) + 2000, path: '/2', shown: [{ item: 'welcome', by: 'rule welcome' }], held: [] },
    ])
  })

  it('says what rules and steps tracked and set', () => {
    const config = site({
      stages: { purchase: { on: 'order_completed' } },
      rules: [
        { id: 'started', on: 'add_to_cart', track: 'cart_started', stage: 'consideration' },
        { id: 'vip', on: 'order_completed', set: { tier: 'vip' } },
      ],
      journeys: { rescue: { entry: { on: 'cart_started' }, steps: [{ id: 'mail', track: 'winback_requested' }] } },
    })
    const calls = run(config, [first(page('/')), event('add_to_cart'), event('order_completed')]).calls
    expect(calls.map(({ tracked, changed }) => ({ tracked, changed }))).toEqual([
      { tracked: [], changed: [] },
      {
        tracked: [
          { event: 'cart_started', by: 'rule started' },
          { event: 'winback_requested', by: 'journey rescue' },
        ],
        changed: ['stage awareness → consideration (rule started)'],
      },
      { tracked: [], changed: ['stage consideration → purchase (stages.purchase on order_completed)', 'traits {"tier":"vip"} (rule vip)'] },
    ])
  })

  it('requests a push for a subscribed visitor', () => {
    const config = site({ push: { vapidPublicKey: 'BKey' }, rules: [{ id: 'left', on: 'exit_intent', push: { title: 'Come back', after: '1h' } }] })
    const { calls } = run(config, [first(page('/')), event('exit_intent')], { subscribed: true })
    expect(calls[1]!.tracked).toEqual([{ event: 'push_requested', by: 'rule left' }])
    expect(calls[1]!.lines).toContain('  push_requested: "Come back", to be sent at 2026-12-01T10:01:00Z (rule left)')
  })

  it('stops a loop of rules 8 levels deep, as the browser does', () => {
    const config = site({
      rules: [
        { id: 'ping', on: 'ping', track: 'pong' },
        { id: 'pong', on: 'pong', track: 'ping' },
      ],
    })
    const [, call] = run(config, [first(page('/')), event('ping')]).calls
    expect(call!.tracked).toHaveLength(8)
    expect(call!.held).toEqual([
      { by: 'rules.ping', page: 1, reason: expect.stringMatching(/^a loop was stopped 8 levels deep: rules\.ping → pong → rules\.pong → ping → /) },
    ])
  })

  it('fires on the 4th product page what reads 3 product views, and says why at each page (issue 24)', () => {
    const config = site({
      rules: [
        { id: 'count-product', on: 'page_view', if: { 'page.path': { $startsWith: '/products' } }, track: 'product_viewed' },
        shows('big-fan', 'fan', { if: { 'events.product_viewed.7d': { $gte: 3 } } }),
      ],
    })
    const { calls } = run(config, [first(page('/products/a')), page('/products/b'), page('/products/c'), page('/products/d')])
    expect(calls.map((call) => call.shown.map(({ item }) => item))).toEqual([[], [], [], ['fan']])
    expect(calls[2]!.notes).toEqual([
      "note: rule big-fan read events.product_viewed.7d = 2 at this page view; this product_viewed counts from the next call (a page view's rules run before what the page tracks)",
    ])
  })

  it("notes a count the page's own track() comes too late for", () => {
    const config = site({ rules: [shows('big-fan', 'fan', { if: { 'events.product_viewed.7d': { $gte: 1 } } })] })
    const { calls } = run(config, [first(page('/products/a')), event('product_viewed', undefined, '+0s'), page('/products/b')])
    expect(calls.map((call) => [call.shown.length, call.notes.length])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
    ])
  })

  it('tells the calls, the pages and where the visitor ends up, in words', () => {
    const config = site({
      rules: [shows('welcome', 'welcome', { frequency: 'once' }), { id: 'exit', on: 'exit_intent', show: 'exit-offer' }],
      segments: { returning: { if: { 'visit.count': { $gte: 2 } } } },
      journeys: {
        rescue: {
          entry: { on: 'add_to_cart' },
          steps: [
            { id: 'nudge', on: 'page_view', if: { 'page.path': '/cart' }, show: 'cart-reminder' },
            { id: 'pause', wait: '1h' },
          ],
        },
      },
    })
    const timeline = [first(page('/')), event('exit_intent'), event('add_to_cart'), page('/cart', '+2h'), { at: '+1h', event: null }]
    expect(run(config, timeline, { visitorId: 'v1' }).lines).toEqual([
      'site timeline (visitor "v1"; in UTC): 2 rule(s), 1 journey(s), 1 segment(s); limits: 2 item(s) a page, 5 a visit',
      '2026-12-01T09:00:00Z  page_view  with page.path="/"  [page 1]',
      '  visit 1 begins',
      '  ✔ rule welcome: show welcome',
      '2026-12-01T09:01:00Z  exit_intent',
      '  ✘ rule exit: show exit-offer held back: one modal at a time: welcome (rule welcome) is open on this page',
      '2026-12-01T09:02:00Z  add_to_cart',
      '  journey rescue:',
      '    + entered: run 1 (on add_to_cart)',
      '    … nudge waits for page_view when page.path is "/cart"',
      '2026-12-01T11:02:00Z  page_view  with page.path="/cart"  [page 2]',
      '  visit 2 begins',
      '  ✘ rule welcome: show welcome held back: its frequency cap (once): it acted at 2026-12-01T09:00:00Z',
      '  journey rescue:',
      '    → nudge: show cart-reminder → pause (on page_view when page.path is "/cart")',
      '    … pause waits 1h, until 2026-12-01T12:02:00Z',
      '  segments entered: returning',
      '2026-12-01T12:02:00Z  (time passes)',
      '  journey rescue:',
      '    ⏱ pause: its 1h wait was over at 2026-12-01T12:02:00Z',
      '    ■ run 1 ended: completed after its last step',
      '',
      'page by page:',
      '  page 1  2026-12-01T09:00:00Z  /: shows welcome (rule welcome)',
      '    held back: exit-offer (rule exit): one modal at a time: welcome (rule welcome) is open on this page',
      '  page 2  2026-12-01T11:02:00Z  /cart: shows cart-reminder (journey rescue)',
      '    held back: welcome (rule welcome): its frequency cap (once): it acted at 2026-12-01T09:00:00Z',
      '',
      'where the visitor ends up:',
      '  stage: awareness',
      '  segments: returning',
      '  journey rescue: not in the journey: run 1 ended (completed)',
    ])
  })

  it('refuses what it cannot read, naming it', () => {
    const config = site({ journeys: { one: { steps: [{ id: 's', show: 'a' }] }, two: { steps: [{ id: 's', show: 'b' }] } } })
    expect(() => run(config, [{ at: start, event: null, enter: true }])).toThrow('timeline[0].enter: name the journey it enters ("enter": "one")')
    expect(() => run(config, [{ at: '+1h', event: 'page_view' }])).toThrow('timeline[0].at: "+1h" needs a time before it')
    expect(() => run(config, [], { timezone: 'Mars/Olympus' })).toThrow('timezone: "Mars/Olympus" is not an IANA time zone')
  })
})
