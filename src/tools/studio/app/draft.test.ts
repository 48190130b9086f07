import { describe, expect, it } from 'vitest'
import { applyEdits as applyTextEdits, modify } from 'jsonc-parser'
import { applyEdit, applyEdits, change, editsOf, emptyHistory, pathText, record, redo, undo, type Edit } from './draft.js'

const file = {
  version: 1,
  mine: { kept: true },
  journeys: {
    'cart-rescue': {
      entry: { on: 'add_to_cart' },
      steps: [
        { id: 'a', wait: '1h' },
        { id: 'b', show: 'offer', goto: 'a' },
        { id: 'c', exit: true },
      ],
    },
  },
}
const steps = ['journeys', 'cart-rescue', 'steps']

/** What the server does: each edit applied to the text in turn with jsonc-parser. */
function onText(text: string, edits: Edit[]): unknown {
  for (const edit of edits) {
    const changes = modify(text, edit.path, edit.remove ? undefined : edit.value, {
      formattingOptions: { insertSpaces: true, tabSize: 2 },
      isArrayInsertion: edit.insert === true,
    })
    text = applyTextEdits(text, changes)
  }
  return JSON.parse(text)
}

describe('applyEdit does to an object what jsonc-parser does to the text', () => {
  const rows: Array<[string, Edit[]]> = [
    ['sets a member', [{ path: [...steps, 0, 'wait'], value: '2h' }]],
    ['adds a member at the end of its object', [{ path: [...steps, 1, 'on'], value: 'exit_intent' }]],
    ['removes a member', [{ path: [...steps, 1, 'goto'], remove: true }]],
    ['removing a member that is not there changes nothing', [{ path: [...steps, 0, 'goto'], remove: true }]],
    ['creates the objects on the way', [{ path: ['journeys', 'welcome', 'entry', 'on'], value: 'page_view' }]],
    ['creates a list for an index on the way', [{ path: ['journeys', 'welcome', 'steps', 0], value: { id: 'x', exit: true } }]],
    ['replaces a list entry', [{ path: [...steps, 2], value: { id: 'c', track: 'gone' } }]],
    ['appends at the end of a list', [{ path: [...steps, 3], value: { id: 'd', exit: true } }]],
    ['an index past the end appends', [{ path: [...steps, 9], value: { id: 'd', exit: true } }]],
    ['removes a list entry, the rest moving up', [{ path: [...steps, 1], remove: true }]],
    ['removes the last list entry', [{ path: [...steps, 2], remove: true }]],
    [
      'edits in order',
      [
        { path: [...steps, 3], value: { id: 'd', exit: true } },
        { path: [...steps, 0], remove: true },
        { path: [...steps, 0, 'id'], value: 'first' },
      ],
    ],
    ['replaces the whole file', [{ path: [], value: { version: 1, journeys: {} } }]],
  ]
  it.each(rows)('%s', (_name, edits) => {
    const before = structuredClone(file)
    expect(applyEdits(file, edits)).toEqual(onText(JSON.stringify(file, null, 2), edits))
    expect(file).toEqual(before) // the loaded config is never changed
  })

  it('starts a missing file as jsonc-parser starts an empty text', () => {
    const edits: Edit[] = [{ path: ['version'], value: 1 }]
    expect(applyEdits(undefined, edits)).toEqual(onText('', edits))
  })

  it('keeps the order of the keys, as the text does', () => {
    const after = applyEdits(file, [
      { path: ['mine', 'later'], value: 1 },
      { path: ['version'], value: 1 },
    ]) as Record<string, unknown>
    expect(Object.keys(after)).toEqual(['version', 'mine', 'journeys'])
    expect(Object.keys(after.mine as object)).toEqual(['kept', 'later'])
  })

  it('keeps "__proto__" a plain key, never the prototype', () => {
    const after = applyEdit({}, { path: ['__proto__', 'polluted'], value: true }) as Record<string, unknown>
    expect(Object.keys(after)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(after)).toBe(Object.prototype)
  })

  it('refuses what the server would refuse', () => {
    expect(() => applyEdit(file, { path: ['nowhere', 'x'], remove: true })).toThrow(/parent is missing/)
    expect(() => applyEdit(file, { path: ['version', 'x'], value: 1 })).toThrow(/inside number/)
  })
})

describe('change', () => {
  const rows: Array<[string, Array<string | number>, unknown, Edit[]]> = [
    ['sets a new value', ['version'], 2, [{ path: ['version'], value: 2 }]],
    ['nothing when the value is already there', ['mine'], { kept: true }, []],
    ['removes what is there', ['mine'], undefined, [{ path: ['mine'], remove: true }]],
    ['no removal of what is not there', ['missing', 'deep'], undefined, []],
  ]
  it.each(rows)('%s', (_name, path, value, expected) => expect(change(file, path, value)).toEqual(expected))
})

describe('history', () => {
  const a: Edit[] = [{ path: ['a'], value: 1 }]
  const b: Edit[] = [
    { path: ['b'], value: 2 },
    { path: ['c'], value: 3 },
  ]
  it('undoes and redoes one group at a time', () => {
    let history = record(record(emptyHistory, a), b)
    expect(editsOf(history)).toEqual([...a, ...b])
    history = undo(history)
    expect(editsOf(history)).toEqual(a)
    history = undo(history)
    expect(editsOf(history)).toEqual([])
    expect(undo(history)).toBe(history)
    history = redo(history)
    expect(editsOf(history)).toEqual(a)
    expect(editsOf(redo(history))).toEqual([...a, ...b])
  })
  it('forgets what was undone once something new is done', () => {
    const history = record(undo(record(record(emptyHistory, a), b)), [{ path: ['d'], value: 4 }])
    expect(history.undone).toEqual([])
    expect(redo(history)).toBe(history)
  })
  it('an empty group is not a step to undo', () => expect(record(emptyHistory, [])).toBe(emptyHistory))
})

describe('pathText', () => {
  it('writes paths as the validator does', () => expect(pathText(['journeys', 'cart-rescue', 'steps', 3, 'goto'])).toBe('journeys.cart-rescue.steps[3].goto'))
})
