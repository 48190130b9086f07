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
  let node: unknown = facts
  for (let i = 0; i < parts.length; i++) {
    if (typeof node !== 'object' || node === null) return undefined
    const record = node as Record<string, unknown>
    const part = parts[i]!
    const next = record[part]
    if (Object.prototype.hasOwnProperty.call(record, part) && (i + 1 === parts.length || (typeof next === 'object' && next !== null))) {
      node = next
      continue
    }
    const rest = parts.slice(i).join('.')
    return Object.prototype.hasOwnProperty.call(record, rest) ? record[rest] : undefined
  }
  return node
}
