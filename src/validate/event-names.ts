import type { Finding } from './messages.js'
import { isPlainObject } from './query.js'
import { likelyTrigger, nearName } from './near-name.js'
import { builtInTriggers } from '../config/trigger-names.js'
import { eachFact, queriesOf } from './journey-facts.js'
import { parseDuration } from '../rules/duration.js'

/** The events the runtime sends by itself (contract §5, §8, §8b), beside the built-in triggers. */
const builtInEvents: readonly string[] = [
  ...builtInTriggers,
  ...['item_shown', 'item_dismissed', 'item_converted', 'lead_captured', 'asset_downloaded', 'stage_changed'],
  ...['push_subscribed', 'push_denied', 'push_clicked', 'push_requested', 'segment_entered', 'segment_exited'],
  ...['journey_entered', 'journey_step', 'journey_exited', 'journey_goal'],
]

interface Use {
  name: string
  path: string
  /** an `on`: a name near a built-in trigger is already a warning there (validate/checks.ts) */
  trigger?: boolean
  /** a rule's or a step's `track`: the config sends it */
  tracked?: boolean
}

/**
 * Issue 24: an event name the config uses once, within a typo of a built-in event or of
 * another name it uses (`order_complete` beside `order_completed`), is a warning naming the
 * likely one. Two names used once each and a typo apart both get one: which is the slip, no
 * check can tell. A name the config sends (a rule's or step's `track`) is a slip only beside
 * another sent one: it is the evidence, not the suspect.
 *
 * A name used twice or more is taken as meant, unless nothing sends it (no rule or step tracks
 * it, it is no built-in event) while a name within a typo of it is sent: `order_complete` in
 * an exit, a goal and a cancelOn beside a rule that tracks `order_completed`. Each use gets
 * the warning. A name only listened for elsewhere (an `on`, a stage mapping) is no such
 * evidence: it may be the slip itself.
 *
 * Only `validateConfig` (the CLI, `journeykit/validate`) runs this: a warning changes nothing
 * a page does, so the page's check chunk does not pay for it.
 */
export function findEventNameSlips(config: unknown, warnings: Finding[]): void {
  if (!isPlainObject(config)) return
  const uses = usesOf(config)
  const counts = new Map<string, number>()
  uses.forEach(({ name }) => counts.set(name, (counts.get(name) ?? 0) + 1))
  const sent = new Set([...builtInEvents, ...uses.filter(({ tracked }) => tracked).map(({ name }) => name)])
  const names = [...counts.keys(), ...builtInEvents]
  for (const { name, path, trigger } of uses) {
    // A name of 3 characters or fewer is an edit from too many others (`x`, `y`) to guess at.
    if (name.length < 4 || builtInEvents.includes(name) || (trigger && likelyTrigger(name))) continue
    const once = counts.get(name) === 1
    if (!once && sent.has(name)) continue
    // Case counts, as for triggers: `Page_View` is two edits from `page_view`.
    const near = nearName(
      name,
      (once && !sent.has(name) ? names : [...sent]).filter((other) => other !== name),
      true,
    )
    if (near) warnings.push({ path, code: once ? 'usedOnce' : 'untracked', value: name, near })
  }
}

/** Every event name the config uses, with its JSON path, in the order of the file's sections. */
function usesOf(config: Record<string, unknown>): Use[] {
  const uses: Use[] = []
  const add = (name: unknown, path: string, trigger?: boolean, tracked?: boolean) =>
    void (typeof name === 'string' && uses.push({ name, path, trigger, tracked }))
  const addTrigger = (parent: unknown, path: string) => isPlainObject(parent) && add(parent.on, `${path}.on`, true)
  const addActions = (parent: unknown, path: string) => {
    if (!isPlainObject(parent)) return
    add(parent.track, `${path}.track`, false, true)
    const cancelOn = isPlainObject(parent.push) ? parent.push.cancelOn : undefined
    if (Array.isArray(cancelOn)) cancelOn.forEach((name, i) => add(name, `${path}.push.cancelOn[${i}]`))
  }
  const eachOf = (list: unknown, path: string, visit: (entry: unknown, path: string) => void) => {
    if (Array.isArray(list)) list.forEach((entry, i) => visit(entry, `${path}[${i}]`))
  }
  entriesOf(config.stages).forEach(([stage, mapping]) => isPlainObject(mapping) && add(mapping.on, `stages.${stage}.on`))
  eachOf(config.rules, 'rules', (rule, path) => (addTrigger(rule, path), addActions(rule, path)))
  for (const [id, journey] of entriesOf(config.journeys)) {
    if (!isPlainObject(journey)) continue
    const at = `journeys.${id}`
    addTrigger(journey.entry, `${at}.entry`)
    eachOf(journey.exit, `${at}.exit`, addTrigger)
    addTrigger(journey.goal, `${at}.goal`)
    eachOf(journey.steps, `${at}.steps`, (step, path) => (addTrigger(step, path), addActions(step, path)))
  }
  // `events.<name>` and `events.<name>.<window>` (contract §8), as engine/facts.ts reads them
  for (const { query, path } of queriesOf(config)) {
    eachFact(query, path, (fact, at) => {
      if (!fact.startsWith('events.')) return
      const rest = fact.slice(7)
      const dot = rest.lastIndexOf('.')
      add(dot > 0 && parseDuration(rest.slice(dot + 1)) !== null ? rest.slice(0, dot) : rest, at)
    })
  }
  return uses
}

function entriesOf(map: unknown): Array<[string, unknown]> {
  return isPlainObject(map) ? Object.entries(map) : []
}
