import type { Config, Trigger } from '../config/types.js'

/** Every trigger the journeys listen for (entry, exit, goal, guarded steps): their watchers must run. */
export function journeyTriggers(config: Config): Trigger[] {
  const found: Trigger[] = []
  for (const journey of Object.values(config.journeys ?? {})) {
    for (const trigger of [journey.entry, journey.goal, ...(journey.exit ?? []), ...journey.steps]) if (trigger?.on) found.push(trigger as Trigger)
  }
  return found
}
