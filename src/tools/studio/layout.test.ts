import { describe, expect, it } from 'vitest'
import { layoutOf, print } from './layout.js'

describe('layoutOf', () => {
  it.each([
    ['JSON.stringify, 2 spaces', JSON.stringify({ a: { b: [1] } }, null, 2), { unit: '  ', eol: '\n', width: 0 }],
    ['4 spaces', JSON.stringify({ a: { b: [1] } }, null, 4), { unit: '    ', eol: '\n', width: 0 }],
    ['tabs', JSON.stringify({ a: { b: [1] } }, null, '\t'), { unit: '\t', eol: '\n', width: 0 }],
    ['CRLF', '{\r\n  "a": 1\r\n}\r\n', { unit: '  ', eol: '\r\n', width: 0 }],
    ['Prettier: short values on one line', '{\n  "a": { "b": [1] }\n}\n', { unit: '  ', eol: '\n', width: 80 }],
    ['Prettier at a wider width', `{\n  "a": { "b": "${'x'.repeat(100)}" }\n}\n`, { unit: '  ', eol: '\n', width: 120 }],
    ['a long text alone says nothing of the width', `{\n  "a": "${'x'.repeat(200)}",\n  "b": [1]\n}\n`, { unit: '  ', eol: '\n', width: 80 }],
    ['nothing to go by', '', { unit: '  ', eol: '\n', width: 0 }],
  ])('%s', (_name, text, layout) => {
    expect(layoutOf(text)).toEqual(layout)
  })
})

describe('print', () => {
  const layout = { unit: '  ', eol: '\n', width: 40 }
  it.each([
    ['fits: one line', { days: ['thu'], from: '08:00' }, '{ "days": ["thu"], "from": "08:00" }'],
    ['empty', {}, '{}'],
    [
      'too long: a member a line, each on one line if it fits',
      { entry: { on: 'add_to_cart' }, steps: [{ show: 'reminder' }, { wait: '1h' }] },
      '{\n  "entry": { "on": "add_to_cart" },\n  "steps": [\n    { "show": "reminder" },\n    { "wait": "1h" }\n  ]\n}',
    ],
  ])('%s', (_name, value, text) => {
    expect(print(value, layout, { indent: '', column: 0 })).toBe(text)
  })
  it('spreads what was spread, and writes nothing on one line for a file that never does', () => {
    expect(print({ a: 1 }, layout, { indent: '', column: 0, spread: true })).toBe('{\n  "a": 1\n}')
    expect(print({ a: [1] }, { ...layout, width: 0 }, { indent: '  ', column: 7 })).toBe('{\n    "a": [\n      1\n    ]\n  }')
  })
})
