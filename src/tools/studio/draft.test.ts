import { describe, expect, it } from 'vitest'
import type { Edit } from './protocol.js'
import { applyEdit, applyEdits, editShapeError, valueAt } from './draft.js'

const config = { version: 1, journeys: { rescue: { steps: [{ show: 'a' }, { wait: '1h' }] } } }

describe('applyEdit: what the draft shows', () => {
  it.each([
    ['sets a value', { path: ['version'], value: 2 }, { ...config, version: 2 }],
    ['creates the objects on the way', { path: ['items', 'a.b/c', 'kind'], value: 'focus' }, { ...config, items: { 'a.b/c': { kind: 'focus' } } }],
    [
      'appends at the end of an array',
      { path: ['journeys', 'rescue', 'steps', 2], value: { exit: true } },
      { ...config, journeys: { rescue: { steps: [{ show: 'a' }, { wait: '1h' }, { exit: true }] } } },
    ],
    [
      'replaces an element',
      { path: ['journeys', 'rescue', 'steps', 0], value: { track: 't' } },
      { ...config, journeys: { rescue: { steps: [{ track: 't' }, { wait: '1h' }] } } },
    ],
    [
      'inserts before an element',
      { path: ['journeys', 'rescue', 'steps', 1], value: { track: 't' }, insert: true },
      { ...config, journeys: { rescue: { steps: [{ show: 'a' }, { track: 't' }, { wait: '1h' }] } } },
    ],
    [
      'removes an element, the next moves up',
      { path: ['journeys', 'rescue', 'steps', 0], remove: true },
      { ...config, journeys: { rescue: { steps: [{ wait: '1h' }] } } },
    ],
    ['removes a key', { path: ['journeys'], remove: true }, { version: 1 }],
    ['removes nothing that is not there', { path: ['items', 'x'], remove: true }, config],
    ['replaces the whole config', { path: [], value: { version: 1 } }, { version: 1 }],
  ] as Array<[string, Edit, unknown]>)('%s', (_name, edit, expected) => {
    const before = structuredClone(config)
    expect(applyEdit(config, edit)).toEqual(expected)
    expect(config).toEqual(before) // a new value: the config as loaded is kept
  })

  it('starts a new file from nothing', () => {
    expect(
      applyEdits(undefined, [
        { path: ['version'], value: 1 },
        { path: ['journeys', 'a', 'steps', 0], value: { show: 'x' } },
      ]),
    ).toEqual({
      version: 1,
      journeys: { a: { steps: [{ show: 'x' }] } },
    })
  })

  it('keeps "__proto__" an own key, never the prototype', () => {
    const result = applyEdit({}, { path: ['__proto__'], value: { polluted: true } }) as Record<string, unknown>
    expect(Object.keys(result)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype)
  })

  it('reads a value at a path', () => {
    expect(valueAt(config, ['journeys', 'rescue', 'steps', 1, 'wait'])).toBe('1h')
    expect(valueAt(config, ['journeys', 'nope', 'steps'])).toBeUndefined()
    expect(valueAt(config, ['version', 'x'])).toBeUndefined()
  })
})

describe('editShapeError: edits from the wire', () => {
  it.each([
    [{ path: ['a'], value: 1 }, null],
    [{ path: ['a', 0], value: null }, null],
    [{ path: ['a', 0], remove: true }, null],
    [{ path: ['a', 0], value: {}, insert: true }, null],
    ['x', 'an edit is an object { path, value } or { path, remove: true }'],
    [{ value: 1 }, 'an edit needs a path: an array of keys and indexes'],
    [{ path: ['a', -1], value: 1 }, '["a",-1]: a path holds keys (text) and array indexes (whole numbers from 0)'],
    [{ path: ['a', 1.5], value: 1 }, '["a",1.5]: a path holds keys (text) and array indexes (whole numbers from 0)'],
    [{ path: ['a'] }, 'a: give either a value or remove: true'],
    [{ path: ['a'], value: 1, remove: true }, 'a: give either a value or remove: true'],
    [{ path: ['a'], remove: false, value: 1 }, 'a: remove is true or absent'],
    [{ path: ['a'], value: 1, insert: true }, 'a: insert: true goes with a value and a path ending in an array index'],
  ])('%j', (edit, error) => {
    expect(editShapeError(edit)).toBe(error)
  })
})
