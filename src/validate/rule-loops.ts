import type { Finding } from './messages.js'
import { isPlainObject } from './query.js'

/**
 * Contract §7 No loops: a rule whose `track` sets a rule off again — itself (`on: ping`, `track:
 * ping`) or through others — would run until the runtime's depth limit cut it, on every call.
 * Conditions and caps are not read: the loop is there whatever they let through. Each loop is
 * reported once, at the `track` that closes it, with its chain: `rules.echo → ping → rules.echo`.
 */
export function findRuleLoops(rules: unknown[], problems: Finding[]): void {
  const list = rules.map((rule) => (isPlainObject(rule) ? rule : {}))
  const state: Array<'open' | 'done'> = []
  const open: number[] = []
  const visit = (i: number) => {
    const { track } = list[i]!
    state[i] = 'open'
    open.push(i)
    list.forEach((rule, next) => {
      if (typeof track !== 'string' || rule.on !== track) return
      if (state[next] === 'open') {
        const chain = open.slice(open.indexOf(next)).map((k) => `rules.${String(list[k]!.id)} → ${String(list[k]!.track)}`)
        problems.push({ path: `rules[${i}].track`, code: 'trackLoop', value: track, after: `${chain.join(' → ')} → rules.${String(rule.id)}` })
      } else if (!state[next]) visit(next)
    })
    open.pop()
    state[i] = 'done'
  }
  list.forEach((_, i) => state[i] || visit(i))
}
