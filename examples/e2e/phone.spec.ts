import { devices, type CDPSession, type Page } from '@playwright/test'
import { test, expect, runtimeReady, type Site } from './fixtures.js'
import { checkpoint } from './decided.js'

/**
 * Exit intent on a phone, as a visitor's finger gives it: a gesture table on an emulated Pixel 7
 * (isMobile, hasTouch, 412×839; its primary pointer is coarse).
 *
 * Input: CDP `Input.dispatchTouchEvent`, real touch input through Chromium's gesture pipeline,
 * fling included: the page moves as under a finger and goes on moving after it lifts. Each
 * event carries its own timestamp, one frame (16 ms) apart, so the fling's speed is the
 * gesture's and not the speed of a busy machine. `Input.synthesizeScrollGesture` with
 * `gestureSourceType: 'touch'` sent the touch events but scrolled nothing in headless
 * Chromium 156, so it is not used; nothing here scrolls programmatically, except a drawer's
 * starting position.
 */
// The device's default browser is a project-level option: the rest is what a phone context needs.
const { defaultBrowserType: _browser, ...pixel } = devices['Pixel 7']
test.use(pixel)

const named = (events: Array<Record<string, any>>, name: string) => events.filter((e) => e.event === name)
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

// A 6,000 px article (5,161 px to scroll on this phone), a horizontal carousel and a drawer that
// scroll by themselves, and a button that smooth-scrolls back to the top.
const article = `<meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{margin:0} .lines{height:6000px;background:repeating-linear-gradient(#fff 0 40px,#eee 40px 80px)}
#carousel{position:fixed;top:0;left:0;right:0;height:160px;overflow-x:auto;display:none;background:#ddf}
#carousel div{width:4000px;height:160px} #drawer{position:fixed;left:0;right:0;bottom:0;height:420px;overflow-y:auto;display:none;background:#fdd}
#drawer div{height:5000px} #to-top{position:fixed;right:8px;bottom:8px}</style>
<div class="lines">An article</div><div id="carousel"><div>slides</div></div><div id="drawer"><div>a long menu</div></div>
<button id="to-top" onclick="window.scrollTo({ top: 0, behavior: 'smooth' })">Top</button>`

interface Swipe {
  /** Where the finger lands and where it lifts, in viewport px (a finger moving down scrolls the page up). */
  from: number
  to: number
  /** One touchmove a frame. */
  frames: number
  x?: number
  toX?: number
  /** The finger rests where it is before lifting, so the page does not fling. */
  still?: boolean
}

/** One finger on the glass, a move a frame (16 ms apart by their timestamps), lifted. */
async function swipe(cdp: CDPSession, { from, to, frames, x = 200, toX = x, still = false }: Swipe) {
  const base = Date.now()
  const point = (i: number) => [{ x: x + ((toX - x) * i) / frames, y: from + ((to - from) * i) / frames }]
  // Each call returns once the renderer has the event (about 30 ms here): never ahead of its timestamp.
  const send = async (type: string, ms: number, touchPoints: Array<{ x: number; y: number }>) => {
    await sleep(base + ms - Date.now())
    await cdp.send('Input.dispatchTouchEvent', { type: type as 'touchMove', touchPoints, timestamp: (base + ms) / 1000 })
  }
  await send('touchStart', 0, point(0))
  for (let i = 1; i <= frames; i++) await send('touchMove', i * 16, point(i))
  const end = frames * 16 + (still ? 200 : 0)
  if (still) for (const hold of [100, 200]) await send('touchMove', frames * 16 + hold, point(frames))
  await send('touchEnd', end, [])
}

/** Resolves with the page's scroll share (0–1) once it has not moved for 20 frames. */
const settled = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((done) => {
        let last = -1
        let still = 0
        const tick = () => {
          if (scrollY !== last) [last, still] = [scrollY, 0]
          else if (++still >= 20) return done(scrollY / (document.documentElement.scrollHeight - innerHeight))
          requestAnimationFrame(tick)
        }
        tick()
      }),
  )

/** Reads down the page 700 px at a time (1.75 px/ms, held still before lifting: no fling), with pauses, until `share` of it. */
async function readTo(page: Page, cdp: CDPSession, share: number) {
  while ((await settled(page)) < share) {
    await swipe(cdp, { from: 800, to: 100, frames: 25, still: true })
    await sleep(100)
  }
  return settled(page)
}

/** The exit flick of the issue: a pause, then 420 px up in six frames. */
async function flickUp(page: Page, cdp: CDPSession, from = 250) {
  await sleep(1000)
  await swipe(cdp, { from, to: from + 420, frames: 6 })
  await settled(page)
}

async function openArticle(page: Page, site: Site) {
  const url = await site.serve(page, { body: article, config: { version: 1, rules: [{ id: 'exit', on: 'exit_intent', track: 'exit_rule_ran' }] } })
  await page.goto(url)
  await runtimeReady(page)
  expect(await page.evaluate(() => [innerWidth, matchMedia('(pointer: coarse)').matches])).toEqual([412, true])
  await sleep(2000) // exit intent arms 1.5 s after the watchers start
  return page.context().newCDPSession(page)
}

/** What proves a silence: every call the gesture made has reached the collector before this. */
const exitsSoFar = async (page: Page, site: Site) => named(await checkpoint(page, site), 'exit_intent')

/** The positive control after a silent row: the same page, read on and left, does fire. */
async function expectExitOnFlick(page: Page, site: Site, cdp: CDPSession) {
  await readTo(page, cdp, 0.45)
  await flickUp(page, cdp)
  const events = await site.waitForEvents(page, (all) => named(all, 'exit_rule_ran').length === 1)
  expect(named(events, 'exit_intent').map((e) => e.properties)).toEqual([{ how: 'scroll' }])
}

test('read to 45% with pauses, a pause, a fast flick up: exit_intent fires, once in the page view', async ({ page, site }) => {
  const cdp = await openArticle(page, site)
  expect(await readTo(page, cdp, 0.45)).toBeGreaterThanOrEqual(0.45)
  await flickUp(page, cdp)
  const events = await site.waitForEvents(page, (all) => named(all, 'exit_rule_ran').length === 1)
  expect(named(events, 'exit_intent').map((e) => e.properties)).toEqual([{ how: 'scroll' }])
  // Read again (the fling went back to the top) and leave again: not a second time in this page view.
  await readTo(page, cdp, 0.45)
  await flickUp(page, cdp)
  expect(await exitsSoFar(page, site)).toHaveLength(1)
})

test('slow re-reading up stays silent: 300 px in a second, then a swipe back a paragraph', async ({ page, site }) => {
  const cdp = await openArticle(page, site)
  await readTo(page, cdp, 0.45)
  await sleep(1000)
  await swipe(cdp, { from: 300, to: 600, frames: 60 })
  await settled(page)
  await sleep(500)
  await swipe(cdp, { from: 300, to: 540, frames: 12 }) // 1.25 px/ms, and its fling
  await settled(page)
  expect(await exitsSoFar(page, site)).toHaveLength(0)
  await expectExitOnFlick(page, site, cdp)
})

test('a fling down stays silent', async ({ page, site }) => {
  const cdp = await openArticle(page, site)
  await readTo(page, cdp, 0.45)
  await sleep(1000)
  await swipe(cdp, { from: 670, to: 250, frames: 6 })
  await settled(page)
  expect(await exitsSoFar(page, site)).toHaveLength(0)
  await expectExitOnFlick(page, site, cdp)
})

test('flicks inside an overflowing element stay silent: a carousel, a drawer', async ({ page, site }) => {
  const cdp = await openArticle(page, site)
  await readTo(page, cdp, 0.45)
  await page.evaluate(() => {
    for (const id of ['carousel', 'drawer']) document.getElementById(id)!.style.display = 'block'
    document.getElementById('drawer')!.scrollTop = 3000
  })
  const pageAt = await settled(page)
  await sleep(1000)
  await swipe(cdp, { from: 80, to: 80, x: 380, toX: 20, frames: 6 }) // the carousel, to the next slides
  await sleep(1000)
  await swipe(cdp, { from: 450, to: 830, frames: 6 }) // the drawer, flicked up as the page would be
  await settled(page)
  expect(await page.evaluate(() => [document.getElementById('carousel')!.scrollLeft > 0, document.getElementById('drawer')!.scrollTop < 3000])).toEqual([
    true,
    true,
  ])
  expect(await settled(page)).toBeCloseTo(pageAt, 5)
  expect(await exitsSoFar(page, site)).toHaveLength(0)
  await page.evaluate(() => {
    for (const id of ['carousel', 'drawer']) document.getElementById(id)!.style.display = 'none'
  })
  await expectExitOnFlick(page, site, cdp)
})

test('a flick up before reading 30% stays silent', async ({ page, site }) => {
  const cdp = await openArticle(page, site)
  const share = await readTo(page, cdp, 0.15)
  expect(share).toBeLessThan(0.3)
  await flickUp(page, cdp)
  expect(await exitsSoFar(page, site)).toHaveLength(0)
  await expectExitOnFlick(page, site, cdp)
})

test('a tap on a button that smooth-scrolls back to the top stays silent', async ({ page, site }) => {
  const cdp = await openArticle(page, site)
  await readTo(page, cdp, 0.45)
  await sleep(1000)
  await page.tap('#to-top')
  expect(await settled(page)).toBe(0)
  expect(await exitsSoFar(page, site)).toHaveLength(0)
  await expectExitOnFlick(page, site, cdp)
})

test('a flick while the page is busy fires: long tasks of 250 ms, a frame rendered every 260 ms or so', async ({ page, site }) => {
  const cdp = await openArticle(page, site)
  await readTo(page, cdp, 0.45)
  await sleep(1000)
  // Until the page sees the exit, the main thread is free a moment in every 250 ms: scroll events,
  // one a frame it renders, come further apart than the 150 ms a stretch was once capped at; the
  // fling keeps its speed. Not stopped by a fixed timer: on a busy machine the swipe may start
  // seconds later (20 s at most, so a failing test still ends).
  await page.evaluate(() => {
    const gaps: number[] = ((window as any).gaps = [])
    let last = 0
    const onScroll = () => {
      if (last) gaps.push(performance.now() - last)
      last = performance.now()
    }
    addEventListener('scroll', onScroll)
    const busy = setInterval(() => {
      for (const end = performance.now() + 250; performance.now() < end;);
    }, 10)
    const stop = () => [clearInterval(busy), removeEventListener('scroll', onScroll)]
    ;(window as any).journeykit.on('exit_intent', stop)
    setTimeout(stop, 20_000)
  })
  await swipe(cdp, { from: 250, to: 670, frames: 6 })
  const events = await site.waitForEvents(page, (all) => named(all, 'exit_rule_ran').length === 1)
  expect(named(events, 'exit_intent').map((e) => e.properties)).toEqual([{ how: 'scroll' }])
  const gaps = (await page.evaluate(() => (window as any).gaps as number[])).sort((a, b) => a - b)
  expect(gaps.length).toBeGreaterThan(0)
  expect(gaps[gaps.length >> 1]).toBeGreaterThan(200)
})

test.describe('where the primary pointer is fine (a laptop with a touchscreen)', () => {
  test.use({ isMobile: false, hasTouch: false, viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, userAgent: undefined })

  test('the same flick stays silent; the pointer leaving through the top still fires', async ({ page, site }) => {
    const url = await site.serve(page, { body: article, config: { version: 1, rules: [{ id: 'exit', on: 'exit_intent', track: 'exit_rule_ran' }] } })
    await page.goto(url)
    await runtimeReady(page)
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(false)
    await sleep(2000)
    const cdp = await page.context().newCDPSession(page)
    expect(await readTo(page, cdp, 0.45)).toBeGreaterThanOrEqual(0.45) // touch input scrolls the page here too
    await flickUp(page, cdp)
    expect(await exitsSoFar(page, site)).toHaveLength(0)
    await page.mouse.move(400, 300)
    await page.mouse.move(400, -20, { steps: 4 })
    const events = await site.waitForEvents(page, (all) => named(all, 'exit_rule_ran').length === 1)
    expect(named(events, 'exit_intent').map((e) => e.properties)).toEqual([{ how: 'pointer' }])
  })
})
