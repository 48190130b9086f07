import { describe, expect, it } from 'vitest'
import type { Config } from '../../config/types.js'
import { configSlot, siteFiles, siteSet } from './build.js'

/** A dist/ with both sets of the site flavour, each a start chunk and two lazy chunks. */
const dist: Record<string, string> = {
  'site/lazy/manifest.json': JSON.stringify({ start: 'start.js', chunks: ['actions.AAAAAAAAAA.js', 'ui.BBBBBBBBBB.js'] }),
  'site/lazy/start.js': `!function(){start({config:${configSlot}})}();`,
  'site/lazy/actions.AAAAAAAAAA.js': 'export const act=1',
  'site/lazy/ui.BBBBBBBBBB.js': 'export const ui=1',
  'site/actions/manifest.json': JSON.stringify({ start: 'start.js', chunks: ['ui.CCCCCCCCCC.js'] }),
  'site/actions/start.js': `!function(){const act=1;start({config:${configSlot}})}();`,
  'site/actions/ui.CCCCCCCCCC.js': 'export const ui=2',
  'journeykit-sw.js': 'self.onpush=0',
}
const read = (path: string) => {
  if (!(path in dist)) throw new Error(`ENOENT: ${path}`)
  return dist[path]!
}
const config = (rules: Config['rules'], more: Partial<Config> = {}): Config => ({ version: 1, rules, ...more })

describe('siteSet: what journeykit.js holds besides the start chunk', () => {
  it.each<[string, Config, 'lazy' | 'actions']>([
    ['no rules', config([]), 'lazy'],
    ['a rule on a later event', config([{ id: 'a', on: 'add_to_cart', track: 'x' }]), 'lazy'],
    ['a rule on exit intent', config([{ id: 'a', on: 'exit_intent', track: 'x' }]), 'lazy'],
    ['a page-view rule that tracks', config([{ id: 'a', on: 'page_view', track: 'x' }]), 'actions'],
    ['a rule on the visit start', config([{ id: 'a', on: 'visit_start', set: { stage: 'consideration' } }]), 'actions'],
    ['segments', config([], { segments: { back: { if: { 'visit.count': { $gte: 2 } } } } }), 'actions'],
  ])('%s: %s', (_name, given, set) => {
    expect(siteSet(given)).toBe(set)
  })
})

describe('siteFiles', () => {
  it('writes the config into the start chunk once, then the set’s chunks and the worker', () => {
    const { set, files } = siteFiles(config([{ id: 'a', on: 'signup', track: 'x' }]), read)
    expect(set).toBe('lazy')
    expect(files.map((file) => file.name)).toEqual(['journeykit.js', 'actions.AAAAAAAAAA.js', 'ui.BBBBBBBBBB.js', 'journeykit-sw.js'])
    expect(files[0]!.text).toBe('!function(){start({config:({"version":1,"rules":[{"id":"a","on":"signup","track":"x"}]})})}();')
    expect(files[3]!.text).toBe('self.onpush=0')
  })

  it('takes the set with the actions chunk for a page-view rule', () => {
    const { files } = siteFiles(config([{ id: 'a', on: 'page_view', track: 'x' }]), read)
    expect(files.map((file) => file.name)).toEqual(['journeykit.js', 'ui.CCCCCCCCCC.js', 'journeykit-sw.js'])
    expect(files[0]!.text).toContain('const act=1')
  })

  it('keeps a config’s text as it is, replacement patterns such as $& included', () => {
    const text = siteFiles(config([{ id: 'a', on: 'x', track: "$&$'$`" }]), read).files[0]!.text
    expect(text).toContain(`"track":"$&$'$\`"`)
    // The written script is JavaScript that gives the config back.
    const found: unknown[] = []
    new Function('start', text)((options: { config: unknown }) => found.push(options.config))
    expect(found).toEqual([config([{ id: 'a', on: 'x', track: "$&$'$`" }])])
  })

  it.each([
    ['no slot', '!function(){}();'],
    ['two slots', `${configSlot};${configSlot}`],
  ])('refuses a start chunk with %s', (_name, start) => {
    expect(() => siteFiles(config([]), (path) => (path === 'site/lazy/start.js' ? start : read(path)))).toThrow(`expected ${configSlot} once`)
  })

  it('throws when dist/ has no site build', () => {
    expect(() =>
      siteFiles(config([]), () => {
        throw new Error('ENOENT')
      }),
    ).toThrow('ENOENT')
  })
})
