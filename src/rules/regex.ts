/**
 * The `$regex` engine, a lazy chunk loaded only when a config uses `$regex` (contract §7).
 *
 * Why our own engine and not re2js: both run in time linear in the text, but re2js 2.10 (RE2/J
 * ported, with its Unicode tables) bundles to 45.8 KB gzipped for compile + find alone (esbuild
 * --minify, gzip -9), over four times the whole UI chunk; this Thompson NFA for a documented
 * subset (see regex-parse.ts) is 2.3 KB, and refuses what it does not run instead of guessing.
 * Neither fits the core chunk's budget, hence a chunk of its own; the rules engine gets
 * `testRegex` once it is loaded and calls it synchronously (rules/match.ts).
 */
import { compileRegex, type RegexProgram } from './regex-compile.js'
import type { RegexRefusal } from './regex-parse.js'
import { runRegex } from './regex-run.js'

export { compileRegex } from './regex-compile.js'
export { runRegex } from './regex-run.js'

const programs = new Map<string, RegexProgram | null>()

/**
 * Does `pattern` match anywhere in `text`? The one function the rules engine needs. A refused
 * pattern (which a validated config cannot hold) matches nothing. Pure apart from its cache.
 *
 * @example testRegex('^/products/[a-z-]+$', '/products/linen-shirt') // true
 */
export function testRegex(pattern: string, text: string): boolean {
  let program = programs.get(pattern)
  if (program === undefined) {
    const compiled = compileRegex(pattern)
    programs.set(pattern, (program = typeof compiled === 'string' ? null : compiled))
  }
  return program !== null && runRegex(program, text)
}

/**
 * Every `$regex` in a config (any shape, so queries are found wherever they sit) that the
 * engine refuses, with the JSON path the validator uses: `rules[0].if.page.query.q`. The
 * config chunk turns these into messages; a config without `$regex` never loads this chunk.
 */
export function findRegexRefusals(config: unknown): Array<{ path: string; refusal: RegexRefusal }> {
  const found: Array<{ path: string; refusal: RegexRefusal }> = []
  const walk = (value: unknown, path: string, depth: number): void => {
    if (typeof value !== 'object' || value === null || depth > 32) return
    for (const [key, child] of Object.entries(value)) {
      const compiled = key === '$regex' && typeof child === 'string' ? compileRegex(child) : null
      if (typeof compiled === 'string') found.push({ path, refusal: compiled })
      else walk(child, Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key, depth + 1)
    }
  }
  walk(config, '', 0)
  return found
}
