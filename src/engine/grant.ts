import type { Storage } from '../storage/storage.js'
import type { VisitorState } from '../storage/visitor.js'
import type { Sender } from '../delivery/sender.js'
import type { Consent } from './consent.js'
import type { Loaded } from './loaded.js'
import { adoptStoredVisitor } from '../storage/adopt.js'
import { applyCarried, identity, startPush, type CarriedDeps, type IdentityDeps, type PushDeps } from './after-ready.js'

/** What a grant needs of the runtime (the runtime's own object is handed over). */
export type GrantDeps = IdentityDeps &
  PushDeps &
  CarriedDeps & {
    consent: Pick<Consent, 'state' | 'set'>
    storage: Storage
    visitor: VisitorState
    loaded: Pick<Loaded, 'delivery' | 'journeys'>
    /** Delivery started: undefined without a collector, null offline. */
    delivery(): Promise<Sender | null | undefined>
  }

/**
 * A grant (in the consent chunk), run in line with the calls: what came before it stayed held
 * until now. The visitor may be known from an earlier grant: the stored one wins and what
 * this page did while pending is merged into it and relabelled as theirs; journeys keep what
 * they did meanwhile (contract §8). A denial meanwhile wins.
 */
export async function grantConsent(rt: GrantDeps): Promise<void> {
  const { consent, storage, visitor, loaded } = rt
  const before = consent.state()
  if (before === 'granted') return
  // The sender starts held, so what this page made while pending can be relabelled.
  const sender = (await rt.delivery()) ?? null
  if (consent.state() !== before) return
  consent.set('granted')
  storage.makeDurable()
  await adoptStoredVisitor(storage, visitor, sender)
  if (consent.state() !== 'granted') return
  sender?.setHeld(false)
  // Then what earlier pages could not send and carried here, held until now.
  const chunk = loaded.delivery?.chunk()
  if (sender && chunk) applyCarried(rt, chunk.sendCarried(sender, identity(rt)))
  startPush(rt)
  await loaded.journeys?.adopt()
}
