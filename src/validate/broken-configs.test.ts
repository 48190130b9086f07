import { describe, expect, it } from 'vitest'
import { validateConfig } from './validate.js'

const item = { kind: 'focus', style: 'modal', title: 'Hi' }
const rule = (extra: object) => ({ id: 'r', on: 'page_view', show: 'a', ...extra })
const config = (rules: object[], items: object = { a: item }) => ({ version: 1, items, rules })

/** A corpus of broken configs: each is refused, with exactly these messages. */
const corpus: Array<[string, unknown, string[]]> = [
  ['no version', { items: {} }, ['version: must be 1']],
  ['rules not an array', { version: 1, rules: {} }, ['rules: must be an array, not {}']],
  ['item without title', config([rule({})], { a: { kind: 'focus', style: 'modal' } }), ['items.a.title: is required']],
  ['asset without URL', config([rule({})], { a: { kind: 'asset', style: 'slidein', title: 'Guide' } }), ['items.a.asset: is required']],
  [
    'asset with data: URL',
    config([rule({})], { a: { kind: 'asset', style: 'slidein', title: 'G', asset: { url: 'data:application/pdf;base64,AA' } } }),
    ['items.a.asset.url: must be an https:, http: or relative URL, not "data:application/pdf;base64,AA"'],
  ],
  [
    'unknown trigger shape',
    config([rule({ on: 'page view' })]),
    ['rules[0].on: must be a trigger (page_view, exit_intent, scroll, time_on_page, idle, click, visit_start) or an event name, not "page view" (rule "r")'],
  ],
  ['scroll without percent', config([rule({ on: 'scroll' })]), ['rules[0].percent: scroll needs "percent" between 1 and 100 (rule "r")']],
  ['idle without seconds', config([rule({ on: 'idle' })]), ['rules[0].seconds: idle needs "seconds" above 0 (rule "r")']],
  ['click with a broken selector', config([rule({ on: 'click', selector: '' })]), ['rules[0].selector: click needs a CSS "selector", not "" (rule "r")']],
  ['duplicate rule ids', config([rule({}), rule({})]), ['rules[1].id: "r" repeats a rule id']],
  ['$in with a string', config([rule({ if: { 'device.type': { $in: 'mobile' } } })]), ['rules[0].if.device.type: $in needs an array, not "mobile" (rule "r")']],
  [
    '$exists with a string',
    config([rule({ if: { 'user.id': { $exists: 'yes' } } })]),
    ['rules[0].if.user.id: $exists needs true or false, not "yes" (rule "r")'],
  ],
  ['$and with an object', config([rule({ if: { $and: { 'page.path': '/x' } } })]), ['rules[0].if.$and: needs an array of conditions (rule "r")']],
  [
    'a huge $in',
    config([rule({ if: { 'page.path': { $in: Array.from({ length: 1001 }, (_, i) => `/p${i}`) } } })]),
    ['rules[0].if.page.path: $in has too many entries (rule "r")'],
  ],
  ['too many rules', { version: 1, rules: Array.from({ length: 1001 }, (_, i) => ({ id: `r${i}`, on: 'x', track: 'y' })) }, ['rules: has too many entries']],
  [
    'stage that does not exist',
    config([rule({ stage: 'loyalty' })]),
    ['rules[0].stage: must be one of awareness, consideration, purchase, retention, advocacy, not "loyalty" (rule "r")'],
  ],
  [
    'limits not whole numbers',
    { version: 1, limits: { perPage: 1.5, perVisit: -1 } },
    ['limits.perPage: must be a whole number, 0 or more, not 1.5', 'limits.perVisit: must be a whole number, 0 or more, not -1'],
  ],
  ['variant without weight', config([{ id: 'r', on: 'x', variants: [{ show: 'a' }] }]), ['rules[0].variants[0].weight: must be a number above 0 (rule "r")']],
  [
    'constructor key in items',
    JSON.parse('{"version":1,"items":{"constructor":{"kind":"focus","style":"bar","title":"x"}}}'),
    ['items.constructor: is not an allowed key'],
  ],
]

describe('a corpus of broken configs', () => {
  it.each(corpus)('%s', (_name, input, expected) => {
    const { problems } = validateConfig(input)
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual(expected)
  })

  it('a 1 MB config of junk is refused without throwing', () => {
    const junk = { version: 1, items: Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`i${i}`, { kind: 'x'.repeat(1500) }])) }
    const { problems } = validateConfig(junk)
    expect(problems[0]).toEqual({ path: 'items', message: 'has too many entries' })
  })
})
