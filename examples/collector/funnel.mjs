// The journey funnel, computed from stored events: visitors per journey stage, each item's
// shown → converted rate, each rule's variants (A/B results), and the push funnel
// (push-funnel.mjs). The store owner's preview counts nowhere (isPreview). No I/O: add()
// every event once, read result() at any time; funnel(events) does both for a list.
import { createPushFunnel } from './push-funnel.mjs'

export const stages = ['awareness', 'consideration', 'purchase', 'retention', 'advocacy']

const counted = new Map([
  ['item_shown', 'shown'],
  ['item_dismissed', 'dismissed'],
  ['item_converted', 'converted'],
])
const text = (value) => (typeof value === 'string' && value.length > 0 ? value : null)
/**
 * True for an event of the store owner's preview, which no funnel counts: marked by the preview
 * (`context.journeykit.preview`, src/preview/start.ts), or sent from a `?journeykit_preview=` page.
 */
export const isPreview = (event) => event.context?.journeykit?.preview === true || /[?&]journeykit_preview=/.test(String(event.context?.page?.url ?? ''))
/** converted / shown to 4 decimals; null when nothing was shown. */
export const rate = (converted, shown) => (shown > 0 ? Math.round((converted / shown) * 10_000) / 10_000 : null)

export function createFunnel() {
  const aliases = new Map() // anonymousId → the first userId seen with it
  const visitors = new Map() // 'u:<userId>' or 'a:<anonymousId>' → { stage, time } of the latest staged event
  const items = new Map()
  const variants = new Map()
  const pushes = createPushFunnel()
  let events = 0

  const visitor = (key) => visitors.get(key) ?? visitors.set(key, { stage: null, time: -Infinity }).get(key)
  // Latest by timestamp, not arrival: an offline outbox delivers late. Ties go to the later arrival.
  const keepLatest = (into, stage, time) => {
    if (stage && time >= into.time) Object.assign(into, { stage, time })
  }

  function add(event) {
    if (!event || typeof event !== 'object' || isPreview(event)) return
    events++
    const userId = text(event.userId)
    const anonymousId = text(event.anonymousId)
    // One visitor before and after identify: fold the anonymous record into the user's.
    if (userId && anonymousId && !aliases.has(anonymousId)) {
      aliases.set(anonymousId, userId)
      const before = visitors.get(`a:${anonymousId}`)
      if (before) {
        visitors.delete(`a:${anonymousId}`)
        keepLatest(visitor(`u:${userId}`), before.stage, before.time)
      }
    }
    const owner = userId ?? (anonymousId && aliases.get(anonymousId))
    const key = owner ? `u:${owner}` : anonymousId && `a:${anonymousId}`
    if (key) {
      const stage = event.context?.journey?.stage
      const time = Date.parse(event.timestamp)
      keepLatest(visitor(key), stages.includes(stage) ? stage : null, Number.isNaN(time) ? -Infinity : time)
    }

    pushes.add(event)
    const field = event.type === 'track' ? counted.get(event.event) : undefined
    const properties = event.properties && typeof event.properties === 'object' ? event.properties : {}
    if (!field) return
    const id = text(properties.item)
    if (id) {
      const row = items.get(id) ?? items.set(id, { item: id, shown: 0, dismissed: 0, converted: 0 }).get(id)
      row[field]++
    }
    if (field !== 'dismissed' && properties.variant != null) {
      const rule = properties.rule == null ? null : String(properties.rule)
      const variant = String(properties.variant)
      const name = JSON.stringify([rule, variant])
      const row = variants.get(name) ?? variants.set(name, { rule, variant, shown: 0, converted: 0 }).get(name)
      row[field]++
    }
  }

  function result() {
    const perStage = new Map(stages.map((stage) => [stage, 0]))
    let unknown = 0
    for (const { stage } of visitors.values()) {
      if (stage) perStage.set(stage, perStage.get(stage) + 1)
      else unknown++
    }
    const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0)
    return {
      events,
      visitors: visitors.size,
      stages: stages.map((stage) => ({ stage, visitors: perStage.get(stage) })),
      unknownStage: unknown,
      items: [...items.values()].map((row) => ({ ...row, rate: rate(row.converted, row.shown) })).sort((a, b) => b.shown - a.shown || byName(a.item, b.item)),
      variants: [...variants.values()]
        .map((row) => ({ ...row, rate: rate(row.converted, row.shown) }))
        .sort((a, b) => byName(a.rule ?? '', b.rule ?? '') || byName(a.variant, b.variant)),
      pushes: pushes.result(),
    }
  }

  return { add, result }
}

/** The funnel of a list of events. */
export function funnel(events) {
  const state = createFunnel()
  for (const event of events) state.add(event)
  return state.result()
}
