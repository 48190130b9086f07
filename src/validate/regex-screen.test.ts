import { describe, expect, it } from 'vitest'
import { screenRegex } from './regex-screen.js'
import { findRegexRefusals } from '../rules/regex.js'

const refusalOf = (pattern: string) => findRegexRefusals({ rules: [{ if: { 'page.path': { $regex: pattern } } }] })[0]?.refusal ?? null

/** The runtime leaves patterns to the engine's parser (config/accept.ts): it must say what the screen says. */
describe('the engine refuses every pattern the screen refuses, for the same reason', () => {
  it.each(['(a|b)\\1', '(?<x>a)\\k<x>', 'a(?=b)', 'a(?!b)', '(?<=x)a+', '(?<!a)b', 'a'.repeat(257), '(unclosed', '[z-a]', 'a**'])('%s', (pattern) => {
    expect(screenRegex(pattern)).not.toBeNull()
    expect(refusalOf(pattern)).toBe(screenRegex(pattern))
  })
})
