import { describe, expect, it } from 'vitest'
import { factChoices, parseValue, queryOf, rowsOf, valueText, type Row } from './query-rows.js'

const cart: Row = { fact: 'page.path', op: '$startsWith', value: '/cart' }
const second: Row = { fact: 'visit.count', op: '$gte', value: 2 }

describe('a query as rows and back', () => {
  const both: Array<[string, unknown, Row[]]> = [
    ['no query, no rows', undefined, []],
    ['a bare value is $eq', { 'device.type': 'mobile' }, [{ fact: 'device.type', op: '$eq', value: 'mobile' }]],
    ['the contract example', { 'page.path': { $startsWith: '/cart' }, 'visit.count': { $gte: 2 } }, [cart, second]],
    ['two operators on one fact', { 'visit.count': { $gte: 2, $lt: 5 } }, [second, { fact: 'visit.count', op: '$lt', value: 5 }]],
    ['a list', { 'utm.source': { $in: ['mail', 'ads'] } }, [{ fact: 'utm.source', op: '$in', value: ['mail', 'ads'] }]],
    ['$exists', { 'user.id': { $exists: true } }, [{ fact: 'user.id', op: '$exists', value: true }]],
    ['$ne on an open namespace', { 'user.traits.plan': { $ne: 'pro' } }, [{ fact: 'user.traits.plan', op: '$ne', value: 'pro' }]],
    ['an events count', { 'events.add_to_cart.7d': { $gte: 1 } }, [{ fact: 'events.add_to_cart.7d', op: '$gte', value: 1 }]],
  ]
  it.each(both)('%s', (_, query, rows) => {
    expect(rowsOf(query)).toEqual(rows)
    expect(queryOf(rows)).toEqual(query)
  })

  const notRows: Array<[string, unknown]> = [
    ['$or', { $or: [{ 'page.path': '/a' }, { 'page.path': '/b' }] }],
    ['$and', { $and: [{ 'page.path': '/a' }] }],
    ['$not on a fact', { 'page.path': { $not: { $startsWith: '/cart' } } }],
    ['$regex', { 'page.path': { $regex: '^/cart' } }],
    ['not an object', ['page.path']],
  ]
  it.each(notRows)('%s stays JSON', (_, query) => expect(rowsOf(query)).toBeNull())

  it('an $eq on an operator-looking object is spelled out, so it reads back the same', () => {
    const rows: Row[] = [{ fact: 'event.x', op: '$eq', value: { $gt: 1 } }]
    expect(queryOf(rows)).toEqual({ 'event.x': { $eq: { $gt: 1 } } })
    expect(rowsOf(queryOf(rows))).toEqual(rows)
  })

  it('one fact with one operator twice cannot be a query', () => expect(queryOf([second, { ...second, value: 3 }])).toBeNull())
})

describe('what the owner types, as the operator takes it', () => {
  const cases: Array<[Parameters<typeof parseValue>[0], string, unknown]> = [
    ['$gte', '2', 2],
    ['$gte', ' 2.5 ', 2.5],
    ['$gte', 'two', 'two'],
    ['$startsWith', '/cart', '/cart'],
    ['$eq', '/cart', '/cart'],
    ['$eq', '3', 3],
    ['$eq', '03', '03'],
    ['$eq', 'true', true],
    ['$in', 'mail, ads, 3', ['mail', 'ads', 3]],
    ['$nin', '', []],
    ['$exists', 'false', false],
    ['$exists', '', true],
  ]
  it.each(cases)('%s %j', (op, text, value) => {
    expect(parseValue(op, text)).toEqual(value)
    if (op !== '$exists' && text.trim() === valueText(value)) expect(valueText(value)).toBe(text.trim())
  })
})

it('offers the validator’s facts, open namespaces with a name to fill in', () => {
  expect(factChoices).toContain('page.path')
  expect(factChoices).toContain('user.traits.<name>')
  expect(factChoices).toContain('events.<name>.<window>')
  expect(factChoices).not.toContain('user.traits.')
})
