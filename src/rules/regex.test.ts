import { describe, expect, it } from 'vitest'
import { compileRegex, findRegexRefusals, runRegex, testRegex } from './regex.js'
import { maxInstructions, type RegexProgram } from './regex-compile.js'
import { screenRegex } from '../validate/regex-screen.js'
import { matchQuery } from './match.js'

/**
 * Known ReDoS shapes (OWASP "Regular expression Denial of Service", Davis et al. 2018 "The
 * Impact of Regular Expression Denial of Service (ReDoS) in Practice", the Cloudflare 2019
 * outage, CVE write-ups of npm validators), each with an input built to make a backtracking
 * engine explode. Each must be refused by the validator or run in steps linear in the input.
 */
const corpus: Array<[pattern: string, attack: (n: number) => string]> = [
  ['(a|a)+$', (n) => 'a'.repeat(n) + '!'],
  ['((a+))+$', (n) => 'a'.repeat(n) + '!'],
  ['^(a+)+$', (n) => 'a'.repeat(n) + '!'],
  ['(a+)+b', (n) => 'a'.repeat(n)],
  ['(a*)*b', (n) => 'a'.repeat(n)],
  ['(a?){25}a{25}', (n) => 'a'.repeat(n)],
  ['(x+x+)+y', (n) => 'x'.repeat(n)],
  ['(.*a){20}', (n) => 'a'.repeat(n)],
  ['(a|aa)+$', (n) => 'a'.repeat(n) + 'b'],
  ['(a|a?)+$', (n) => 'a'.repeat(n) + 'b'],
  ['(\\w+\\s?)*$', (n) => 'word '.repeat(n / 5) + '!'],
  ['^(\\w+\\s?)*$', (n) => 'aaaa '.repeat(n / 5) + '@'],
  ['(\\d+)*[a-z]', (n) => '1'.repeat(n)],
  ['.*.*.*.*x', (n) => 'a'.repeat(n)],
  ['.*.*.*.*.*.*.*.*=.*', (n) => 'x'.repeat(n)],
  ['.*.*=.*', (n) => 'x'.repeat(n)], // the Cloudflare 2019 outage's core
  ['(?:.*,)*$', (n) => ','.repeat(n) + '\n'],
  ['^(([a-z])+.)+[A-Z]([a-z])+$', (n) => 'a'.repeat(n) + '!'],
  ['^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$', (n) => 'a'.repeat(n) + '!'],
  ['^[a-zA-Z0-9._%+-]+@([a-zA-Z0-9-]+\\.)+[a-zA-Z]{2,}$', (n) => 'a@' + 'a.'.repeat(n / 2) + '!'],
  [
    '^(([^<>()\\[\\]\\\\.,;:\\s@"]+(\\.[^<>()\\[\\]\\\\.,;:\\s@"]+)*)|(".+"))@((\\[[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}])|(([a-zA-Z\\-0-9]+\\.)+[a-zA-Z]{2,}))$',
    (n) => 'a'.repeat(n) + '@',
  ],
  ['^(https?:\\/\\/)?([\\da-z.-]+)\\.([a-z.]{2,6})([\\/\\w .-]*)*\\/?$', (n) => 'http://a.bc/' + '/'.repeat(n) + '!'],
  ['^(https?|ftp)://([^\\s/?.#]+\\.?)+(/[^\\s]*)?$', (n) => 'http://' + 'a'.repeat(n) + ' '],
  ['^(\\s*,)*$', (n) => ' ,'.repeat(n / 2) + 'x'],
  ['\\s*#?\\s*$', (n) => ' '.repeat(n) + 'x'],
  ['^(\\s+|\\S+)*$', (n) => 'a b'.repeat(n / 3) + '\u0000!'],
  ['(\\w+)+@', (n) => 'a'.repeat(n)],
  ['^(a|b|ab)*c$', (n) => 'ab'.repeat(n / 2)],
  ['^([a-z0-9]+-?)+[a-z0-9]$', (n) => 'a'.repeat(n) + '-'],
  ['^(\\d+|\\d+\\.\\d+)*$', (n) => '1'.repeat(n) + 'x'],
  ['(?:a+|b+)*c', (n) => 'ab'.repeat(n / 2)],
  ['^(?:(?:a|b)*)*c', (n) => 'ab'.repeat(n / 2)],
  ['(a{1,10}){1,10}$', (n) => 'a'.repeat(n) + '!'],
  ['^(([a-z])+.)+$', (n) => 'a'.repeat(n) + '1'],
  ['(?i)(A|a)+$', (n) => 'aA'.repeat(n / 2) + '!'],
  ['([^/]*/)*index', (n) => '/'.repeat(n)],
  ['^(.+)+=(.+)+$', (n) => 'k'.repeat(n)],
  ['(\\.|[^.])*x', (n) => '.a'.repeat(n / 2)],
  ['^\\w+([\\.-]?\\w+)*@\\w+([\\.-]?\\w+)*(\\.\\w{2,3})+$', (n) => 'a'.repeat(n) + '@'],
  ['[a-z]+[a-z]+[a-z]+[a-z]+[0-9]', (n) => 'a'.repeat(n)],
  // refused by the validator: backtracking features, and a program too large to bound
  ['(a+)\\1+$', (n) => 'a'.repeat(n) + '!'],
  ['^(?=(a+))\\1*$', (n) => 'a'.repeat(n) + '!'],
  ['(?<=a+)b', (n) => 'a'.repeat(n)],
  ['(?!x)(a+)+$', (n) => 'a'.repeat(n) + '!'],
  ['(?<w>a+)\\k<w>+$', (n) => 'a'.repeat(n) + '!'],
  ['((a{100}){100}){100}', (n) => 'a'.repeat(n)],
  ['a'.repeat(200) + '(b+)+' + 'c'.repeat(60), (n) => 'b'.repeat(n)],
]

const compiled = (pattern: string): RegexProgram => {
  const program = compileRegex(pattern)
  if (typeof program === 'string') throw new Error(`${pattern} refused: ${program}`)
  return program
}

const stepsFor = (program: RegexProgram, text: string) => {
  const meter = { steps: 0 }
  runRegex(program, text, meter)
  return meter.steps
}

describe('the $regex engine against ReDoS shapes', () => {
  it('has dozens of attacks in its corpus', () => expect(corpus.length).toBeGreaterThanOrEqual(40))

  it.each(corpus)('%s is refused or runs in linear steps', (pattern, attack) => {
    const program = compileRegex(pattern)
    if (typeof program === 'string' || screenRegex(pattern)) {
      // refused: by the validator (the config never runs) or by the engine (matches nothing)
      expect(screenRegex(pattern) ?? program).toMatch(/^(regex|has|is|repeats)/)
      return
    }
    // 2,048 characters is what a fact is cut to; 4,096 shows the growth is linear.
    const short = stepsFor(program, attack(2048))
    const long = stepsFor(program, attack(4096))
    // At most a few steps per instruction per character, whatever the input...
    expect(short).toBeLessThanOrEqual(3 * program.code.length * (2048 + 16))
    // ...so twice the input costs about twice the steps, never 4× (quadratic) or worse.
    expect(long / short).toBeLessThan(2.3)
  })

  it('bounds the worst case: any accepted program on 2,048 characters is a few million steps', () => {
    const program = compiled('(a{1,20}){1,20}$') // near the size cap
    expect(program.code.length).toBeLessThanOrEqual(maxInstructions)
    expect(stepsFor(program, 'a'.repeat(2048) + '!')).toBeLessThan(3 * maxInstructions * 2100)
  })

  it('keeps a whole rule check on a 2,048-character crafted fact well under a frame', () => {
    // Generous wall-clock bound; the step counts above are the real proof.
    const query = { 'page.query.q': { $regex: '^(\\w+\\s?)*$' } }
    const facts = { page: { query: { q: 'aaaa '.repeat(409) + '@' } } } // 2,046 characters
    const started = performance.now()
    expect(matchQuery(query, facts, testRegex)).toBe(false)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

/** Patterns and texts where our answer must be JavaScript's own (both engines agree on the subset). */
const agreement: Array<[string, string[]]> = [
  ['^/products/[a-z-]+$', ['/products/linen-shirt', '/products/Linen', '/products/']],
  ['^/p/\\d+$', ['/p/12', '/p/1a', '/p/']],
  ['colou?r', ['color', 'colour', 'colr']],
  ['(?:ab)+c', ['ababc', 'abc', 'ac']],
  ['^a{2,3}$', ['a', 'aa', 'aaa', 'aaaa']],
  ['^a{2}$', ['aa', 'aaa']],
  ['^a{2,}$', ['a', 'aa', 'aaaaaa']],
  ['\\bsale\\b', ['summer sale now', 'wholesale', 'sale']],
  ['\\Bsale', ['wholesale', 'sale']],
  ['[^\\d]+', ['123', '12a']],
  ['[\\D]', ['1', 'x']],
  ['[\\w-]+@example\\.com$', ['a-b@example.com', 'a@exampleXcom']],
  ['^$', ['', 'x']],
  ['a|b|c', ['xxc', 'xyz']],
  ['^(mobile|tablet)$', ['mobile', 'tablet', 'desktop', 'mobiles']],
  ['.', ['\n', '\r', 'x', '']],
  ['^.+$', ['abc', 'a\nb']],
  ['\\s', ['a b', 'ab', 'a\u00a0b', 'a\tb']],
  ['[.]', ['a.b', 'ab']],
  ['\\.html$', ['/a.html', '/ahtml']],
  ['^\\/cart', ['/cart/2', '/carts', '/x/cart']],
  ['[a\\-z]', ['-', 'b']],
  ['[-a]', ['-', 'b']],
  ['[a-]', ['-', 'b']],
  ['\\x41\\u0042', ['AB', 'ab']],
  ['utm_source=(google|bing)', ['?utm_source=google&x=1', '?utm_source=yahoo']],
  ['(a*)*b', ['aaab', 'aaa']],
  ['x*', ['', 'yyy']],
  ['(|a)b', ['b', 'ab']],
  ['a{0}b', ['b', 'ab']],
  ['[]', ['', 'a']],
  ['[^]', ['', 'a']],
  ['a+?b', ['aab']],
  ['(?<campaign>spring|fall)-\\d{4}', ['spring-2026', 'winter-2026']],
  ['}', ['}', 'x']],
  [']', [']', 'x']],
  ['\\?q=', ['/s?q=1', '/sq=1']],
  ['\\0', ['\u0000', '0']],
  ['[\\b]', ['\b', 'b']],
]

describe('the $regex engine agrees with JavaScript on its subset', () => {
  it.each(agreement)('%s', (pattern, texts) => {
    for (const text of texts) expect([text, testRegex(pattern, text)]).toEqual([text, new RegExp(pattern).test(text)])
  })

  it('reads a leading (?i) as the case-insensitive flag', () => {
    for (const [pattern, text] of [
      ['(?i)^SALE', 'sale!'],
      ['(?i)[a-c]+$', 'ABC'],
      ['(?i)[^a]', 'A'],
      ['(?i)é', 'É'],
    ] as const) {
      expect(testRegex(pattern, text)).toBe(new RegExp(pattern.slice(4), 'i').test(text))
    }
  })
})

describe('what the engine refuses, and why', () => {
  it.each([
    ['(a)\\1', 'regexBackreference'],
    ['(?<x>a)\\k<x>', 'regexBackreference'],
    ['a(?=b)', 'regexLookaround'],
    ['a(?!b)', 'regexLookaround'],
    ['(?<=a)b', 'regexLookaround'],
    ['(?<!a)b', 'regexLookaround'],
    ['a'.repeat(257), 'regexLength'],
    ['\\p{L}', 'regexSyntax'],
    ['\\cA', 'regexSyntax'],
    ['a(?i)b', 'regexSyntax'],
    ['(?i:a)', 'regexSyntax'],
    ['a{', 'regexSyntax'],
    ['a{,3}', 'regexSyntax'],
    ['(unclosed', 'regexSyntax'],
    ['unopened)', 'regexSyntax'],
    ['a**', 'regexSyntax'],
    ['^*', 'regexSyntax'],
    ['[z-a]', 'regexSyntax'],
    ['\\u12', 'regexSyntax'],
    ['a{3,1}', 'regexSyntax'],
    ['a{1001}', 'regexSize'],
    ['(a{50}){50}', 'regexSize'],
  ])('%s: %s', (pattern, refusal) => {
    expect(compileRegex(pattern)).toBe(refusal)
    expect(testRegex(pattern, 'ab')).toBe(false)
  })

  it('finds every refused pattern in a config, with its JSON path', () => {
    const config = {
      rules: [
        { if: { 'page.query.q': { $regex: '\\p{L}' } } },
        { if: { $or: [{ 'page.url': { $not: { $regex: '(a{50}){50}' } } }, { 'page.path': { $regex: '^/ok$' } }] } },
      ],
    }
    expect(findRegexRefusals(config)).toEqual([
      { path: 'rules[0].if.page.query.q', refusal: 'regexSyntax' },
      { path: 'rules[1].if.$or[0].page.url.$not', refusal: 'regexSize' },
    ])
  })
})
