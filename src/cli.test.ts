import { describe, expect, it } from 'vitest'
import { runCli } from './cli.js'

const files: Record<string, string> = {
  'good.json': JSON.stringify({
    version: 1,
    items: { offer: { kind: 'focus', style: 'modal', title: 'Wait!' } },
    rules: [
      { id: 'exit-on-cart', on: 'exit_intent', if: { 'page.path': { $startsWith: '/cart' }, 'visit.count': { $gte: 2 } }, show: 'offer', frequency: 'once' },
      { id: 'welcome', on: 'page_view', show: 'offer' },
      { id: 'loyal', on: 'exit_intent', if: { 'visit.count': { $gte: 5 } }, track: 'loyal_exit' },
      { id: 'thursday', on: 'exit_intent', show: 'offer', schedule: { weekly: [{ days: ['thu'] }], timezone: 'Europe/Belgrade' } },
    ],
  }),
  'bad.json': JSON.stringify({ version: 1, rules: [{ id: 'r', on: 'page_view', if: { 'visit.count': { $gte: 'two' } }, show: 'missing' }] }),
  'broken.json': '{ "version": 1,',
  'regex.json': JSON.stringify({
    version: 1,
    items: { offer: { kind: 'focus', style: 'modal', title: 'Wait!' } },
    rules: [
      { id: 'a', on: 'page_view', if: { 'page.query.q': { $regex: '(a|a)+$' } }, show: 'offer' },
      { id: 'b', on: 'page_view', if: { 'page.query.q': { $regex: '\\p{L}+' } }, show: 'offer' },
      { id: 'c', on: 'page_view', if: { 'page.referrer': { $regex: '(?<=x)y' } }, show: 'offer' },
    ],
  }),
}
const read = (path: string) => {
  if (!(path in files)) throw new Error(`ENOENT: no such file, open '${path}'`)
  return files[path]!
}

describe('journeykit validate', () => {
  it('says a good config is valid, exit 0', () => {
    expect(runCli(['validate', 'good.json'], read)).toEqual({ code: 0, output: 'good.json is valid: 4 rule(s), 1 item(s)' })
  })

  it('lists every problem with its JSON path, exit 1', () => {
    const { code, output } = runCli(['validate', 'bad.json'], read)
    expect(code).toBe(1)
    expect(output.split('\n')).toEqual([
      '✘ rules[0].if.visit.count: $gte needs a number',
      '✘ rules[0].show: names no item in "items"',
      'bad.json: 2 problem(s); journeykit refuses this config',
    ])
  })

  it('prints a likely trigger typo as a warning, exit 0', () => {
    const typo = JSON.stringify({ version: 1, rules: [{ id: 'r', on: 'exit_itent', track: 'leaving' }] })
    expect(runCli(['validate', 'typo.json'], () => typo)).toEqual({
      code: 0,
      output: '! rules[0].on: "exit_itent" looks like "exit_intent"\ntypo.json is valid: 1 rule(s), 0 item(s)',
    })
  })

  it('refuses each $regex the engine cannot run, once, and says why', () => {
    const { code, output } = runCli(['validate', 'regex.json'], read)
    expect(code).toBe(1)
    const lines = output.split('\n')
    expect(lines.filter((line) => line.startsWith('✘'))).toEqual([
      '✘ rules[2].if.page.referrer: $regex has lookaround',
      '✘ rules[1].if.page.query.q: $regex has syntax journeykit does not run',
    ])
    expect(lines[1]).toMatch(/^ {4}lookaround .* needs a backtracking engine/)
    expect(lines[3]).toMatch(/^ {4}journeykit runs literals/)
  })

  it('reports unreadable files and bad JSON, exit 1; bad usage, exit 2', () => {
    expect(runCli(['validate', 'missing.json'], read).code).toBe(1)
    expect(runCli(['validate', 'broken.json'], read).output).toMatch(/^broken\.json: /)
    expect(runCli(['lint', 'good.json'], read).code).toBe(2)
    expect(runCli(['explain', 'good.json'], read).code).toBe(2)
  })
})

describe('journeykit explain', () => {
  it('says which rules fire and, for the others, the first reason they do not', () => {
    const { code, output } = runCli(
      ['explain', 'good.json', '--on', 'exit_intent', '--fact', 'page.path=/cart', '--fact', 'visit.count=3', '--at', '2026-11-27T10:00:00Z'],
      read,
    )
    expect(code).toBe(0)
    expect(output.split('\n')).toEqual([
      'on exit_intent: 1 of 4 rule(s) would fire',
      '✔ exit-on-cart: show offer (if under its frequency cap "once")',
      '✘ welcome: listens for page_view, not exit_intent',
      '✘ loyal: visit.count {"$gte":5} is false (visit.count is 3)',
      '✘ thursday: outside its schedule at 2026-11-27T10:00:00.000Z',
    ])
  })

  it('refuses prototype keys in facts', () => {
    expect(runCli(['explain', 'good.json', '--on', 'x', '--fact', '__proto__.polluted=1'], read).code).toBe(2)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
