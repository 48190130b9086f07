// The lists whose entries carry an id of their own, and the key that holds it (a push's
// notification buttons are named by their `action`).
const named: Record<string, [label: string, key: string]> = {
  rules: ['rule', 'id'],
  variants: ['variant', 'id'],
  steps: ['step', 'id'],
  actions: ['action', 'action'],
}

/**
 * Issue 24: who holds what a finding's path points at, by id where the path says only an index:
 * `rules[1].show` → `rule "cart-exit"`, `journeys.cart-rescue.steps[1].goto` → `step "mail"`,
 * `rules[2].variants[0].show` → `rule "ab", variant "b"`. Map keys (items, segments, journeys)
 * are ids already, and entries without an id (a rule without one, weekly windows, split
 * options) add nothing; nor does an entry whose own id is what the finding quotes (a repeated
 * id, a step never reached). '' when there is nothing to add.
 */
export function ownersOf(path: string, config: unknown, value?: unknown): string {
  const names: string[] = []
  let node = config
  let rest = path
  let key = ''
  while (rest) {
    if (Array.isArray(node)) {
      const index = /^\[(\d+)\]/.exec(rest)
      if (!index) break
      node = node[Number(index[1])]
      rest = rest.slice(index[0].length)
      const [label, idKey] = named[key] ?? []
      const id = idKey && isObject(node) ? node[idKey] : undefined
      const quoted = value === id && (rest === '' || rest === `.${idKey}`)
      if (typeof id === 'string' && id && !quoted) names.push(`${label} ${JSON.stringify(id)}`)
    } else if (isObject(node)) {
      const at = rest.replace(/^\./, '')
      // The longest key the path goes on with: ids and facts may hold dots (`if.page.path`).
      const keys = Object.keys(node).filter((name) => at.startsWith(name) && /^([.[]|$)/.test(at.slice(name.length)))
      key = keys.sort((a, b) => b.length - a.length)[0] ?? ''
      if (!key) break
      node = node[key]
      rest = at.slice(key.length)
    } else break
  }
  return names.join(', ')
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
