import { describe, expect, it } from 'vitest'
import contract from '../../../../examples/configs/12-contract-cart-rescue.json'
import { applyEdits } from './draft.js'
import { freeId, namedIds, templateEdits, type TemplateSource } from './template-edits.js'
import { templates } from '../journey-templates.js'
import { validateConfig } from '../../../validate/validate.js'

const source: TemplateSource = {
  items: { offer: { kind: 'focus', title: 'Offer' }, last: { kind: 'focus', title: 'Last' }, unused: { kind: 'focus', title: 'x' } },
  segments: { keen: { if: { 'visit.count': { $gte: 3 } } }, unused: { if: {} } },
  journeys: {
    rescue: {
      entry: { on: 'add_to_cart', if: { 'segment.keen': true } },
      steps: [
        { id: 'a', show: 'offer' },
        { id: 'b', branch: [{ if: { 'item.last.converted': { $gte: 1 } }, goto: 'a' }] },
      ],
    },
  },
}
const journeyWith = (offer: string, last: string, keen: string) => ({
  entry: { on: 'add_to_cart', if: { [`segment.${keen}`]: true } },
  steps: [
    { id: 'a', show: offer },
    { id: 'b', branch: [{ if: { [`item.${last}.converted`]: { $gte: 1 } }, goto: 'a' }] },
  ],
})

describe('namedIds: what a journey names', () => {
  it('finds shows, item facts and segments, once each', () => {
    expect(namedIds(source.journeys.rescue)).toEqual({ items: ['offer', 'last'], segments: ['keen'] })
  })
})

describe('freeId', () => {
  it.each([
    ['free', [], 'free'],
    ['offer', ['offer'], 'offer-2'],
    ['offer', ['offer', 'offer-2'], 'offer-3'],
  ])('%s with %j taken → %s', (id, taken, expected) => {
    expect(freeId(id, (name) => taken.includes(name))).toBe(expected)
  })
})

describe('templateEdits', () => {
  it.each([
    [
      'an empty file: everything named is added, nothing renamed',
      { version: 1 },
      'rescue',
      {
        items: { offer: source.items!.offer, last: source.items!.last },
        segments: { keen: source.segments!.keen },
        journeys: { rescue: journeyWith('offer', 'last', 'keen') },
      },
      {},
    ],
    [
      'the same item already there is shared, not copied',
      { version: 1, items: { offer: source.items!.offer } },
      'rescue',
      {
        items: { offer: source.items!.offer, last: source.items!.last },
        segments: { keen: source.segments!.keen },
        journeys: { rescue: journeyWith('offer', 'last', 'keen') },
      },
      {},
    ],
    [
      'a different item and segment under the same ids: the template’s are renamed, references rewritten',
      { version: 1, items: { offer: { kind: 'focus', title: 'Mine' }, last: { kind: 'focus', title: 'Mine too' } }, segments: { keen: { if: {} } } },
      'copy',
      {
        items: {
          offer: { kind: 'focus', title: 'Mine' },
          last: { kind: 'focus', title: 'Mine too' },
          'offer-2': source.items!.offer,
          'last-2': source.items!.last,
        },
        segments: { keen: { if: {} }, 'keen-2': source.segments!.keen },
        journeys: { copy: journeyWith('offer-2', 'last-2', 'keen-2') },
      },
      { offer: 'offer-2', last: 'last-2', keen: 'keen-2' },
    ],
  ])('%s', (_name, config, as, expected, renamed) => {
    const result = templateEdits(config, source, 'rescue', as)
    expect(applyEdits(config, result.edits)).toEqual({ version: 1, ...expected })
    expect(result.renamed).toEqual(renamed)
  })

  it('every template, added to an empty file, validates; the §8 one is the example’s journey', () => {
    for (const template of templates) {
      const config = applyEdits({ version: 1 }, templateEdits({ version: 1 }, template.source, template.journey).edits)
      expect(validateConfig(config).problems, template.label).toEqual([])
    }
    const last = templates[templates.length - 1]!
    const config = applyEdits({ version: 1 }, templateEdits({ version: 1 }, last.source, last.journey).edits) as TemplateSource
    expect(config.journeys['cart-rescue']).toEqual(contract.journeys['cart-rescue'])
    expect(config.items).toEqual(contract.items)
    expect(config.segments).toEqual(contract.segments)
  })
})
