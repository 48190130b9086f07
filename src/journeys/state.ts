/** Why a run ended (contract §8, `journey_exited.reason`). */
export type ExitReason = 'completed' | 'exit' | 'goal' | 'timeout' | 'changed' | 'reset'

/** A visitor's walk through one journey, stored with the visitor. */
export interface Run {
  /** The visitor's run number of this journey, from 1. */
  run: number
  /** The current step's id; null for a holdout run, which takes no step. */
  step: string | null
  enteredAt: number
  holdout: boolean
  /** When the current step became current (a `wait` or `within` counts from here). */
  since: number
  /** Absolute time the current step's `wait` ends or its `within` runs out. */
  until?: number
}

/** What one journey knows of the visitor: the active run and the history reentry needs. */
export interface JourneyRecord {
  runs: number
  /** The goal was reached in some run. */
  goal: boolean
  lastEntry?: number
  run?: Run
  /** A run that ended before its goal window closed: the goal is still measured until `until`. */
  measuring?: { run: number; holdout: boolean; until: number }
}

/** Everything journeys and segments keep per visitor, under one storage key. */
export interface JourneysState {
  /** Ids of the segments the visitor was in after the last call. */
  segments: string[]
  journeys: Record<string, JourneyRecord>
}

export const emptyJourneysState = (): JourneysState => ({ segments: [], journeys: {} })
