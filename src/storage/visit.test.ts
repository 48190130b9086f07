import { describe, expect, it } from 'vitest'
import { countPageView, emptyCounts, startedVisit, touchVisit, visitTimeoutMs } from './visit.js'
import { countWithin } from './event-counts.js'

const t0 = Date.parse('2026-11-24T10:00:00Z')
const minutes = (n: number) => n * 60_000
const view = (path: string, utm = {}, referrer = '') => ({ path, utm, referrer })

describe('the visit clock', () => {
  it('starts visit 1 with the first page view', () => {
    const counts = countPageView(emptyCounts(t0), view('/'), t0)
    expect(startedVisit(counts)).toBe(true)
    expect(counts.visit).toMatchObject({ count: 1, startedAt: t0, pageviews: 1 })
    expect(counts.pageviews).toBe(1)
  })

  it('keeps the visit while views come within 30 minutes of the last activity', () => {
    let counts = countPageView(emptyCounts(t0), view('/'), t0)
    counts = countPageView(counts, view('/a'), t0 + minutes(29))
    const next = countPageView(counts, view('/b'), t0 + minutes(58))
    expect(startedVisit(next)).toBe(false)
    expect(next.visit).toMatchObject({ count: 1, pageviews: 3, startedAt: t0 })
  })

  it("counts a new visit's visit_start with its page view, once per visit", () => {
    let counts = countPageView(emptyCounts(t0), view('/'), t0)
    counts = countPageView(counts, view('/a'), t0 + minutes(1))
    expect(countWithin(counts.events?.visit_start, null, t0 + minutes(1))).toBe(1)
    expect(countWithin(counts.events?.page_view, null, t0 + minutes(1))).toBe(2)
    counts = countPageView(counts, view('/'), t0 + minutes(90))
    expect(countWithin(counts.events?.visit_start, null, t0 + minutes(90))).toBe(2)
  })

  it('starts visit 2 after 30 minutes without activity, with the new UTM and referrer', () => {
    let counts = countPageView(emptyCounts(t0), view('/', { source: 'ads' }, 'https://search.example/'), t0)
    const next = countPageView(counts, view('/', { source: 'mail' }), t0 + visitTimeoutMs)
    expect(startedVisit(next)).toBe(true)
    expect(next.visit).toMatchObject({ count: 2, pageviews: 1, utm: { source: 'mail' }, referrer: '' })
    expect(next.pageviews).toBe(2)
    counts = next
    expect(countPageView(counts, view('/x', { source: 'other' }), t0 + visitTimeoutMs + 1000).visit!.utm).toEqual({ source: 'mail' })
  })

  it('honours a configured timeout', () => {
    const counts = countPageView(emptyCounts(t0), view('/'), t0, minutes(5))
    expect(startedVisit(countPageView(counts, view('/'), t0 + minutes(5), minutes(5)))).toBe(true)
  })

  it('activity keeps a visit alive but never starts one', () => {
    let counts = countPageView(emptyCounts(t0), view('/'), t0)
    counts = touchVisit(counts, t0 + minutes(25))
    expect(startedVisit(countPageView(counts, view('/'), t0 + minutes(50)))).toBe(false)
    const stale = touchVisit(counts, t0 + minutes(90))
    expect(stale).toBe(counts)
  })

  it('counts views per path and keeps at most 500 paths, dropping the least seen', () => {
    let counts = emptyCounts(t0)
    counts = countPageView(counts, view('/popular'), t0)
    counts = countPageView(counts, view('/popular'), t0)
    for (let i = 0; i < 520; i++) counts = countPageView(counts, view(`/p/${i}`), t0)
    expect(Object.keys(counts.pages)).toHaveLength(500)
    expect(counts.pages['/popular']).toBe(2)
    expect(counts.pages['/p/519']).toBe(1)
  })

  it('counts each page view as the event page_view, in the same record', () => {
    let counts = countPageView(emptyCounts(t0), view('/'), t0)
    counts = countPageView(counts, view('/a'), t0 + minutes(150))
    expect(countWithin(counts.events?.page_view, null, t0 + minutes(150))).toBe(2)
    expect(countWithin(counts.events?.page_view, minutes(60), t0 + minutes(150))).toBe(1)
  })
})
