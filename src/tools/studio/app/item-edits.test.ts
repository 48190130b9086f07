import { describe, expect, it } from 'vitest'
import type { Item } from '../../../config/types.js'
import { validateConfig } from '../../../validate/validate.js'
import { applyEdits, type Edit } from './draft.js'
import {
  addItem,
  deleteItem,
  itemPlace,
  itemsOf,
  otherProperties,
  problemsOfItem,
  problemsOfItemField,
  renameItem,
  setForm,
  setItemField,
  setKind,
  setOtherProperties,
  setStyle,
} from './item-edits.js'
import { placeAll, type Placed } from './problems-by-box.js'

const offer = { kind: 'focus', style: 'modal', title: 'Wait!', code: 'SAVE10', cta: { label: 'Back to cart', url: '/cart' } }
const guide = { kind: 'asset', style: 'slidein', title: 'Free sizing guide', asset: { url: '/files/guide.pdf' }, gate: 'email', position: 'bottom-left' }
const config = { version: 1, items: { 'exit-offer': offer, guide } }
const after = (edits: Edit[], from: unknown = config) => applyEdits(from, edits) as { items: Record<string, unknown> }

describe('item edits, read back from the draft', () => {
  const cases: Array<[string, () => unknown, unknown]> = [
    ['add: a modal with a title, under a free id', () => after(addItem(config).edits).items['new-item'], { kind: 'focus', style: 'modal', title: 'New item' }],
    [
      'add to a file without items',
      () => after(addItem({ version: 1 }).edits, { version: 1 }).items,
      { 'new-item': { kind: 'focus', style: 'modal', title: 'New item' } },
    ],
    ['add twice: the next free id', () => addItem(after(addItem(config).edits)).id, 'new-item-2'],
    ['delete', () => Object.keys(after(deleteItem('exit-offer')).items), ['guide']],
    ['a new title', () => after(setItemField(config, 'exit-offer', ['title'], 'Before you go')).items['exit-offer'], { ...offer, title: 'Before you go' }],
    ['an empty title stays, for its problem', () => after(setItemField(config, 'exit-offer', ['title'], '')).items['exit-offer'], { ...offer, title: '' }],
    ['an empty code goes', () => after(setItemField(config, 'exit-offer', ['code'], '')).items['exit-offer'], { ...offer, code: undefined }],
    [
      'a button URL',
      () => after(setItemField(config, 'exit-offer', ['cta', 'url'], '/checkout')).items['exit-offer'],
      { ...offer, cta: { label: 'Back to cart', url: '/checkout' } },
    ],
    [
      'a button’s last field takes the button with it',
      () =>
        after(setItemField({ items: { a: { ...offer, cta: { url: '/cart' } } } }, 'a', ['cta', 'url'], ''), {
          items: { a: { ...offer, cta: { url: '/cart' } } },
        }).items.a,
      { ...offer, cta: undefined },
    ],
    [
      'asset: a download to give the URL of',
      () => after(setKind(config, 'exit-offer', 'asset')).items['exit-offer'],
      { ...offer, kind: 'asset', asset: { url: '' } },
    ],
    [
      'focus again: the download and its gate go',
      () => after(setKind(config, 'guide', 'focus')).items.guide,
      { kind: 'focus', style: 'slidein', title: 'Free sizing guide', position: 'bottom-left' },
    ],
    [
      'a bar cannot sit bottom-left: the position goes',
      () => after(setStyle(config, 'guide', 'bar')).items.guide,
      { ...guide, style: 'bar', position: undefined },
    ],
    ['email capture on', () => after(setForm(config, 'exit-offer', true)).items['exit-offer'], { ...offer, form: {} }],
    [
      'email capture off',
      () => after(setForm({ items: { a: { ...offer, form: { name: true } } } }, 'a', false), { items: { a: { ...offer, form: { name: true } } } }).items.a,
      offer,
    ],
  ]
  it.each(cases)('%s', (_, run, expected) => expect(JSON.parse(JSON.stringify(run()))).toEqual(JSON.parse(JSON.stringify(expected))))

  it('the items in the file’s order, what is not an object as an empty one', () => {
    expect(itemsOf({ items: { b: offer, a: 'x' } })).toEqual([
      ['b', offer],
      ['a', {}],
    ])
    expect(itemsOf({ items: [] })).toEqual([])
  })

  it('the properties without a field are edited as JSON; the ones with a field are refused there', () => {
    const withImage = { items: { a: { ...offer, dismissLabel: 'No thanks', image: { url: '/a.png', alt: 'A' } } } }
    expect(otherProperties(withImage.items.a as Partial<Item>)).toEqual({ dismissLabel: 'No thanks', image: { url: '/a.png', alt: 'A' } })
    const edits = setOtherProperties(withImage, 'a', { dismissLabel: 'Later', countdown: '2026-12-24T00:00:00Z' })
    expect(after(edits as Edit[], withImage).items.a).toEqual({ ...offer, dismissLabel: 'Later', countdown: '2026-12-24T00:00:00Z' })
    expect(setOtherProperties(withImage, 'a', { title: 'x' })).toBe('title has its own field above')
    expect(setOtherProperties(withImage, 'a', [1])).toMatch(/a JSON object/)
  })
})

describe('renaming an item rewrites what names it', () => {
  const named = {
    version: 1,
    items: { 'exit-offer': offer, guide },
    rules: [
      { id: 'exit', on: 'exit_intent', if: { 'item.exit-offer.shown': { $lt: 2 } }, show: 'exit-offer' },
      {
        id: 'ab',
        on: 'page_view',
        variants: [
          { weight: 1, show: 'guide' },
          { weight: 1, show: 'exit-offer' },
        ],
      },
    ],
    segments: { seen: { if: { 'item.exit-offer.shown': { $gte: 1 } } } },
    journeys: {
      rescue: {
        entry: { on: 'add_to_cart' },
        steps: [
          { id: 'nudge', show: 'exit-offer' },
          { id: 'other', show: 'guide' },
        ],
      },
    },
  }

  it('rules, variants, journey steps and queries follow; the file stays valid', () => {
    const renamed = renameItem(named, 'exit-offer', 'cart-offer')
    expect(renamed.refused).toBeUndefined()
    expect(renamed.rewritten).toBe(5)
    const result = applyEdits(named, renamed.edits) as typeof named
    expect(Object.keys(result.items)).toEqual(['guide', 'cart-offer'])
    expect(result.items).toMatchObject({ 'cart-offer': offer })
    expect(result.rules[0]).toEqual({ ...named.rules[0], if: { 'item.cart-offer.shown': { $lt: 2 } }, show: 'cart-offer' })
    expect(result.rules[1]!.variants).toEqual([
      { weight: 1, show: 'guide' },
      { weight: 1, show: 'cart-offer' },
    ])
    expect(result.segments.seen.if).toEqual({ 'item.cart-offer.shown': { $gte: 1 } })
    expect(result.journeys.rescue.steps).toEqual([
      { id: 'nudge', show: 'cart-offer' },
      { id: 'other', show: 'guide' },
    ])
    expect(validateConfig(result).problems).toEqual([])
    // a `show` is its own edit: the rest of the rule's text is left alone
    expect(renamed.edits).toContainEqual({ path: ['rules', 0, 'show'], value: 'cart-offer' })
  })

  it.each([
    ['an id another item has', 'guide', 'another item is called guide'],
    ['an empty id', '', 'an item needs an id'],
  ])('refuses %s, changing nothing', (_, id, refused) => {
    expect(renameItem(named, 'exit-offer', id)).toEqual({ edits: [], rewritten: 0, refused })
  })
  it('the same id: nothing to do', () => expect(renameItem(named, 'guide', 'guide')).toEqual({ edits: [], rewritten: 0 }))
})

describe('problems under items.<id>', () => {
  const ids = ['a', 'a.b', 'c']
  it.each([
    ['items.a.title', { id: 'a', field: 'title' }],
    ['items.a.b.cta.url', { id: 'a.b', field: 'cta.url' }],
    ['items.c', { id: 'c', field: '' }],
    ['items.z.title', null],
    ['rules[0].show', null],
  ])('%s', (path, place) => expect(itemPlace(path, ids)).toEqual(place))

  it('a javascript: button URL is refused by the validator, on its field', () => {
    const bad = { version: 1, items: { a: { ...offer, cta: { label: 'Go', url: 'javascript:alert(1)' } } } }
    const problems: Placed[] = placeAll(validateConfig(bad).problems, bad)
    expect(problemsOfItem(problems, ['a'], 'a').map((p) => p.path)).toEqual(['items.a.cta.url'])
    expect(problemsOfItemField(problems, ['a'], 'cta').map((p) => p.path)).toEqual(['items.a.cta.url'])
    expect(problemsOfItemField(problems, ['a'], 'cta.url')[0]!.message).toMatch(/javascript|URL/i)
  })
})
