import type { ConsentState } from '../api/types.js'
import { reportError } from '../lib/log.js'

/**
 * The visitor's consent, and what each state allows (contract §2, §7). The one place the
 * runtime asks; every other module gets these answers, never the state itself.
 *
 * | state   | store on the device | send events            | push soft ask |
 * | pending | nothing (memory)    | held in memory         | never         |
 * | granted | yes                 | yes                    | yes           |
 * | denied  | nothing, erased     | nothing, held dropped  | never         |
 */
export interface Consent {
  state(): ConsentState
  /** Identifiers, counts, the outbox, journey state and push settings may live on the device. */
  mayStore(): boolean
  /** Events may leave the page (while pending they wait in memory for a grant). */
  maySend(): boolean
  set(next: ConsentState): void
}

export function createConsent(state: ConsentState): Consent {
  return {
    state: () => state,
    mayStore: () => state === 'granted',
    maySend: () => state !== 'denied',
    set: (next) => void (state = next),
  }
}

/**
 * The consent a page starts in, from `data-consent` or `init({ consent })`. Absent means
 * granted (the site asks for nothing). Any value but `pending` and `granted` is a mistake the
 * site owner must hear of, and counts as pending (contract §7): storing nothing is the safe
 * reading. A denial is a call, `consent('denied')`, which also erases.
 */
export function initialConsent(value: unknown): ConsentState {
  if (value === undefined || value === 'granted') return 'granted'
  if (value === 'pending') return value
  reportError('consent', `expected "pending" or "granted", got "${String(value)}": treated as pending`)
  return 'pending'
}

/** Global Privacy Control (contract §7): a signal of denial, unless the config opts out. */
export const gpcSignalled = (): boolean => (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true
