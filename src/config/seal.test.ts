import { describe, expect, it } from 'vitest'
import { canonicalJson, isSealed, sealOf } from './seal.js'

const config = {
  version: 1,
  items: { offer: { kind: 'focus', style: 'modal', title: 'Wait!', cta: { label: 'Back', url: '/cart' } } },
  rules: [{ id: 'r', on: 'exit_intent', if: { 'page.path': { $startsWith: '/cart' } }, show: 'offer' }],
}
const sealed = (value: Record<string, unknown>, version?: string) => ({ ...value, $sealed: sealOf(value, version) })

describe('sealOf', () => {
  it('does not depend on the order keys were written in, at any level', () => {
    const reordered = {
      rules: [{ show: 'offer', if: { 'page.path': { $startsWith: '/cart' } }, on: 'exit_intent', id: 'r' }],
      items: { offer: { cta: { url: '/cart', label: 'Back' }, title: 'Wait!', style: 'modal', kind: 'focus' } },
      version: 1,
    }
    expect(sealOf(reordered)).toBe(sealOf(config))
    expect(isSealed({ $sealed: sealOf(config), ...reordered })).toBe(true)
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

  it('is false, not a throw, for a config nested past the stack', () => {
    let deep: unknown = {}
    for (let i = 0; i < 200_000; i++) deep = [deep]
    expect(isSealed({ version: 1, deep, $sealed: 'x' })).toBe(false)
  })
})

describe('canonicalJson', () => {
  it('is JSON with sorted keys', () => {
    const value = { b: [1, 'two', null, { d: true, c: 1.5 }], a: { é: '"quoted"' } }
    expect(canonicalJson(value)).toBe('{"a":{"é":"\\"quoted\\""},"b":[1,"two",null,{"c":1.5,"d":true}]}')
    expect(JSON.parse(canonicalJson(value))).toEqual(value)
  })
})
