import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import schema from './journeykit.schema.json'
import { knownKeys, validateConfig } from './validate.js'

const keysOf = (node: { properties?: object }) => Object.keys(node.properties ?? {}).sort()

/** The JSON Schema (for editors) and the validator (for the runtime) must not drift apart. */
describe('journeykit.schema.json', () => {
  it.each([
    ['the root', schema, knownKeys.root],
    ['collector', schema.properties.collector, knownKeys.collector],
    ['push', schema.properties.push, knownKeys.push],
    ['an item', schema.definitions.item, knownKeys.item],
    ['a rule', schema.definitions.rule, knownKeys.rule],
  ])('lists the same keys as the validator for %s', (_name, node, keys) => {
    expect(keysOf(node as { properties?: object })).toEqual([...keys].sort())
  })

  it('every example config in the repo is valid', () => {
    const files = ['examples/store/journeykit.json']
    if (existsSync('examples/configs')) {
      for (const name of readdirSync('examples/configs').filter((n) => n.endsWith('.json'))) files.push(`examples/configs/${name}`)
    }
    for (const file of files) {
      expect(validateConfig(JSON.parse(readFileSync(file, 'utf8'))), file).toEqual({ problems: [], warnings: [] })
    }
  })
})
