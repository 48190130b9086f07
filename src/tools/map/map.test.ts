import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Config, Journey, Step } from '../../config/types.js'
import { validateConfig } from '../../validate/validate.js'
import { mapJourneys, renderMap } from './render.js'
import { font, layOut, lineWidth, pad, type JourneyMap, type Rect } from './layout.js'
import { escapeXml, measure, wrap } from './text.js'
import { journeyFlow, stepWords } from './flow.js'

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Config
const examples: Array<[string, Config]> = [
  ...readdirSync('examples/configs')
    .filter((name) => name.endsWith('.json'))
    .map((name): [string, Config] => [name, read(`examples/configs/${name}`)]),
  ['store/journeykit.json', read('examples/store/journeykit.json')] as [string, Config],
].filter(([, config]) => Object.keys(config.journeys ?? {}).length > 0)

/**
 * 30 steps of every kind, in blocks of six: a guard with `within`/`else`, a wait (a duration or a
 * weekly window), a split, a track (from the third block on, a `goto` back to the wait: a loop
 * that waits), a branch with two cases and `else`, a set (one `exit: true` instead).
 */
function generated(count = 30): Config {
  const id = (i: number) => `s${Math.min(i, count - 1)}`
  const steps: Step[] = []
  for (let i = 0; i < count; i++) {
    const step = (fields: Omit<Step, 'id'>) => steps.push({ id: id(i), ...fields })
    switch (i % 6) {
      case 0:
        step({ on: 'page_view', if: { 'page.path': { $startsWith: `/p${i}` } }, show: 'offer', within: '2d', else: id(i + 2) })
        break
      case 1:
        step({ wait: i % 12 === 1 ? '1d' : { weekly: [{ days: ['mon', 'thu'], from: '09:00', to: '17:00' }], timezone: 'Europe/Paris' } })
        break
      case 2:
        step({
          split: [
            { weight: 70, goto: id(i + 1) },
            { weight: 30, goto: id(i + 2) },
          ],
        })
        break
      case 3:
        step({ track: `event_${i}`, ...(i > 10 && { goto: id(i - 2) }) })
        break
      case 4:
        step({
          branch: [
            { if: { 'visit.count': { $gte: i } }, goto: id(i + 1) },
            { if: { 'user.traits.plan': 'pro' }, goto: id(i + 2) },
          ],
          else: id(i + 3),
        })
        break
      default:
        step(i === 17 ? { exit: true } : { set: { stage: 'retention', [`trait${i}`]: true } })
    }
  }
  return {
    version: 1,
    items: { offer: { kind: 'focus', style: 'modal', title: 'Offer' } },
    journeys: { long: { entry: { on: 'add_to_cart' }, exit: [{ on: 'order_completed' }], goal: { on: 'order_completed', within: '7d' }, holdout: 15, steps } },
  }
}

/** Where a run may go from each step and why, by the contract (§8), written apart from flow.ts. */
function expectedEdges(journey: Journey): string[] {
  const edges = new Set<string>()
  const steps = journey.steps
  const to = (from: string, target: string, kind: string) => edges.add(`${from} → ${target} (${kind})`)
  if (steps[0]) to('@entry', `step:${steps[0].id}`, 'runs')
  if (journey.holdout) to('@entry', '@holdout', 'holdout')
  steps.forEach((step, i) => {
    const from = `step:${step.id}`
    const onward = () => {
      if (step.goto) to(from, `step:${step.goto}`, 'goto')
      else if (steps[i + 1]) to(from, `step:${steps[i + 1]!.id}`, 'next')
      else to(from, '@end', 'end')
    }
    if (step.split) step.split.forEach((option) => to(from, `step:${option.goto}`, 'split'))
    else if (step.branch) {
      step.branch.forEach((option) => to(from, `step:${option.goto}`, 'branch'))
      if (step.else) to(from, `step:${step.else}`, 'else')
      else onward()
    } else if (!step.exit) onward()
    if (step.within) to(from, step.else ? `step:${step.else}` : '@timeout', step.else ? 'else' : 'timeout')
  })
  return [...edges].sort()
}

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const rectsOf = (map: JourneyMap): Array<[string, Rect]> => [
  ...map.boxes.map((box): [string, Rect] => [box.key, box]),
  ...map.arrows.flatMap((arrow): Array<[string, Rect]> => (arrow.labelBox ? [[`label ${arrow.from} → ${arrow.to}`, arrow.labelBox]] : [])),
]
const allowedTags = new Set(['svg', 'title', 'desc', 'defs', 'marker', 'path', 'rect', 'g', 'text', 'tspan', 'line'])

function checkMap(config: Config, map: JourneyMap) {
  const journey = config.journeys![map.id]!
  // every step a box, every way out an arrow
  expect(map.boxes.filter((box) => box.kind === 'step').map((box) => box.step)).toEqual(journey.steps.map((step) => step.id))
  const arrows = map.arrows.map((arrow) => `${arrow.from} → ${arrow.to} (${arrow.path.split(':')[0]})`).sort()
  expect(arrows).toEqual(expectedEdges(journey))
  const keys = new Set(map.boxes.map((box) => box.key))
  for (const arrow of map.arrows) {
    expect(keys.has(arrow.to), arrow.to).toBe(true)
    expect(arrow.points.length).toBeGreaterThanOrEqual(2)
  }
  // no two boxes (or labels) overlap
  const rects = rectsOf(map)
  for (let i = 0; i < rects.length; i++)
    for (let j = i + 1; j < rects.length; j++) expect(overlap(rects[i]![1], rects[j]![1]), `${rects[i]![0]} and ${rects[j]![0]}`).toBe(false)
  // labels fit their boxes
  for (const box of map.boxes) {
    const room = box.width - 2 * pad.x
    for (const text of box.heading) expect(measure(text, font.heading), text).toBeLessThanOrEqual(room)
    for (const text of box.lines) expect(measure(text, font.text), text).toBeLessThanOrEqual(room)
    for (const parts of box.counts) expect(lineWidth(parts, font.count)).toBeLessThanOrEqual(room)
  }
  for (const arrow of map.arrows) {
    if (!arrow.labelBox) continue
    for (const text of arrow.label) expect(measure(text, font.label), text).toBeLessThanOrEqual(arrow.labelBox.width - 2 * pad.label + 0.5)
  }
  // inside the drawing
  for (const [name, rect] of rects) {
    expect(rect.x, name).toBeGreaterThanOrEqual(0)
    expect(rect.y + rect.height, name).toBeLessThanOrEqual(map.height + 0.5)
    expect(rect.x + rect.width, name).toBeLessThanOrEqual(map.width + 0.5)
  }
}

function checkSvg(svg: string, config: Config, journey?: string) {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
  expect(svg).toMatch(/role="img"/)
  expect(svg).toMatch(/aria-label="Journey maps?: /)
  expect(svg).toMatch(/<title id="[^"]+">Journey maps?: [^<]+<\/title>/)
  for (const [, tag] of svg.matchAll(/<\/?([a-zA-Z]+)/g)) expect(allowedTags.has(tag!), tag).toBe(true)
  const ids = journey ? [journey] : Object.keys(config.journeys ?? {})
  for (const id of ids) {
    expect(svg).toContain(`data-journey="${escapeXml(id)}"`)
    for (const step of config.journeys![id]!.steps) expect(svg).toContain(`data-step="${escapeXml(step.id)}"`)
  }
}

describe('journey map: the example configs', () => {
  it.each(examples)('%s: every step and way out drawn, nothing overlaps, labels fit', (_name, config) => {
    expect(validateConfig(config).problems).toEqual([])
    for (const live of [false, true]) for (const map of mapJourneys(config, { live })) checkMap(config, map)
    checkSvg(renderMap(config), config)
  })

  it('draws the contract §8 example as its steps say', () => {
    const config = read('examples/configs/12-contract-cart-rescue.json')
    const [map] = mapJourneys(config)
    const label = (from: string, to: string) => map!.arrows.find((arrow) => arrow.from === from && arrow.to === to)?.label.join(' ')
    expect(map!.boxes.find((box) => box.step === 'watch')!.lines.join(' ')).toBe('show cart-offer on exit_intent, within 3d')
    expect(label('step:watch', 'step:ab')).toBe('after 3d without it')
    expect(label('step:ab', 'step:mail')).toBe('50%')
    expect(label('step:tag', 'step:loyal')).toBe('when item.last-chance.converted ≥ 1')
    expect(label('step:tag', 'step:done')).toBe('otherwise')
    expect(label('@entry', '@holdout')).toBe('holdout 10%')
    expect(label('@entry', 'step:nudge')).toBe('runs 90%')
    expect(map!.arrows.filter((arrow) => arrow.from === 'step:done')).toEqual([]) // exit: true ends the run
    expect(map!.summary).toEqual(['enters again 30d after the last entry'])
    const text = (key: string) => map!.boxes.find((box) => box.key === key)!.lines.join(' ')
    expect(text('@goal')).toBe('on order_completed, within 7d of entering; at any step, and for the holdout')
    expect(text('@exits')).toBe('at any step on order_completed')
  })
})

describe('journey map: notes under a box (the studio’s problems)', () => {
  it('makes room for them, wrapped, in the box they belong to and only there', () => {
    const journey = read('examples/configs/12-contract-cart-rescue.json').journeys!['cart-rescue']!
    const flow = journeyFlow('cart-rescue', journey)
    const note = 'journeys.cart-rescue.steps[5].goto: "mial" names no step — did you mean "mail"? (step "mail")'
    const plain = layOut(flow)
    const noted = layOut(flow, false, (node) => (node.key === 'step:mail' ? [note] : []))
    const box = (map: JourneyMap, key: string) => map.boxes.find((b) => b.key === key)!
    const squeezed = (text: string) => text.replace(/\s+/g, '')
    expect(squeezed(box(noted, 'step:mail').notes!.join(''))).toBe(squeezed(note))
    expect(box(noted, 'step:mail').notes!.length).toBeGreaterThan(1)
    expect(box(noted, 'step:mail').height).toBe(box(plain, 'step:mail').height + pad.y + 15 * box(noted, 'step:mail').notes!.length)
    expect(box(noted, 'step:watch').notes).toBeUndefined()
    expect(box(plain, 'step:mail').notes).toBeUndefined()
    checkMap(read('examples/configs/12-contract-cart-rescue.json'), noted)
  })
})

describe('journey map: a generated 30-step journey', () => {
  const config = generated()

  it('is a valid config', () => {
    expect(validateConfig(config).problems).toEqual([])
  })

  it.each([false, true])('live %s: every step and way out drawn, nothing overlaps, labels fit', (live) => {
    const [map] = mapJourneys(config, { live })
    checkMap(config, map!)
    expect(map!.boxes).toHaveLength(30 + 5) // entry, goal, exits, holdout, end
    checkSvg(renderMap(config, { live }), config)
  })

  it('keeps a place for each count when live', () => {
    const svg = renderMap(config, { journey: 'long', live: true })
    const slots = [...svg.matchAll(/data-count="([^"]+)"/g)].map(([, slot]) => JSON.parse(slot!.replaceAll('&quot;', '"')) as string[])
    expect(slots).toContainEqual(['long', 'step:s0', 'entered'])
    expect(slots).toContainEqual(['long', 'step:s0', 'path:else:s2'])
    expect(slots).toContainEqual(['long', 'step:s2', 'path:split:s3'])
    expect(slots).toContainEqual(['long', '@holdout', 'goal'])
    expect(slots).toContainEqual(['long', '@goal', 'ended'])
    expect(renderMap(config)).not.toContain('data-count')
  })

  it('counts runs ended by goal beside an exit on the goal’s event, and only there', () => {
    const exitsOf = (journey: Journey) => {
      const [map] = mapJourneys({ ...config, journeys: { long: journey } }, { live: true })
      return map!.boxes
        .find((box) => box.key === '@exits')!
        .counts.map((parts) => parts.map((part) => ('text' in part ? part.text : `<${part.slot[2]}>`)).join(''))
    }
    const long = config.journeys!.long!
    expect(exitsOf(long)).toEqual(['<exit> ended by exit', '<goal> ended by goal (also the goal)'])
    expect(exitsOf({ ...long, exit: [{ on: 'unsubscribed' }] })).toEqual(['<exit> ended by exit'])
  })
})

describe('journey map: hostile text', () => {
  const evil = '"><script>alert(1)</script><x y="\u0000\u0007 & ]]> \ud800'
  const config: Config = {
    version: 1,
    items: { [evil]: { kind: 'focus', style: 'modal', title: 't' } },
    journeys: {
      [evil]: {
        entry: { on: evil, if: { [evil]: evil } },
        steps: [
          { id: evil, show: evil, on: 'page_view', within: '1d', else: 'b' },
          { id: 'b', branch: [{ if: { [evil]: { $regex: evil } }, goto: evil }], else: 'c' },
          { id: 'c', wait: '1h', goto: evil },
        ],
      },
    },
  }

  it('escapes every text and attribute, and lets no element in', () => {
    for (const live of [false, true]) {
      const svg = renderMap(config, { live })
      expect(svg).not.toContain('<script')
      expect(svg).not.toContain('<x ')
      // eslint-disable-next-line no-control-regex -- none may reach the SVG
      expect(svg).not.toMatch(/[\u0000-\u0008]/)
      expect(svg).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
      for (const [, tag] of svg.matchAll(/<\/?([a-zA-Z]+)/g)) expect(allowedTags.has(tag!), tag).toBe(true)
      // every attribute value is closed where it should be: no quote escapes its attribute
      for (const [, attributes] of svg.matchAll(/<[a-z]+((?:\s+[a-zA-Z0-9:-]+="[^"]*")*)\s*\/?>/g)) expect(attributes).not.toContain('<')
      expect(svg.match(/<[a-z]+(?:\s+[a-zA-Z0-9:-]+="[^"]*")*\s*\/?>/g)!.length).toBe(svg.match(/<[a-z]/g)!.length)
    }
  })
})

describe('journey map: words and text', () => {
  it.each([
    [{ id: 'a', show: 'cart-offer', on: 'exit_intent', within: '3d' }, 'show cart-offer on exit_intent, within 3d'],
    [{ id: 'a', wait: '2h' }, 'wait 2h'],
    [{ id: 'a', track: 'winback_requested' }, 'track winback_requested'],
    [{ id: 'a', set: { stage: 'retention', winback: true } }, 'set stage retention, winback true'],
    [{ id: 'a', push: { title: 'Hi', after: '1h' }, on: 'scroll', percent: 50 }, 'push "Hi" after 1h on scroll 50%'],
    [{ id: 'a', exit: true }, 'end the run (completed)'],
  ] as Array<[Step, string]>)('%j → %s', (step, words) => {
    expect(stepWords(step)).toBe(words)
  })

  it('wraps to a width, cuts long words at a dot or dash, and ends an overlong text with …', () => {
    expect(wrap('show cart-offer on exit_intent, within 3d', 120, 12)).toEqual(['show cart-offer on', 'exit_intent, within', '3d'])
    expect(wrap('when item.last-chance.converted ≥ 1', 100, 11)).toEqual(['when', 'item.last-chance.', 'converted ≥ 1'])
    const lines = wrap('word '.repeat(200), 100, 12, 3)
    expect(lines).toHaveLength(3)
    expect(lines[2]!.endsWith('…')).toBe(true)
    for (const text of lines) expect(measure(text, 12)).toBeLessThanOrEqual(100)
  })

  it('names an unknown journey', () => {
    expect(() => renderMap(read('examples/configs/12-contract-cart-rescue.json'), { journey: 'nope' })).toThrow(
      'no journey "nope" in this config (cart-rescue)',
    )
  })
})

describe('journey map: the README picture', () => {
  it('docs/cart-rescue.svg is what `journeykit map` draws for the contract §8 example today', () => {
    // after a change to the map: node bin/journeykit.mjs map examples/configs/12-contract-cart-rescue.json > docs/cart-rescue.svg
    expect(readFileSync('docs/cart-rescue.svg', 'utf8')).toBe(renderMap(read('examples/configs/12-contract-cart-rescue.json')))
  })
})
