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
  /**
   * Absolute time the current step's `wait` ends or its `within` runs out; for a holdout run,
   * when its goal window closes. Undefined while the run waits for nothing timed (or is parked).
   */
  until?: number
  /** The current step's guard was met but its item could not show then: it shows at a later call. */
  armed?: boolean
  /** The current step's signature (its action and guard) when it became current: a change restarts its clock. */
  sig?: string
  /** The signature of the step list's order the run last walked under: a change carries `done` over. */
  order?: string
  /** Steps this run passed under the current order. */
  done?: string[]
  /**
   * Steps it passed under an earlier config: reached again by the list order they are skipped;
   * reached by a `goto`, `else`, split or branch they run again (and leave this list).
   */
  carried?: string[]
  /** Step id → when the run last passed it (a weekly wait's loop acts once per opening). */
  passedAt?: Record<string, number>
  /** The steps passed at the moment `at` (a call's time): one passed again at that moment is a runaway loop. */
  moment?: { at: number; steps: string[] }
  /** Parked by the walk's bound: it waits (taking no step) until the config changes a step of `chain`. */
  stopped?: { chain: string[]; sig: string }
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
