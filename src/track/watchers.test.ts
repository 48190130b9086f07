// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { watchExitIntent } from './exit-intent.js'
import { watchScroll } from './scroll.js'
import { watchTimeOnPage } from './time-on-page.js'
import { watchIdle } from './idle.js'
import { watchClicks } from './click.js'
import { watchNavigation } from './navigation.js'

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date', 'requestAnimationFrame', 'cancelAnimationFrame'] }))
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

const leaveThroughTop = () => document.dispatchEvent(new MouseEvent('mouseout', { clientY: -1, relatedTarget: null, bubbles: true }))
const setVisibility = (state: 'visible' | 'hidden') => {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true })
  document.dispatchEvent(new Event('visibilitychange'))
}

describe('watchExitIntent', () => {
  it('fires once when the pointer leaves through the top, after the arming delay', () => {
    const fire = vi.fn()
    const watcher = watchExitIntent(fire)
    leaveThroughTop()
    expect(fire).not.toHaveBeenCalled() // not armed yet
    vi.advanceTimersByTime(1500)
    leaveThroughTop()
    leaveThroughTop()
    expect(fire.mock.calls).toEqual([['pointer']])
    watcher.rearm()
    vi.advanceTimersByTime(1500)
    leaveThroughTop()
    expect(fire).toHaveBeenCalledTimes(2)
    watcher.stop()
  })

  it('ignores leaving through the sides or bottom, and into another element', () => {
    const fire = vi.fn()
    const watcher = watchExitIntent(fire, { armAfterMs: 0 })
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 300, relatedTarget: null }))
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -1, relatedTarget: document.body }))
    expect(fire).not.toHaveBeenCalled()
    watcher.stop()
  })

  it('ignores the exit right after a click on a link or button', () => {
    const fire = vi.fn()
    const watcher = watchExitIntent(fire, { armAfterMs: 0 })
    document.body.innerHTML = '<a href="/next"><span id="inner">Next</span></a>'
    document.getElementById('inner')!.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true }))
    vi.advanceTimersByTime(900)
    leaveThroughTop()
    expect(fire).not.toHaveBeenCalled()
    vi.advanceTimersByTime(200)
    leaveThroughTop()
    expect(fire).toHaveBeenCalledOnce()
    watcher.stop()
  })

  it('fires when the tab is hidden', () => {
    const fire = vi.fn()
    const watcher = watchExitIntent(fire, { armAfterMs: 0 })
    setVisibility('hidden')
    expect(fire.mock.calls).toEqual([['hidden']])
    setVisibility('visible')
    watcher.stop()
  })
})

describe('watchScroll', () => {
  it('fires each threshold once, in order, when scrolled past', () => {
    Object.defineProperty(document.documentElement, 'scrollHeight', { value: 4000, configurable: true })
    Object.defineProperty(window, 'innerHeight', { value: 1000, configurable: true })
    const fire = vi.fn()
    const watcher = watchScroll([75, 25, 50], fire)
    const scrollTo = (y: number) => {
      Object.defineProperty(window, 'scrollY', { value: y, configurable: true })
      window.dispatchEvent(new Event('scroll'))
      vi.advanceTimersToNextFrame()
    }
    scrollTo(500) // 37.5%
    expect(fire.mock.calls).toEqual([[25]])
    scrollTo(3000) // 100%
    scrollTo(0)
    scrollTo(3000)
    expect(fire.mock.calls).toEqual([[25], [50], [75]])
    watcher.rearm()
    scrollTo(3000)
    expect(fire).toHaveBeenCalledTimes(6)
    watcher.stop()
  })
})

describe('watchTimeOnPage', () => {
  it('counts visible time only', () => {
    setVisibility('visible')
    const fire = vi.fn()
    const watcher = watchTimeOnPage([10], fire)
    vi.advanceTimersByTime(6000)
    setVisibility('hidden')
    vi.advanceTimersByTime(60_000)
    expect(fire).not.toHaveBeenCalled()
    setVisibility('visible')
    vi.advanceTimersByTime(3999)
    expect(fire).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(fire.mock.calls).toEqual([[10]])
    vi.advanceTimersByTime(60_000)
    expect(fire).toHaveBeenCalledOnce()
    watcher.stop()
  })
})

describe('watchIdle', () => {
  it('fires after N seconds without input, and again after new input', () => {
    const fire = vi.fn()
    const watcher = watchIdle([5], fire)
    vi.advanceTimersByTime(4000)
    window.dispatchEvent(new Event('keydown'))
    vi.advanceTimersByTime(4999)
    expect(fire).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(fire.mock.calls).toEqual([[5]])
    vi.advanceTimersByTime(300)
    window.dispatchEvent(new Event('pointermove'))
    vi.advanceTimersByTime(5000)
    expect(fire).toHaveBeenCalledTimes(2)
    watcher.stop()
  })
})

describe('watchClicks', () => {
  it('matches elements added after it started, by their closest match', () => {
    const fire = vi.fn()
    const watcher = watchClicks(['.buy', '#never'], fire)
    document.body.innerHTML = '<button class="buy"><span id="label">Buy now</span></button>'
    document.getElementById('label')!.click()
    expect(fire).toHaveBeenCalledOnce()
    expect(fire.mock.calls[0]![0]).toBe('.buy')
    expect((fire.mock.calls[0]![1] as Element).tagName).toBe('BUTTON')
    watcher.stop()
    document.getElementById('label')!.click()
    expect(fire).toHaveBeenCalledOnce()
  })
})

describe('watchNavigation', () => {
  it('reports one page per real URL change and restores history on stop', () => {
    const onPage = vi.fn()
    const original = history.pushState
    const stop = watchNavigation(onPage)
    history.pushState({}, '', '/a')
    history.replaceState({}, '', '/a')
    history.pushState({}, '', '/a?x=1')
    expect(onPage).toHaveBeenCalledTimes(2)
    stop()
    expect(history.pushState).toBe(original)
  })

  it('counts a page restored from the back/forward cache', () => {
    const onPage = vi.fn()
    const stop = watchNavigation(onPage)
    const event = new Event('pageshow') as PageTransitionEvent
    Object.defineProperty(event, 'persisted', { value: true })
    window.dispatchEvent(event)
    expect(onPage.mock.calls).toEqual([['bfcache']])
    stop()
  })
})
