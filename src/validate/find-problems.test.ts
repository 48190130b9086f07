import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { findProblems } from './find-problems.js'

/** The modules a file imports for their values (type-only imports vanish), within its own folder. */
function valueImports(file: string): string[] {
  const source = readFileSync(new URL(file, import.meta.url), 'utf8')
  const folder = file.slice(0, file.lastIndexOf('/') + 1)
  return [...source.matchAll(/^import (?!type )[^;]*?from '\.\/([\w-]+)\.js'/gm)].map((match) => `${folder}${match[1]}.ts`)
}

function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen
  seen.add(file)
  valueImports(file).forEach((next) => reachable(next, seen))
  return seen
}

describe('the validator off the start path', () => {
  // A sealed config needs no validator: the start chunk reaches it only by import().
  it('is not part of accepting a config: accept.ts reaches find-problems.ts only by import()', () => {
    expect([...reachable('../config/accept.ts')]).toEqual(['../config/accept.ts', '../config/seal.ts'])
    expect(readFileSync(new URL('../config/accept.ts', import.meta.url), 'utf8')).toContain("import('../chunks/config-check.js')")
    expect([...reachable('./check.ts')]).toContain('./find-problems.ts')
  })

  // Most configs have nothing to report: the validator loads the words only for those that do.
  it('carries no message text and reads no pattern: checking a config reaches messages.ts and regex-screen.ts only by import()', () => {
    expect([...reachable('./check.ts')]).not.toContain('./messages.ts')
    expect([...reachable('./check.ts')]).not.toContain('./regex-screen.ts')
    expect([...reachable('./report.ts')]).toContain('./messages.ts')
    expect(readFileSync(new URL('./check.ts', import.meta.url), 'utf8')).toContain("import('../chunks/config-messages.js')")
  })

  it('finds problems as codes, with what goes before and after the words', () => {
    const { problems, warnings } = findProblems({
      version: 1,
      extra: true,
      items: { a: { kind: 'focus', style: 'popover', title: 'Hi' } },
      rules: [{ id: 'r', on: 'exit_itent', show: 'a', if: { 'visit.count': { $gte: 'two' } } }],
    })
    expect(problems).toEqual([
      { path: 'items.a.style', code: 'oneOf', after: 'modal, bar, slidein, notification', value: 'popover' },
      { path: 'rules[0].if.visit.count', code: 'needsNumber', before: '$gte', value: 'two', near: undefined },
    ])
    expect(warnings).toEqual([
      { path: 'extra', code: 'unknownKey' },
      { path: 'rules[0].on', code: 'looksLike', before: '"exit_itent"', after: '"exit_intent"' },
    ])
  })
})
