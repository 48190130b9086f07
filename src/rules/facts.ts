/** Facts are a nested plain object: `{ page: { path: '/cart' }, visit: { count: 2 } }`. */
export type Facts = { [key: string]: unknown }

const splitCache = new Map<string, string[]>()

/**
 * Reads a dotted path (`page.query.utm_source`, `item.exit-offer.shown`). Where a segment is
 * missing, or is a plain value with parts of the path still left, the rest of the path is
 * tried as one flat key, so an item id, query key or event name that contains dots still
 * resolves (`event.order.id` → `event["order.id"]`; `events.viewed.7d` →
 * `events["viewed.7d"]` beside the number `events.viewed`).
 */
export function readFact(facts: Facts, path: string): unknown {
  let parts = splitCache.get(path)
  if (!parts) {
    if (splitCache.size > 1000) splitCache.clear()
    splitCache.set(path, (parts = path.split('.')))
  }
  // Only ever steps into an object: every node before the last is one.
  let record = facts as Record<string, unknown>
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    const next = record[part]
    if (Object.prototype.hasOwnProperty.call(record, part)) {
      if (i + 1 === parts.length) return next
      if (typeof next === 'object' && next !== null) {
        record = next as Record<string, unknown>
        continue
      }
    }
    const rest = parts.slice(i).join('.')
    return Object.prototype.hasOwnProperty.call(record, rest) ? record[rest] : undefined
  }
  return record
}
