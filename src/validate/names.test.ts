import { describe, expect, it } from 'vitest'
import { validateConfig } from './validate.js'

const items = { offer: { kind: 'focus', style: 'modal', title: 'Wait!' } }
const lines = (found: Array<{ path: string; message: string }>) => found.map(({ path, message }) => `${path}: ${message}`)

describe('facts a query names (issue 24, contract §4 and §8)', () => {
  const config = (query: object) => ({
    version: 1,
    items,
    segments: { vip: { if: { 'user.traits.plan': 'pro' } } },
    journeys: { welcome: { steps: [{ id: 'hi', show: 'offer' }] } },
    rules: [{ id: 'r', on: 'page_view', show: 'offer', if: query }],
  })
  const notAFact = (fact: string, near?: string) => `rules[0].if.${fact}: "${fact}" is not a known fact${near ? ` — did you mean "${near}"?` : ''} (rule "r")`
  /** [what, query of a rule, problems] */
  const rows: Array<[string, object, string[]]> = [
    ['every fact of §4', Object.fromEntries(['page.url', 'page.path', 'page.referrer', 'page.title', 'page.views'].map((fact) => [fact, 1])), []],
    ['visit and visitor', { 'visit.count': 1, 'visit.pageviews': 1, 'visit.seconds': 1, 'visitor.pageviews': 1, 'visitor.firstSeen': 1 }, []],
    ['utm', Object.fromEntries(['source', 'medium', 'campaign', 'term', 'content'].map((part) => [`utm.${part}`, 'x'])), []],
    ['the rest of §4', { 'device.type': 'mobile', 'device.language': 'fr', 'time.hour': 9, 'time.weekday': 'thu', 'journey.stage': 'purchase' }, []],
    ['push and user', { 'push.permission': 'granted', 'user.id': { $exists: true } }, []],
    ['open names', { 'page.query.ref': 'x', 'user.traits.plan': 'pro', 'event.order.total': 1, 'variant.r': 'a', 'item.offer.shown': 0 }, []],
    ['§8 facts', { 'events.product_viewed.7d': 1, 'events.page_view': 1, 'segment.vip': true, 'journeys.welcome.step': 'hi' }, []],
    ['a misspelt part', { 'visit.cout': { $gte: 2 } }, [notAFact('visit.cout', 'visit.count')]],
    [
      'inside $or and $not',
      { $or: [{ $not: { 'page.pth': '/' } }] },
      ['rules[0].if.$or[0].$not.page.pth: "page.pth" is not a known fact — did you mean "page.path"? (rule "r")'],
    ],
    ['a fact of no root', { 'pgae.path': '/cart' }, [notAFact('pgae.path', 'page.path')]],
    ['an underscore for a dot', { utm_source: 'news' }, [notAFact('utm_source', 'utm.source')]],
    ['a misspelt open name', { 'user.trait.plan': 'pro' }, [notAFact('user.trait.plan', 'user.traits.plan')]],
    ['an item count misspelt', { 'item.offer.shows': 1 }, [notAFact('item.offer.shows', 'item.offer.shown')]],
    ['an item without its count', { 'item.offer': 1 }, [notAFact('item.offer')]],
    ['a namespace alone', { 'user.traits': { $exists: true } }, [notAFact('user.traits')]],
    ['a part past the end', { 'visit.count.today': 1 }, [notAFact('visit.count.today')]],
    ['far from any fact', { 'weather.today': 'sunny' }, [notAFact('weather.today')]],
    ['a case slip', { 'Visit.Count': 2 }, [notAFact('Visit.Count', 'visit.count')]],
  ]
  it.each(rows)('%s', (_what, query, problems) => {
    expect(lines(validateConfig(config(query)).problems)).toEqual(problems)
  })

  it('also in segments, journey guards and branches', () => {
    const found = validateConfig({
      version: 1,
      items,
      segments: { vip: { if: { 'visitor.frstSeen': { $exists: true } } } },
      journeys: {
        welcome: {
          entry: { on: 'visit_start', if: { 'visit.cont': 1 } },
          steps: [
            { id: 'b', branch: [{ if: { 'device.typ': 'mobile' }, goto: 'b2' }] },
            { id: 'b2', show: 'offer' },
          ],
        },
      },
    })
    expect(lines(found.problems)).toEqual([
      'segments.vip.if.visitor.frstSeen: "visitor.frstSeen" is not a known fact — did you mean "visitor.firstSeen"?',
      'journeys.welcome.entry.if.visit.cont: "visit.cont" is not a known fact — did you mean "visit.count"?',
      'journeys.welcome.steps[0].branch[0].if.device.typ: "device.typ" is not a known fact — did you mean "device.type"? (step "b")',
    ])
  })
})

describe('event names within a typo of another: used once, or never tracked (issue 24)', () => {
  const cartRescue = (edit: (config: any) => void = () => undefined) => {
    const config: any = {
      version: 1,
      push: { vapidPublicKey: 'B' },
      items,
      stages: { purchase: { on: 'order_completed' } },
      rules: [
        { id: 'cart', on: 'add_to_cart', track: 'cart_seen' },
        { id: 'left', on: 'exit_intent', push: { title: 'Still there?', cancelOn: ['order_completed', 'add_to_cart'] } },
      ],
      journeys: {
        'cart-rescue': {
          entry: { on: 'add_to_cart' },
          exit: [{ on: 'order_completed' }],
          goal: { on: 'order_completed', within: '7d' },
          steps: [{ id: 'nudge', on: 'page_view', show: 'offer' }],
        },
      },
    }
    edit(config)
    return lines(validateConfig(config).warnings)
  }
  const usedOnce = (path: string, name: string, near: string, owner = '') =>
    `${path}: "${name}" is used once — did you mean "${near}"?${owner && ` (${owner})`}`
  const untracked = (path: string, name: string, near: string, owner = '') =>
    `${path}: "${name}" is tracked by no rule or step — did you mean "${near}"?${owner && ` (${owner})`}`
  const j = 'journeys.cart-rescue'
  /** [what, edit of the cart-rescue config, warnings] */
  const rows: Array<[string, (config: any) => void, string[]]> = [
    ['names spelt alike everywhere', () => undefined, []],
    ['an exit', (c) => (c.journeys['cart-rescue'].exit[0].on = 'order_complete'), [usedOnce(`${j}.exit[0].on`, 'order_complete', 'order_completed')]],
    ['a goal', (c) => (c.journeys['cart-rescue'].goal.on = 'order_complete'), [usedOnce(`${j}.goal.on`, 'order_complete', 'order_completed')]],
    ['an entry', (c) => (c.journeys['cart-rescue'].entry.on = 'add_to_crt'), [usedOnce(`${j}.entry.on`, 'add_to_crt', 'add_to_cart')]],
    [
      'a push’s cancelOn',
      (c) => (c.rules[1].push.cancelOn[0] = 'order_complete'),
      [usedOnce('rules[1].push.cancelOn[0]', 'order_complete', 'order_completed', 'rule "left"')],
    ],
    ['a stage mapping', (c) => (c.stages.purchase.on = 'order_completd'), [usedOnce('stages.purchase.on', 'order_completd', 'order_completed')]],
    [
      'a step guard',
      (c) => (c.journeys['cart-rescue'].steps[0].on = 'add_to_carts'),
      [usedOnce(`${j}.steps[0].on`, 'add_to_carts', 'add_to_cart', 'step "nudge"')],
    ],
    ['a rule that tracks a built-in’s name', (c) => (c.rules[0].track = 'item_show'), [usedOnce('rules[0].track', 'item_show', 'item_shown', 'rule "cart"')]],
    ['a journey event', (c) => (c.rules[0].on = 'journey_exitd'), [usedOnce('rules[0].on', 'journey_exitd', 'journey_exited', 'rule "cart"')]],
    [
      'an event count',
      (c) => (c.rules[0].if = { 'events.order_complete.7d': 0 }),
      [usedOnce('rules[0].if.events.order_complete.7d', 'order_complete', 'order_completed', 'rule "cart"')],
    ],
    [
      'a step that tracks',
      (c) => c.journeys['cart-rescue'].steps.push({ id: 'mail', track: 'card_seen' }),
      // one of the two is a slip, and which one no check can tell
      [usedOnce('rules[0].track', 'cart_seen', 'card_seen', 'rule "cart"'), usedOnce(`${j}.steps[1].track`, 'card_seen', 'cart_seen', 'step "mail"')],
    ],
    // Already said by the trigger check (contract §7): once is enough.
    ['a trigger near a built-in one', (c) => (c.rules[1].on = 'exit_itent'), ['rules[1].on: "exit_itent" looks like "exit_intent" (rule "left")']],
    [
      'the same slip twice, and nothing tracks the other name: meant',
      (c) => ((c.journeys['cart-rescue'].exit[0].on = 'order_complete'), (c.journeys['cart-rescue'].goal.on = 'order_complete')),
      [],
    ],
    [
      'the same slip three times, beside a rule that tracks the other name',
      (c) => {
        c.rules.push({ id: 'buy', on: 'click', selector: '#buy', track: 'order_completed' })
        c.rules[1].push.cancelOn[0] = 'order_complete'
        c.journeys['cart-rescue'].exit[0].on = 'order_complete'
        c.journeys['cart-rescue'].goal.on = 'order_complete'
      },
      [
        untracked('rules[1].push.cancelOn[0]', 'order_complete', 'order_completed', 'rule "left"'),
        untracked(`${j}.exit[0].on`, 'order_complete', 'order_completed'),
        untracked(`${j}.goal.on`, 'order_complete', 'order_completed'),
      ],
    ],
    [
      'the same slip twice, beside a built-in event',
      (c) => c.journeys['cart-rescue'].steps.push({ id: 'seen', on: 'item_shwon', track: 'seen' }, { id: 'again', on: 'item_shwon', track: 'again' }),
      [untracked(`${j}.steps[1].on`, 'item_shwon', 'item_shown', 'step "seen"'), untracked(`${j}.steps[2].on`, 'item_shwon', 'item_shown', 'step "again"')],
    ],
    [
      'a name a rule tracks is not the suspect beside one only listened for',
      (c) => c.journeys['cart-rescue'].steps.push({ id: 'seen', on: 'cart_sen', show: 'offer' }),
      [usedOnce(`${j}.steps[1].on`, 'cart_sen', 'cart_seen', 'step "seen"')],
    ],
    ['short names, an edit from many others', (c) => c.journeys['cart-rescue'].steps.push({ id: 'x', track: 'ab' }, { id: 'y', track: 'ac' }), []],
    ['names far apart', (c) => (c.rules[0].track = 'wishlist_added'), []],
  ]
  it.each(rows)('%s', (_what, edit, warnings) => {
    expect(cartRescue(edit)).toEqual(warnings)
  })
})
