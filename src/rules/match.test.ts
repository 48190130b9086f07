import { describe, expect, it } from 'vitest'
import cases from './cases.json'
import { matchQuery } from './match.js'
import { testRegex } from './regex.js'

type Case = [string, Record<string, unknown>, Record<string, unknown>, boolean]

/** Expands the placeholder that keeps long strings out of cases.json. */
function expand(value: unknown): unknown {
  if (typeof value === 'string')
    return value.replace(/REPEAT_A_(\d+)/, (_, n) => 'a'.repeat(Number(n))).replace(/REPEAT_WORD_(\d+)/, (_, n) => 'word '.repeat(Number(n)))
  if (Array.isArray(value)) return value.map(expand)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expand(v)]))
  return value
}

describe('matchQuery', () => {
  it.each(cases as Case[])('%s', (_name, query, facts, expected) => {
    expect(matchQuery(query, expand(facts) as Record<string, unknown>, testRegex)).toBe(expected)
  })
})
