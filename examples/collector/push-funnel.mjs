// The push funnel: per rule or journey step, requested → sent → shown → clicked, and how many
// were cancelled or failed. Shown and clicked are the worker's reports (`push_received`,
// `push_clicked`, service-worker/report.ts), which carry the notification's tag, not the request:
// a tag counts for the rule or step whose request set it. Pushes no request explains (a
// broadcast from examples/push/send.mjs, say) count in a row of their own. No I/O.
import { sourceOf, tagFor } from './push-request.mjs'

const columns = new Map([
  ['push_requested', 'requested'],
  ['push_sent', 'sent'],
  ['push_received', 'shown'],
  ['push_clicked', 'clicked'],
  ['push_cancelled', 'cancelled'],
  ['push_failed', 'failed'],
])
const counts = () => ({ requested: 0, sent: 0, shown: 0, clicked: 0, cancelled: 0, failed: 0 })

export function createPushFunnel() {
  const rows = new Map() // '[rule, journey, step]' → row
  const tags = new Map() // notification tag → row key

  const rowFor = ({ rule = null, journey = null, step = null }) => {
    const key = JSON.stringify([rule, journey, step])
    if (!rows.has(key)) rows.set(key, { rule, journey, step, ...counts() })
    return key
  }

  function add(event) {
    const column = event?.type === 'track' ? columns.get(event.event) : undefined
    if (!column) return
    const properties = event.properties && typeof event.properties === 'object' ? event.properties : {}
    let key
    if (column === 'shown' || column === 'clicked') key = tags.get(properties.tag) ?? rowFor({})
    else {
      const source = sourceOf(properties)
      key = rowFor(source)
      if (column === 'requested') tags.set(tagFor(properties.push?.tag, source), key)
    }
    rows.get(key)[column]++
  }

  function result() {
    const list = [...rows.values()].map((row) => ({ ...row }))
    const label = (row) => row.rule ?? `${row.journey ?? '~'} ${row.step ?? ''}`
    list.sort((a, b) => b.requested - a.requested || (label(a) < label(b) ? -1 : label(a) > label(b) ? 1 : 0))
    const totals = counts()
    for (const row of list) for (const name of Object.keys(totals)) totals[name] += row[name]
    return { totals, rows: list }
  }

  return { add, result }
}
