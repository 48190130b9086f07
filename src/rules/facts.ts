/** Facts are a nested plain object: `{ page: { path: '/cart' }, visit: { count: 2 } }`. */
export type Facts = { [key: string]: unknown }

/**
 * Reads a dotted path (`page.query.utm_source`, `item.exit-offer.shown`). A flat key that
 * contains dots wins first, so an item id or query key with a dot still resolves.
 */
export function readFact(facts: Facts, path: string): unknown {
  let node: unknown = facts
  const parts = path.split('.')
  for (let i = 0; i < parts.length; i++) {
    if (typeof node !== 'object' || node === null) return undefined
    const record = node as Record<string, unknown>
    const rest = parts.slice(i).join('.')
    if (i > 0 && Object.prototype.hasOwnProperty.call(record, rest)) return record[rest]
    const part = parts[i]!
    if (!Object.prototype.hasOwnProperty.call(record, part)) return undefined
    node = record[part]
  }
  return node
}
