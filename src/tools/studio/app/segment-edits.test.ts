import { describe, expect, it } from 'vitest'
import { validateConfig } from '../../../validate/validate.js'
import { applyEdits } from './draft.js'
import type { Placed } from './problems-by-box.js'
import { addSegment, deleteSegment, describeConditions, problemsOfSegment, renameSegment, segmentPlace, setSegmentQuery, usesOf } from './segment-edits.js'

const returning = { if: { 'visit.count': { $gte: 2 } } }
const hot = { if: { 'events.product_viewed.7d': { $gte: 3 }, 'segment.returning': true } }
const config = {
  version: 1,
  items: { offer: { kind: 'focus', style: 'modal', title: 'Hi' } },
  rules: [{ id: 'r', on: 'page_view', if: { $or: [{ 'segment.returning': true }, { 'page.path': '/' }] }, show: 'offer' }],
  segments: { returning, 'hot.shoppers': hot },
  journeys: { j: { entry: { on: 'add_to_cart', if: { 'segment.hot.shoppers': true } }, steps: [{ id: 's', show: 'offer' }] } },
}
const unused = { ...config, journeys: {} }
type Config = typeof config
const after = (edits: Parameters<typeof applyEdits>[1], from: unknown = config) => applyEdits(from, edits) as Config

describe('segment edits, read back from the draft', () => {
  const cases: Array<[string, () => unknown, unknown]> = [
    ['add: an id not taken, no conditions', () => after(addSegment(config).edits).segments, { returning, 'hot.shoppers': hot, 'segment-3': { if: {} } }],
    ['add the first: segments created', () => after(addSegment({ version: 1 }).edits, { version: 1 }).segments, { 'segment-1': { if: {} } }],
    ['conditions set', () => after(setSegmentQuery('returning', { 'visit.count': 3 })).segments.returning, { if: { 'visit.count': 3 } }],
    ['the last condition removed: an empty query, as if is required', () => after(setSegmentQuery('returning', undefined)).segments.returning, { if: {} }],
    ['a segment no query names is deleted', () => after(deleteSegment(unused, 'hot.shoppers').edits, unused).segments, { returning }],
  ]
  it.each(cases)('%s', (_, run, expected) => expect(run()).toEqual(expected))

  it('a new segment is valid as it comes', () => {
    const added = after(addSegment(config).edits)
    expect(validateConfig(added).problems).toEqual([])
  })
})

describe('a segment a query names', () => {
  it('is found wherever a query names it, $or and other segments included', () => {
    expect(usesOf(config, 'returning')).toEqual(['rules[0].if.$or[0].segment.returning', 'segments.hot.shoppers.if.segment.returning'])
    expect(usesOf(config, 'hot.shoppers')).toEqual(['journeys.j.entry.if.segment.hot.shoppers'])
    expect(usesOf(config, 'nobody')).toEqual([])
  })

  it('is not deleted: the refusal says where it is used', () => {
    expect(deleteSegment(config, 'returning')).toEqual({
      edits: [],
      usedAt: ['rules[0].if.$or[0].segment.returning', 'segments.hot.shoppers.if.segment.returning'],
    })
    expect(deleteSegment(config, 'hot.shoppers').usedAt).toEqual(['journeys.j.entry.if.segment.hot.shoppers'])
  })

  it('is renamed in its place, and so is every condition that names it', () => {
    const renamed = after(renameSegment(config, 'returning', 'regulars').edits)
    expect(Object.keys(renamed.segments)).toEqual(['regulars', 'hot.shoppers'])
    expect(renamed.segments['hot.shoppers' as 'returning']).toEqual({ if: { 'events.product_viewed.7d': { $gte: 3 }, 'segment.regulars': true } })
    expect(renamed.rules[0]!.if).toEqual({ $or: [{ 'segment.regulars': true }, { 'page.path': '/' }] })
    expect(renamed.journeys).toBe(config.journeys)
    expect(validateConfig(renamed).problems).toEqual([])
  })

  it('a rename writes only the queries that change, and the segments', () => {
    expect(renameSegment(config, 'hot.shoppers', 'hot').edits.map((edit) => edit.path)).toEqual([['journeys', 'j', 'entry', 'if'], ['segments']])
  })

  it.each([
    ['', 'A segment needs an id, like hot-shoppers.'],
    ['hot.shoppers', 'There is a segment hot.shoppers already.'],
  ])('renaming to %j is refused', (to, error) => expect(renameSegment(config, 'returning', to)).toEqual({ edits: [], error }))
  it('renaming to itself does nothing', () => expect(renameSegment(config, 'returning', 'returning')).toEqual({ edits: [] }))
})

describe('what the list says of a segment', () => {
  it.each([
    [returning.if, 'visit.count is at least 2'],
    [hot.if, 'events.product_viewed.7d is at least 3 and segment.returning is true'],
    [{ 'user.id': { $exists: false }, 'utm.source': { $in: ['a', 'b'] } }, 'user.id is not set and utm.source is one of a, b'],
    [{}, 'everyone (no conditions yet)'],
    [{ $or: [{ a: 1 }] }, '{"$or":[{"a":1}]}'],
  ])('%j', (query, said) => expect(describeConditions(query)).toEqual(said))
})

describe('problems under segments.<id>', () => {
  const ids = ['hot', 'hot.shoppers']
  it.each([
    ['segments.hot.if.visit.count', { id: 'hot', field: 'if.visit.count' }],
    ['segments.hot.shoppers.if', { id: 'hot.shoppers', field: 'if' }],
    ['segments.hot.shoppers', { id: 'hot.shoppers', field: '' }],
    ['segments.cold.if', null],
    ['rules[0].if', null],
  ])('%s', (path, place) => expect(segmentPlace(path, ids)).toEqual(place))
  it('by segment', () => {
    const problem = (path: string): Placed => ({ path, message: 'x', place: null })
    const problems = [problem('segments.hot.if'), problem('segments.hot.shoppers.if'), problem('rules[0].if.segment.hot')]
    expect(problemsOfSegment(problems, 'hot', ids).map((p) => p.path)).toEqual(['segments.hot.if'])
  })
})
