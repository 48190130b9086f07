import { afterEach, describe, expect, it, vi } from 'vitest'
import { withLock } from './lock.js'

const stubLocks = (request: (...args: unknown[]) => unknown) => vi.stubGlobal('navigator', { locks: { request: vi.fn(request) } })

afterEach(() => vi.unstubAllGlobals())

describe('withLock', () => {
  it('runs under the lock where Web Locks work', async () => {
    stubLocks((_name, _options, callback) => (callback as (lock: object) => Promise<unknown>)({ name: 'x' }))
    expect(await withLock('x', async (held) => held)).toBe(true)
    expect(vi.mocked(navigator.locks.request)).toHaveBeenCalledTimes(1)
  })

  it('says so when ifAvailable finds the lock taken', async () => {
    stubLocks((_name, _options, callback) => (callback as (lock: null) => Promise<unknown>)(null))
    expect(await withLock('x', async (held) => held, true)).toBe(false)
  })

  it('runs without a lock where request rejects (opaque origins: sandboxed iframes, data: URLs)', async () => {
    stubLocks(() => Promise.reject(new DOMException('opaque origin', 'SecurityError')))
    const run = vi.fn(async () => 'done')
    expect(await withLock('x', run)).toBe('done')
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('runs without a lock where request throws or locks are missing', async () => {
    stubLocks(() => {
      throw new TypeError('no')
    })
    expect(await withLock('x', async () => 1)).toBe(1)
    vi.stubGlobal('navigator', {})
    expect(await withLock('x', async () => 2)).toBe(2)
  })

  it('passes on a failure of the work itself, without running it twice', async () => {
    stubLocks((_name, _options, callback) => (callback as (lock: object) => Promise<unknown>)({}))
    const run = vi.fn(async () => {
      throw new Error('work failed')
    })
    await expect(withLock('x', run)).rejects.toThrow('work failed')
    expect(run).toHaveBeenCalledTimes(1)
  })
})
