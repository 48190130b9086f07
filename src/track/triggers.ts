import type { Rule } from '../config/types.js'
import { watchClicks } from './click.js'
import { watchExitIntent } from './exit-intent.js'
import { watchIdle } from './idle.js'
import { listenToStreams } from './inputs.js'
import { watchScroll } from './scroll.js'
import { watchTimeOnPage } from './time-on-page.js'

export interface Watcher {
  stop(): void
  rearm(): void
}

export interface TriggerSinks {
  /** A parameterised trigger fired: evaluate the rules under `key`. */
  fire(key: string, properties: Record<string, unknown>): void
  /** The visitor seems about to leave: report `exit_intent` (its rules run from the event). */
  exitIntent(how: string): void
}

/** What the triggers chunk needs of the runtime (the runtime's own object is handed over). */
export interface TriggerDeps {
  /** Makes a call now, in line with the others: `call('fire', 'scroll:50', { percent: 50 })`. */
  call(method: string, ...args: unknown[]): void
  /** `depart`: the exit's call, its departure pushes first, once the actions chunk is here. */
  loaded: { depart?: (method: string, ...args: unknown[]) => void }
}

/** The watchers a runtime's rules and journeys listen to: each fires in line with the calls. */
export const watchFor = (rules: Rule[], rt: TriggerDeps): Watcher =>
  startTriggers(rules, {
    fire: (key, properties) => rt.call('fire', key, properties),
    // Once the actions chunk is here, the exit's departure pushes leave first, at once: the tab
    // may be closing before the call has run (§7, src/actions/act.ts).
    exitIntent: (how) => (rt.loaded.depart ?? rt.call)('track', 'exit_intent', { how }),
  })

/**
 * Starts a watcher for each trigger some rule uses, and only those: a config without
 * scroll rules never listens to scroll. `rearm` starts the per-page-view triggers afresh.
 */
export function startTriggers(rules: Rule[], sinks: TriggerSinks): Watcher {
  const values = <K extends 'percent' | 'seconds' | 'selector'>(on: string, key: K) =>
    rules.filter((rule) => rule.on === on).map((rule) => rule[key]!) as Array<NonNullable<Rule[K]>>
  // Scroll depth and idle hear scrolls and pointer moves together, sparsely: at most 0.5 s late.
  const streams = listenToStreams(500)
  const watchers: Watcher[] = []
  const percents = values('scroll', 'percent')
  if (percents.length) watchers.push(watchScroll(percents, (percent) => sinks.fire(`scroll:${percent}`, { percent }), streams))
  const visibleSeconds = values('time_on_page', 'seconds')
  if (visibleSeconds.length) {
    // The first page view began at navigation, before this chunk arrived.
    const since = document.visibilityState === 'visible' ? 0 : null
    watchers.push(watchTimeOnPage(visibleSeconds, (seconds) => sinks.fire(`time_on_page:${seconds}`, { seconds }), since))
  }
  const idleSeconds = values('idle', 'seconds')
  if (idleSeconds.length) watchers.push(watchIdle(idleSeconds, (seconds) => sinks.fire(`idle:${seconds}`, { seconds }), streams))
  const selectors = values('click', 'selector')
  if (selectors.length) {
    watchers.push(
      watchClicks(selectors, (selector, element) => sinks.fire(`click:${selector}`, { selector, text: (element.textContent ?? '').trim().slice(0, 100) })),
    )
  }
  // Armed 1.5 s after the first page view began (at navigation), not after this chunk arrived.
  if (rules.some((rule) => rule.on === 'exit_intent')) watchers.push(watchExitIntent((how) => sinks.exitIntent(how), streams, { since: 0 }))
  return {
    stop: () => {
      streams.stop()
      watchers.forEach((watcher) => watcher.stop())
    },
    rearm: () => watchers.forEach((watcher) => watcher.rearm()),
  }
}
