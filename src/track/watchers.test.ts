// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { watchExitIntent } from './exit-intent.js'
import { watchScroll } from './scroll.js'
import { watchTimeOnPage } from './time-on-page.js'
import { watchIdle } from './idle.js'
import { watchClicks } from './click.js'
import { visitedUrls, watchNavigation } from './navigation.js'
import { watchActivity } from './activity.js'
import { listenToStreams, type Streams } from './inputs.js'

let streams: Streams
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date', 'requestAnimationFrame', 'cancelAnimationFrame'] })
  streams = listenToStreams(250)
})
afterEach(() => {
  streams.stop()
  vi.useRealTimers()
  document.body.innerHTML = ''
})

const leave = (clientY: number) => document.documentElement.dispatchEvent(new MouseEvent('mouseleave', { clientY }))
const leaveThroughTop = () => leave(-1)
const setVisibility = (state: 'visible' | 'hidden') => {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true })
  document.dispatchEvent(new Event('visibilitychange'))
}

describe('watchExitIntent', () => {
  it('fires once when the pointer leaves through the top, after the arming delay', () => {
    const fire = vi.fn()
    const watcher = watchExitIntent(fire, streams)
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

  it('is armed from when the page view began, not from when the watcher started', () => {
    vi.advanceTimersByTime(1200) // the page view began at 0: the watcher comes later
    const fire = vi.fn()
    const watcher = watchExitIntent(fire, streams, { since: 0 })
    vi.advanceTimersByTime(299)
    leaveThroughTop()
    expect(fire).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    leaveThroughTop()
    expect(fire.mock.calls).toEqual([['pointer']])
    watcher.stop()
  })

  it('ignores leaving through the sides or bottom, and moving between elements', () => {
    const fire = vi.fn()
    const watcher = watchExitIntent(fire, streams, { armAfterMs: 0 })
    leave(300)
    document.body.innerHTML = '<p id="a">a</p>'
    document.getElementById('a')!.dispatchEvent(new MouseEvent('mouseout', { clientY: -1, relatedTarget: document.body, bubbles: true }))
    expect(fire).not.toHaveBeenCalled()
    watcher.stop()
  })

  it('ignores the exit right after a click on a link or button', () => {
    const fire = vi.fn()
    const watcher = watchExitIntent(fire, streams, { armAfterMs: 0 })
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
    const watcher = watchExitIntent(fire, streams, { armAfterMs: 0 })
    setVisibility('hidden')
    expect(fire.mock.calls).toEqual([['hidden']])
    setVisibility('visible')
    watcher.stop()
  })
})

describe('watchExitIntent on touch', () => {
  // A 6,000 px article on a 412×839 phone: 5,161 px to scroll.
  const phone = () => {
    Object.defineProperty(document.documentElement, 'scrollHeight', { value: 6000, configurable: true })
    Object.defineProperty(window, 'innerHeight', { value: 839, configurable: true })
  }
  const at = (y: number) => Object.defineProperty(window, 'scrollY', { value: y, configurable: true })
  // A finger landing is a touch pointer's pointerdown; lifting, a touchend.
  const touch = (type: 'down' | 'lift') =>
    type === 'down'
      ? document.body.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'touch', bubbles: true }))
      : window.dispatchEvent(new TouchEvent('touchend', { touches: [] }))
  /** A finger on the page moving it `step` px a frame for `count` frames, then lifted; no fling. */
  const drag = (step: number, count: number, scrollEvents = true) => {
    touch('down')
    for (let i = 0; i < count; i++) {
      vi.advanceTimersByTime(16)
      at(scrollY + step)
      if (scrollEvents) window.dispatchEvent(new Event('scroll'))
    }
    touch('lift')
  }
  /** The page going on by itself after the finger lifted. */
  const fling = (step: number, count: number) => {
    for (let i = 0; i < count; i++, step *= 0.9) {
      vi.advanceTimersByTime(16)
      at(Math.round(scrollY + step))
      window.dispatchEvent(new Event('scroll'))
    }
  }
  const readTo45 = () => {
    at(0)
    for (let i = 0; i < 6; i++) {
      drag(20, 20) // 400 px a gesture
      vi.advanceTimersByTime(1500)
    }
    at(2320)
  }

  it('fires once on a flick up after reading: 420 px in six frames, after a pause', () => {
    phone()
    const fire = vi.fn()
    const watcher = watchExitIntent(fire, streams, { armAfterMs: 0, touch: true })
    readTo45()
    vi.advanceTimersByTime(2000)
    drag(-70, 6)
    expect(fire.mock.calls).toEqual([['scroll']])
    fling(-60, 30)
    vi.advanceTimersByTime(2000)
    drag(-70, 6)
    expect(fire).toHaveBeenCalledOnce()
    watcher.rearm() // a new page view (SPA): it reads 30% of its page first
    at(1000)
    drag(-70, 6)
    expect(fire).toHaveBeenCalledOnce()
    readTo45()
    vi.advanceTimersByTime(2000)
    drag(-70, 6)
    expect(fire).toHaveBeenCalledTimes(2)
    watcher.stop()
  })

  it('fires on the fling after a finger held still, and judges the fling from its own samples', () => {
    phone()
    const fire = vi.fn()
    const watcher = watchExitIntent(fire, streams, { armAfterMs: 0, touch: true })
    readTo45()
    touch('down')
    vi.advanceTimersByTime(2000) // reading with the finger on the glass
    at(2300)
    touch('lift') // 20 px up in 2 s: slow so far
    expect(fire).not.toHaveBeenCalled()
    fling(-70, 10)
    expect(fire.mock.calls).toEqual([['scroll']])
    watcher.stop()
  })

  it('stays silent on reading: slow re-reading up, a re-reading swipe, a fling down', () => {
    phone()
    const fire = vi.fn()
    const watcher = watchExitIntent(fire, streams, { armAfterMs: 0, touch: true })
    readTo45()
    vi.advanceTimersByTime(2000)
    drag(-5, 60) // 300 px in a second
    fling(-3, 20)
    vi.advanceTimersByTime(1000)
    drag(-20, 12) // 240 px at 1.25 px/ms
    fling(-18, 40)
    vi.advanceTimersByTime(1000)
    drag(70, 6)
    fling(60, 40)
    expect(fire).not.toHaveBeenCalled()
    watcher.stop()
  })

  it('stays silent on a flick inside an element, and on a flick before reading 30%', () => {
    phone()
    const fire = vi.fn()
    const watcher = watchExitIntent(fire, streams, { armAfterMs: 0, touch: true })
    at(1400) // 27%
    vi.advanceTimersByTime(2000)
    drag(-70, 6)
    fling(-60, 30)
    expect(fire).not.toHaveBeenCalled()
    readTo45()
    vi.advanceTimersByTime(2000)
    drag(0, 6, false) // a drawer scrolls; the page stays where it is
    expect(fire).not.toHaveBeenCalled()
    watcher.stop()
  })

  it('is off where the primary pointer is fine', () => {
    phone()
    const fire = vi.fn()
    const add = vi.spyOn(window, 'addEventListener')
    const watcher = watchExitIntent(fire, streams, { armAfterMs: 0 })
    expect(add.mock.calls.map((call) => call[0])).not.toContain('touchend')
    readTo45()
    vi.advanceTimersByTime(2000)
    drag(-70, 6)
    fling(-60, 30)
    expect(fire).not.toHaveBeenCalled()
    add.mockRestore()
    watcher.stop()
  })
})

describe('watchScroll', () => {
  it('fires each threshold once, in order, when scrolled past', () => {
    Object.defineProperty(window, 'scrollY', { value: 0, configurable: true })
    Object.defineProperty(document.documentElement, 'scrollHeight', { value: 4000, configurable: true })
    Object.defineProperty(window, 'innerHeight', { value: 1000, configurable: true })
    const fire = vi.fn()
    const watcher = watchScroll([75, 25, 50], fire, streams)
    const scrollTo = (y: number) => {
      Object.defineProperty(window, 'scrollY', { value: y, configurable: true })
      document.dispatchEvent(new Event('scroll', { bubbles: true }))
      vi.advanceTimersByTime(250) // read at the end of the rest
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

  it('starting on a page already scrolled, fires what the visitor passed before it came; an unscrolled page waits', () => {
    Object.defineProperty(document.documentElement, 'scrollHeight', { value: 4000, configurable: true })
    Object.defineProperty(window, 'innerHeight', { value: 1000, configurable: true })
    Object.defineProperty(window, 'scrollY', { value: 1500, configurable: true }) // 62.5%
    const fire = vi.fn()
    watchScroll([25, 50, 75], fire, streams).stop()
    expect(fire.mock.calls).toEqual([[25], [50]])
    Object.defineProperty(window, 'scrollY', { value: 0, configurable: true })
    Object.defineProperty(document.documentElement, 'scrollHeight', { value: 800, configurable: true }) // short: 100% in view
    const short = vi.fn()
    watchScroll([25], short, streams).stop()
    expect(short).not.toHaveBeenCalled()
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
    const watcher = watchIdle([5], fire, streams)
    vi.advanceTimersByTime(4000)
    window.dispatchEvent(new Event('keydown'))
    vi.advanceTimersByTime(4999)
    expect(fire).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(fire.mock.calls).toEqual([[5]])
    vi.advanceTimersByTime(300)
    window.dispatchEvent(new Event('pointermove'))
    // Counted active through the rest that follows a pointer move (250 ms): late, never early.
    vi.advanceTimersByTime(5249)
    expect(fire).toHaveBeenCalledOnce()
    vi.advanceTimersByTime(1)
    expect(fire).toHaveBeenCalledTimes(2)
    watcher.stop()
  })

  it('fires each threshold of a spell in order; pointer moves and scrolls cost one timer a rest', () => {
    const fire = vi.fn()
    const watcher = watchIdle([10, 3], fire, streams)
    document.body.innerHTML = '<div id="carousel"></div>'
    let events = 0
    const count = () => events++
    window.addEventListener('pointermove', count, { capture: true })
    for (let i = 0; i < 200; i++) {
      vi.advanceTimersByTime(16)
      if (i % 2) window.dispatchEvent(new Event('pointermove'))
      else document.getElementById('carousel')!.dispatchEvent(new Event('scroll')) // an element's scroll is input too
      expect(vi.getTimerCount()).toBeLessThanOrEqual(2) // the threshold's, and the rest's (one for both streams)
    }
    window.removeEventListener('pointermove', count, { capture: true })
    expect(events).toBe(100)
    // The last input came at most a rest (250 ms) before the rest ended: never early, at most that late.
    vi.advanceTimersByTime(2999)
    expect(fire).not.toHaveBeenCalled()
    vi.advanceTimersByTime(251)
    expect(fire.mock.calls).toEqual([[3]])
    vi.advanceTimersByTime(7000)
    expect(fire.mock.calls).toEqual([[3], [10]])
    watcher.stop()
  })
})

describe('watchActivity', () => {
  it('reports input at most once a minute, and not in the first minute of the page view', () => {
    const onActive = vi.fn()
    watchActivity(onActive)
    window.dispatchEvent(new Event('keydown'))
    vi.advanceTimersByTime(60_000)
    expect(onActive).not.toHaveBeenCalled()
    window.dispatchEvent(new Event('scroll'))
    window.dispatchEvent(new Event('pointerdown'))
    expect(onActive.mock.calls).toEqual([[Date.now()]])
    vi.advanceTimersByTime(59_000)
    window.dispatchEvent(new Event('pointerdown'))
    expect(onActive).toHaveBeenCalledOnce()
    vi.advanceTimersByTime(1000)
    window.dispatchEvent(new Event('pointerdown'))
    expect(onActive).toHaveBeenCalledTimes(2)
    expect(vi.getTimerCount()).toBe(1) // resting: no listener until it ends
    vi.advanceTimersByTime(60_000)
    window.dispatchEvent(new Event('keydown'))
    expect(onActive).toHaveBeenCalledTimes(3)
    vi.advanceTimersByTime(60_000) // listening again when the test ends: take it down
    window.dispatchEvent(new Event('keydown'))
    vi.clearAllTimers()
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
  it('reports one page per real URL change, with its URL, and the app still navigates', () => {
    const onPage = vi.fn()
    watchNavigation(onPage, location.href)
    history.pushState({}, '', '/a')
    history.replaceState({}, '', '/a')
    history.pushState({}, '', '/a?x=1')
    expect(onPage.mock.calls).toEqual([[`${location.origin}/a`], [`${location.origin}/a?x=1`]])
    expect(location.pathname + location.search).toBe('/a?x=1')
  })

  it('counts a page restored from the back/forward cache', () => {
    const onPage = vi.fn()
    watchNavigation(onPage, location.href)
    const event = new Event('pageshow') as PageTransitionEvent
    Object.defineProperty(event, 'persisted', { value: true })
    window.dispatchEvent(event)
    expect(onPage.mock.calls).toEqual([[location.href]])
  })

  it('starting late, reports first the change made since the page view it started from (no Navigation API: the current URL)', () => {
    history.replaceState({}, '', '/landing')
    const since = location.href
    history.pushState({}, '', '/step-1')
    history.pushState({}, '', '/step-2')
    const onPage = vi.fn()
    watchNavigation(onPage, since)
    expect(onPage.mock.calls).toEqual([[`${location.origin}/step-2`]])
    const upToDate = vi.fn()
    watchNavigation(upToDate, location.href)
    expect(upToDate).not.toHaveBeenCalled()
  })
})

describe('visitedUrls', () => {
  const entry = (url: string, index: number, sameDocument: boolean) => ({ url, index, sameDocument }) as NavigationHistoryEntry
  it("lists this document's entries, from its first to the current one, from the Navigation API", () => {
    const entries = [
      entry('https://shop.test/earlier-page', 0, false),
      entry('https://shop.test/landing', 1, true),
      entry('https://shop.test/step-1', 2, true),
      entry('https://shop.test/step-2', 3, true),
      entry('https://shop.test/step-3', 4, true), // ahead: the visitor went back
    ]
    const history = { currentEntry: entries[3]!, entries: () => entries }
    expect(visitedUrls(history)).toEqual(['https://shop.test/landing', 'https://shop.test/step-1', 'https://shop.test/step-2'])
  })

  it('without the Navigation API, or where it refuses, is the current URL alone', () => {
    expect(visitedUrls(undefined)).toEqual([location.href])
    expect(visitedUrls({ currentEntry: null, entries: () => [] })).toEqual([location.href])
    const refusing = {
      currentEntry: entry('https://shop.test/landing', 0, true),
      entries: () => {
        throw new DOMException('opaque origin', 'SecurityError')
      },
    }
    expect(visitedUrls(refusing)).toEqual([location.href])
  })
})
