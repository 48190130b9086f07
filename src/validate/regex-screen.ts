import type { RegexRefusal } from '../rules/regex-parse.js'

const maxPatternLength = 256
// Escapes and classes are read whole, so that `\\1` or `[(?=]` are not taken for what they are not.
const regexTokens = /\\k<|\\.|\[(?:\\.|[^\]\\])*\]|\(\?<?[=!]|[^]/g

/**
 * Contract §7's refusals that need no engine: too long, a backreference, lookaround, or not
 * even a RegExp. The engine itself (rules/regex.ts, a lazy chunk) refuses the rest of what it
 * does not run. One reason per pattern. validateConfig (npm, CLI) reads patterns here; the
 * runtime leaves them to the engine's parser, which gives the same reasons (config/accept.ts).
 */
export function screenRegex(pattern: string): RegexRefusal | null {
  if (pattern.length > maxPatternLength) return 'regexLength'
  for (const [token] of pattern.matchAll(regexTokens)) {
    if (/^\\([1-9]|k<)/.test(token)) return 'regexBackreference'
    if (token.startsWith('(?')) return 'regexLookaround'
  }
  try {
    // Compiling is not matching: it cannot stall. A leading (?i) is our flag, not JavaScript's.
    new RegExp(pattern.replace(/^\(\?i\)/, ''))
    return null
  } catch {
    return 'regexSyntax'
  }
}
