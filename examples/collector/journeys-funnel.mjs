// Live counts for the journey map, computed from stored journey events (contract §8): per
// journey, runs entered, in progress, how they ended (every reason of contract §8, by goal, by an
// exit trigger, completed, …), goal reached by runs and by the holdout (the uplift); per step, runs that reached it, that wait there now, that took each way out,
// and that left there (by reason); and how many visitors are in each segment now. No I/O:
// add() every event once, read result(config) at any time; journeysFunnel(config, events)
// does both for a list.
//
// The events do not say everything: a `wait` step sends nothing, and `journey_exited` does not
// name the step. So each run's events are replayed, in the visitor's time order, through the
// config's steps: a run is where its last event put it; it passed a wait when a later step
// acted (or it ended past it); it left from the step it was at. A run is counted at a wait until
// the next step acts, even when the wait is over (the browser moves it on at its next call).
// Ways out are named as the map names them (src/tools/map/flow.ts): `next:<step>`,
// `goto:<step>`, `split:<step>`, `branch:<step>`, `else:<step>`, `end`, `timeout`.
import { isPreview, rate } from './funnel.mjs'

const journeyEvents = new Set(['journey_entered', 'journey_step', 'journey_exited', 'journey_goal'])
/** `journey_exited.reason`s (contract §8), in the order the page lists them. */
export const endReasons = ['goal', 'exit', 'completed', 'timeout', 'changed', 'reset']
const text = (value) => (typeof value === 'string' && value.length > 0 ? value : null)
const bump = (counts, key, by = 1) => (counts[key] = (counts[key] ?? 0) + by)
const byTime = (a, b) => a.time - b.time || a.order - b.order

export function createJourneysFunnel() {
  const runs = new Map() // JSON [visitor, journey, run] → { journey, holdout, goal, events }
  const memberships = new Map() // JSON [visitor, segment] → { segment, inside, time, order }
  let order = 0

  function add(event) {
    if (!event || typeof event !== 'object' || event.type !== 'track' || isPreview(event)) return // the store owner's preview counts nowhere
    const properties = event.properties && typeof event.properties === 'object' ? event.properties : {}
    const visitor = text(event.anonymousId) ?? text(event.userId)
    const parsed = Date.parse(event.timestamp)
    const time = Number.isNaN(parsed) ? 0 : parsed
    order++
    if (!visitor) return
    if (event.event === 'segment_entered' || event.event === 'segment_exited') {
      const segment = text(properties.segment)
      if (!segment) return
      const key = JSON.stringify([visitor, segment])
      const known = memberships.get(key)
      // latest by the visitor's time, not arrival: an offline outbox delivers late
      if (!known || time >= known.time) memberships.set(key, { segment, inside: event.event === 'segment_entered', time, order })
      return
    }
    if (!journeyEvents.has(event.event)) return
    const journey = text(properties.journey)
    const run = Number(properties.run)
    if (!journey || !Number.isInteger(run)) return
    const key = JSON.stringify([visitor, journey, run])
    const record = runs.get(key) ?? runs.set(key, { journey, holdout: false, goal: false, events: [] }).get(key)
    if (properties.holdout === true) record.holdout = true
    if (event.event === 'journey_goal') record.goal = true
    else
      record.events.push({
        name: event.event,
        time,
        order,
        step: text(properties.step),
        action: text(properties.action),
        goto: text(properties.goto),
        skipped: !!properties.skipped,
        reason: text(properties.reason),
      })
  }

  function result(config) {
    const configured = config && typeof config === 'object' && config.journeys && typeof config.journeys === 'object' ? config.journeys : {}
    const tallies = new Map(Object.entries(configured).map(([id, journey]) => [id, tally(id, Array.isArray(journey?.steps) ? journey.steps : [], true)]))
    for (const record of runs.values()) {
      if (!tallies.has(record.journey)) tallies.set(record.journey, tally(record.journey, [], false))
      replay(tallies.get(record.journey), record)
    }
    return { journeys: [...tallies.values()].map(finish), segments: segmentSizes(config) }
  }

  function segmentSizes(config) {
    const sizes = new Map(Object.keys(config?.segments ?? {}).map((id) => [id, 0]))
    for (const { segment, inside } of memberships.values()) sizes.set(segment, (sizes.get(segment) ?? 0) + (inside ? 1 : 0))
    return [...sizes].map(([segment, visitors]) => ({ segment, visitors }))
  }

  return { add, result }
}

function tally(journey, steps, inConfig) {
  return {
    journey,
    inConfig,
    steps,
    entered: 0,
    active: 0,
    runs: { entered: 0, goal: 0 },
    holdout: { entered: 0, goal: 0 },
    exited: {},
    rows: new Map(steps.map((step) => [step.id, { step: step.id, entered: 0, waiting: 0, acted: 0, skipped: 0, paths: {}, exited: {} }])),
  }
}

/** Walks one run's events through its journey's steps, counting as it goes. */
function replay(counts, record) {
  const { steps, rows } = counts
  const events = record.events.slice().sort(byTime)
  const entered = events.some((event) => event.name === 'journey_entered')
  const group = record.holdout ? counts.holdout : counts.runs
  if (entered) {
    counts.entered++
    group.entered++
  }
  if (record.goal && entered) group.goal++
  const index = new Map(steps.map((step, i) => [step.id, i]))
  let at = null
  let ended = false
  const arrive = (id) => {
    at = id
    const row = rows.get(id)
    if (row) row.entered++
  }
  /** Where a step leads when it does not choose: its `goto`, else the next step, else the end. */
  const onward = (id) => {
    const i = index.get(id)
    const step = steps[i]
    if (step?.goto !== undefined) return ['goto', step.goto]
    return steps[i + 1] ? ['next', steps[i + 1].id] : ['end', null]
  }
  const move = (from, [kind, to]) => {
    const row = rows.get(from)
    if (row) bump(row.paths, to === null ? kind : `${kind}:${to}`)
    if (to !== null && index.has(to)) arrive(to)
  }
  /** A wait sends nothing: moves past the waits in a row from where the run is, up to `target`. */
  const passWaits = (target) => {
    for (let guard = 0; at !== null && at !== target && guard <= steps.length; guard++) {
      const step = steps[index.get(at)]
      if (step?.wait === undefined) return
      const way = onward(at)
      move(at, way)
      if (way[1] === null) return
    }
  }
  if (!record.holdout && steps[0] && (entered || events.length)) arrive(steps[0].id)

  for (const event of events) {
    if (ended) break
    if (event.name === 'journey_step' && event.step && !record.holdout) {
      if (at !== event.step) passWaits(event.step)
      if (at !== event.step) arrive(event.step) // a step we did not see it reach (a config changed since)
      const row = rows.get(event.step)
      const step = steps[index.get(event.step)]
      if (event.action === 'else') {
        move(event.step, ['else', event.goto])
        continue
      }
      if (row) row.acted++
      if (row && event.skipped) row.skipped++
      if (event.action === 'exit' || !step) continue
      if (event.action === 'split' && event.goto) move(event.step, ['split', event.goto])
      else if (event.action === 'branch' && event.goto)
        move(event.step, [step.branch?.some((option) => option.goto === event.goto) ? 'branch' : 'else', event.goto])
      else move(event.step, onward(event.step))
    } else if (event.name === 'journey_exited') {
      const reason = event.reason ?? 'unknown'
      if (reason === 'timeout' || reason === 'completed') passWaits(undefined)
      const row = at === null ? undefined : rows.get(at)
      const step = at === null ? undefined : steps[index.get(at)]
      if (row && reason === 'timeout' && step?.within !== undefined && step.else === undefined) bump(row.paths, 'timeout')
      if (row) bump(row.exited, reason)
      bump(counts.exited, reason)
      ended = true
    }
  }
  if (!ended && entered) {
    counts.active++
    const row = at === null ? undefined : rows.get(at)
    if (row) row.waiting++
  }
}

function finish(counts) {
  const runs = { ...counts.runs, rate: rate(counts.runs.goal, counts.runs.entered) }
  const holdout = { ...counts.holdout, rate: rate(counts.holdout.goal, counts.holdout.entered) }
  return {
    journey: counts.journey,
    inConfig: counts.inConfig,
    entered: counts.entered,
    active: counts.active,
    goal: runs.goal + holdout.goal,
    runs,
    holdout,
    // goal rate of the runs that took the steps minus the holdout's: what the steps added
    uplift: runs.rate === null || holdout.rate === null ? null : Math.round((runs.rate - holdout.rate) * 10_000) / 10_000,
    exited: counts.exited,
    // every reason, 0 included: "0 by exit" says something that a missing key does not
    ended: { ...Object.fromEntries(endReasons.map((reason) => [reason, 0])), ...counts.exited },
    steps: [...counts.rows.values()],
  }
}

/** The journey counts of a list of events, against a config. */
export function journeysFunnel(config, events) {
  const state = createJourneysFunnel()
  for (const event of events) state.add(event)
  return state.result(config)
}
