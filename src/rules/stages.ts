import type { Stage } from '../config/types.js'

/** The journey, in order; a visitor only moves forward unless a rule's `set` says so. */
export const stages: readonly Stage[] = ['awareness', 'consideration', 'purchase', 'retention', 'advocacy']

export function isLaterStage(to: Stage, from: Stage): boolean {
  return stages.indexOf(to) > stages.indexOf(from)
}
