import { describe, expect, it } from 'vitest'
import type { Edit } from './protocol.js'
import { editText } from './edits.js'
import { EditError } from './draft.js'

const lines = (...all: string[]) => `${all.join('\n')}\n`

/** A file as `journeykit init` writes it (JSON.stringify, 2 spaces), with a key the studio does not know. */
const spread = lines(
  '{',
  '  "version": 1,',
  '  "x-owner": "marketing",',
  '  "journeys": {',
  '    "rescue": {',
  '      "entry": {',
  '        "on": "add_to_cart"',
  '      },',
  '      "steps": [',
  '        {',
  '          "show": "reminder"',
  '        }',
  '      ]',
  '    }',
  '  }',
  '}',
)

/** A file formatted by Prettier: short values on one line, 4 spaces. */
const pretty = lines(
  '{',
  '    "version": 1,',
  '    "items": { "reminder": { "kind": "focus", "style": "bar", "title": "Your cart is waiting for you, friend" } },',
  '    "rules": [',
  '        { "id": "thursday", "on": "exit_intent", "schedule": { "weekly": [{ "days": ["thu"] }] } }',
  '    ]',
  '}',
)

const cases: Array<[string, string, Edit[], string]> = [
  [
    'sets a nested value in place',
    spread,
    [{ path: ['journeys', 'rescue', 'entry', 'on'], value: 'checkout_started' }],
    spread.replace('"on": "add_to_cart"', '"on": "checkout_started"'),
  ],
  [
    'adds a step at the end of an array, laid out as its siblings',
    spread,
    [{ path: ['journeys', 'rescue', 'steps', 1], value: { wait: '1h', within: '2h' } }],
    spread.replace(
      '          "show": "reminder"\n        }\n',
      '          "show": "reminder"\n        },\n        {\n          "wait": "1h",\n          "within": "2h"\n        }\n',
    ),
  ],
  [
    'inserts a step before another',
    spread,
    [{ path: ['journeys', 'rescue', 'steps', 0], value: { track: 'rescue_started' }, insert: true }],
    spread.replace('      "steps": [\n', '      "steps": [\n        {\n          "track": "rescue_started"\n        },\n'),
  ],
  ['removes a key with its line and comma', spread, [{ path: ['x-owner'], remove: true }], spread.replace('  "x-owner": "marketing",\n', '')],
  [
    'removes the last key of an object, and the comma before it',
    spread,
    [{ path: ['journeys'], remove: true }],
    lines('{', '  "version": 1,', '  "x-owner": "marketing"', '}'),
  ],
  [
    'a key with dots and slashes is one path element',
    spread,
    [{ path: ['journeys', 'rescue', 'entry', 'if'], value: { 'page.path': { $startsWith: '/cart/a.b' } } }],
    spread.replace(
      '        "on": "add_to_cart"\n',
      '        "on": "add_to_cart",\n        "if": {\n          "page.path": {\n            "$startsWith": "/cart/a.b"\n          }\n        }\n',
    ),
  ],
  [
    'a new journey goes last, keys before it untouched',
    spread,
    [{ path: ['journeys', 'welcome'], value: { entry: { on: 'page_view' }, steps: [] } }],
    spread.replace(
      '      ]\n    }\n  }\n}\n',
      '      ]\n    },\n    "welcome": {\n      "entry": {\n        "on": "page_view"\n      },\n      "steps": []\n    }\n  }\n}\n',
    ),
  ],
  [
    'removing what is not there changes nothing',
    spread,
    [
      { path: ['rules', 3], remove: true },
      { path: ['nope'], remove: true },
    ],
    spread,
  ],
  [
    'keeps a short array on one line in a Prettier file',
    pretty,
    [{ path: ['rules', 0, 'schedule', 'weekly', 0, 'days', 1], value: 'fri' }],
    pretty.replace('["thu"]', '["thu", "fri"]'),
  ],
  [
    'adds a short rule on one line in a Prettier file, with its indentation',
    pretty,
    [{ path: ['rules', 1], value: { id: 'welcome', on: 'page_view', show: 'reminder' } }],
    pretty.replace('}] } }\n    ]', '}] } },\n        { "id": "welcome", "on": "page_view", "show": "reminder" }\n    ]'),
  ],
  [
    'breaks a line that no longer fits at its outermost one-line value, the parts that fit on one line each',
    pretty,
    [{ path: ['items', 'reminder', 'body'], value: 'Everything you chose is still there, for two more days: come back and finish.' }],
    pretty.replace(
      '    "items": { "reminder": { "kind": "focus", "style": "bar", "title": "Your cart is waiting for you, friend" } },\n',
      [
        '    "items": {',
        '        "reminder": {',
        '            "kind": "focus",',
        '            "style": "bar",',
        '            "title": "Your cart is waiting for you, friend",',
        '            "body": "Everything you chose is still there, for two more days: come back and finish."',
        '        }',
        '    },',
        '',
      ].join('\n'),
    ),
  ],
  [
    'tabs and CRLF stay tabs and CRLF',
    '{\r\n\t"version": 1\r\n}\r\n',
    [{ path: ['limits'], value: { perPage: 1 } }],
    '{\r\n\t"version": 1,\r\n\t"limits": {\r\n\t\t"perPage": 1\r\n\t}\r\n}\r\n',
  ],
  ['a file on one line stays on one line, as compact as it was', '{"a":1}', [{ path: ['b'], value: [1, 2] }], '{"a":1,"b":[1,2]}'],
  [
    'a new file',
    '',
    [
      { path: ['version'], value: 1 },
      { path: ['items'], value: {} },
    ],
    lines('{', '  "version": 1,', '  "items": {}', '}'),
  ],
  ['the byte order mark stays', '\uFEFF{\n  "version": 1\n}\n', [{ path: ['version'], value: 2 }], '\uFEFF{\n  "version": 2\n}\n'],
  ['"__proto__" is a key like another', '{\n  "a": 1\n}\n', [{ path: ['__proto__'], value: { b: 1 } }], '{\n  "a": 1,\n  "__proto__": {\n    "b": 1\n  }\n}\n'],
  [
    'edits apply in order, each on the one before',
    spread,
    [
      { path: ['journeys', 'rescue', 'steps', 1], value: { wait: '1h' } },
      { path: ['journeys', 'rescue', 'steps', 0], remove: true },
      { path: ['journeys', 'rescue', 'steps', 0, 'wait'], value: '2h' },
    ],
    spread.replace('          "show": "reminder"\n', '          "wait": "2h"\n'),
  ],
]

describe('editText', () => {
  it.each(cases)('%s', (_name, text, edits, expected) => {
    expect(editText(text, edits)).toBe(expected)
  })

  it.each([
    [
      'an index past the end of an array',
      [{ path: ['journeys', 'rescue', 'steps', 5], value: {} }],
      'journeys.rescue.steps[5]: past the end of the array (1 long)',
    ],
    ['a key inside a number', [{ path: ['version', 'major'], value: 1 }], 'version.major: version is a number, not an object or array'],
    ['an index inside an object', [{ path: ['journeys', 0], value: 1 }], 'journeys[0]: journeys is an object, so 0 cannot be in it'],
    ['removing the whole config', [{ path: [], remove: true }], 'the whole config cannot be removed'],
  ] as Array<[string, Edit[], string]>)('refuses %s', (_name, edits, message) => {
    expect(() => editText(spread, edits)).toThrow(new EditError(message))
  })

  it('refuses a text the edits would not turn into what the draft shows (a duplicate key)', () => {
    expect(() => editText('{ "a": 1, "a": 2 }', [{ path: ['a'], value: 3 }])).toThrow(EditError)
  })

  it('refuses a file that is not JSON', () => {
    expect(() => editText('{ "a": 1,', [{ path: ['a'], value: 3 }])).toThrow('the file is not JSON')
  })
})
