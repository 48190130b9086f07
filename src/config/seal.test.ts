import { describe, expect, it } from 'vitest'
import { isSealed, sealOf } from './seal.js'

const config = {
  version: 1,
  items: { offer: { kind: 'focus', style: 'modal', title: 'Wait!', cta: { label: 'Back', url: '/cart' } } },
  rules: [{ id: 'r', on: 'exit_intent', if: { 'page.path': { $startsWith: '/cart' } }, show: 'offer' }],
}
const sealed = (value: Record<string, unknown>, version?: string) => ({ ...value, $sealed: sealOf(value, version) })

describe('sealOf', () => {
  it('holds for the file `build` writes, read back as text or imported as an object, and reformatted', () => {
    const file = `${JSON.stringify(sealed(config), null, 2)}\n`
    expect(isSealed(JSON.parse(file))).toBe(true)
    expect(isSealed(JSON.parse(JSON.stringify(JSON.parse(file))))).toBe(true) // minified
    expect(isSealed(JSON.parse(file.replace(/\n\s*/g, '\n\t\t')))).toBe(true) // other indentation
    expect(isSealed(JSON.parse(file.replace('"/cart"', '"\\u002fcart"')))).toBe(true) // the same string, escaped
    // the seal may stand anywhere, first or last
    expect(isSealed({ $sealed: sealOf(config), ...config })).toBe(true)
  })

  it('counts keys reordered by hand as an edit (checked in full, as any other)', () => {
    const { version, items, rules } = config
    expect(isSealed({ rules, items, version, $sealed: sealOf(config) })).toBe(false)
  })

  it('leaves the seal itself out, and undefined values as JSON does', () => {
    expect(sealOf({ ...config, $sealed: 'anything' })).toBe(sealOf(config))
    expect(sealOf({ ...config, theme: undefined })).toBe(sealOf(config))
    expect(sealOf(JSON.parse(JSON.stringify(sealed(config))))).toBe(sealOf(config))
  })

  it('changes with any change of content', () => {
    const changes: Array<Record<string, unknown>> = [
      { ...config, version: 2 },
      { ...config, visitTimeout: '20m' },
      { ...config, items: { offer: { ...config.items.offer, title: 'Wait' } } },
      { ...config, items: { offer: { ...config.items.offer, cta: { label: 'Back', url: 'javascript:alert(1)' } } } },
      { ...config, rules: [{ ...config.rules[0], if: { 'page.path': { $startsWith: '/cart/' } } }] },
      { ...config, rules: [...config.rules, ...config.rules] },
      { ...config, rules: [{ ...config.rules[0], show: undefined, track: 'offer' }] },
      { ...config, items: { offer: { ...config.items.offer, '': '' } } },
    ]
    const seals = new Set([sealOf(config), ...changes.map((change) => sealOf(change))])
    expect(seals.size).toBe(changes.length + 1)
    for (const change of changes) expect(isSealed({ ...change, $sealed: sealOf(config) })).toBe(false)
  })

  it('is tied to the validator version: another version treats the seal as absent', () => {
    const ours = sealed(config, '0.1.0')
    expect(isSealed(ours, '0.1.0')).toBe(true)
    expect(isSealed(ours, '0.1.1')).toBe(false)
    expect(sealOf(config, '0.1.0')).not.toBe(sealOf(config, '0.1.1'))
    // and the version is not just a label: the hash mixes it in
    expect(sealOf(config, '0.1.0').split(':')[1]).not.toBe(sealOf(config, '0.1.1').split(':')[1])
  })
})

describe('isSealed', () => {
  it('is false without a seal, with a wrong one, and for what is not a config object', () => {
    expect(isSealed(sealed(config))).toBe(true)
    expect(isSealed(config)).toBe(false)
    expect(isSealed({ ...config, $sealed: 'x' })).toBe(false)
    expect(isSealed({ ...config, $sealed: 1 })).toBe(false)
    for (const value of [null, undefined, 1, 'x', [sealed(config)]]) expect(isSealed(value)).toBe(false)
  })

  it('is false, not a throw, for a config nested past the stack, or an object JSON cannot write', () => {
    let deep: unknown = {}
    for (let i = 0; i < 200_000; i++) deep = [deep]
    expect(isSealed({ version: 1, deep, $sealed: 'x' })).toBe(false)
    const loop: Record<string, unknown> = { version: 1, $sealed: 'x' }
    loop.self = loop
    expect(isSealed(loop)).toBe(false)
    expect(isSealed({ version: 1, big: 1n, $sealed: 'x' })).toBe(false)
  })
})
