// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { listenToStreams, type Streams } from './inputs.js'
import { watchExitIntent } from './exit-intent.js'
import { watchIdle } from './idle.js'

let streams: Streams
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
  streams = listenToStreams(250)
})
afterEach(() => {
  streams.stop()
  vi.restoreAllMocks()
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('listenToStreams', () => {
  it('gives the pointer moves and scrolls of one drag one rest: one timer, its watchers told at its end', () => {
    const scrolls: boolean[] = []
    const both: boolean[] = []
    streams.on(['scroll'], (rested) => scrolls.push(rested))
    streams.on(['pointermove', 'scroll'], (rested) => both.push(rested))
    const timers = vi.spyOn(globalThis, 'setTimeout')
    // A finger dragging the page for 1 s at 60 Hz: a pointer move and a scroll each frame.
    for (let i = 0; i < 60; i++) {
      vi.advanceTimersByTime(16)
      window.dispatchEvent(new Event('pointermove'))
      window.dispatchEvent(new Event('scroll'))
    }
    // 960 ms: rests end at 266, 516, 766 (each started by the first event after the last rest).
    expect(timers.mock.calls.length).toBe(4)
    vi.advanceTimersByTime(250)
    expect(timers.mock.calls.length).toBe(4)
    // Heard on the first event of each stream in a rest, told of each stream when the rest ends.
    expect(scrolls).toEqual([false, true, false, true, false, true, false, true])
    expect(both).toEqual([false, false, true, true, false, false, true, true, false, false, true, true, false, false, true, true])
  })

  it('tells at the end of a rest only the watchers of the streams it held, and hears them again after', () => {
    const scrolls = vi.fn()
    const moves = vi.fn()
    streams.on(['scroll'], scrolls)
    streams.on(['pointermove'], moves)
    window.dispatchEvent(new Event('pointermove'))
    vi.advanceTimersByTime(100)
    window.dispatchEvent(new Event('pointermove')) // inside the rest: not heard
    vi.advanceTimersByTime(150)
    expect(moves.mock.calls).toEqual([[false], [true]])
    expect(scrolls).not.toHaveBeenCalled()
    window.dispatchEvent(new Event('pointermove'))
    expect(moves).toHaveBeenCalledTimes(3)
  })

  it('hears nothing after stop, and leaves no timer', () => {
    const heard = vi.fn()
    streams.on(['scroll'], heard)
    streams.each('keydown', heard)
    window.dispatchEvent(new Event('scroll'))
    streams.stop()
    expect(vi.getTimerCount()).toBe(0)
    window.dispatchEvent(new Event('scroll'))
    window.dispatchEvent(new Event('keydown'))
    vi.advanceTimersByTime(1000)
    expect(heard.mock.calls).toEqual([[false]])
  })
})

describe('idle and exit intent together', () => {
  it('share one pointerdown listener, and both hear each tap', () => {
    const adds = [vi.spyOn(window, 'addEventListener'), vi.spyOn(document, 'addEventListener')]
    const idle = vi.fn()
    const exit = vi.fn()
    const watchers = [watchIdle([5], idle, streams), watchExitIntent(exit, streams, { armAfterMs: 0, touch: true })]
    expect(adds.flatMap((add) => add.mock.calls).filter(([type]) => type === 'pointerdown')).toHaveLength(1)
    // A tap on a link at 4.5 s: idle starts its 5 s afresh, and the pointer's exit right after it is a navigation.
    document.body.innerHTML = '<a href="/next">next</a>'
    vi.advanceTimersByTime(4500)
    document.querySelector('a')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }))
    document.documentElement.dispatchEvent(new MouseEvent('mouseleave', { clientY: -1 }))
    vi.advanceTimersByTime(4999)
    expect(idle).not.toHaveBeenCalled()
    expect(exit).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(idle.mock.calls).toEqual([[5]])
    watchers.forEach((watcher) => watcher.stop())
  })
})
