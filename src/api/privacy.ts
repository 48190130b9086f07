import type { Consent } from './consent.js'
import type { Storage } from '../store/storage.js'
import type { VisitorState } from '../store/visitor.js'
import type { Sender } from '../transport/sender.js'
import { keys } from '../store/names.js'
import { loadChunk } from '../lib/load-chunk.js'

export interface PrivacyDeps {
  consent: Consent
  storage: Storage
  visitor: VisitorState
  /** Starts delivery now (a grant relabels what it holds); null without a collector. */
  startDelivery(): Promise<Sender | null>
  /** Drops every event waiting to be sent, on the page and in the outbox. */
  clearDelivery(): void
  /** Everything on screen closes (a push ask must not outlive a denial). */
  hideItems(): void
  /** A grant still waiting in the line of calls is cancelled: the denial came after it. */
  cancelWaitingGrant(): void
  /** Journey runs in memory are forgotten with the visitor (a denial). */
  forgetJourneys(): void
  /** What needs consent to start (web push) starts now. */
  onGranted(): void
}

/**
 * The two moves of consent. A grant runs in line with the calls (what came before it stays
 * held until then); a denial acts at once, whenever it comes — queued before the runtime
 * loaded, from Global Privacy Control, or after a grant — and erases everything journeykit
 * stored on the device, whether or not this page has opened it yet (contract §7).
 */
export function createPrivacy(deps: PrivacyDeps) {
  const { consent, storage, visitor } = deps
  return {
    async grant(): Promise<void> {
      const before = consent.state()
      if (before === 'granted') return
      // The sender starts held, so what this page made while pending can be relabelled below;
      // the consent chunk knows a visitor from an earlier grant.
      const sender = await deps.startDelivery()
      const chunk = await loadConsentChunk('held events keep the id they have')
      if (consent.state() !== before) return // denied meanwhile: the denial wins
      consent.set('granted')
      storage.makeDurable()
      await chunk?.adoptStoredVisitor(storage, visitor, sender)
      if (consent.state() !== 'granted') return
      sender?.setHeld(false)
      deps.onGranted()
    },
    deny(): Promise<void> {
      consent.set('denied')
      deps.cancelWaitingGrant()
      deps.hideItems()
      deps.clearDelivery()
      // storage.erase stops persisting at once, so the reset below stays in memory.
      const erased = Promise.all([
        storage.erase([keys.visitor, keys.counts, keys.journeys]),
        loadConsentChunk('what earlier pages stored stays on the device').then((chunk) => chunk?.eraseStoredData()),
      ])
      visitor.reset()
      deps.forgetJourneys()
      return erased.then(() => undefined)
    },
  }
}

const loadConsentChunk = (consequence: string) => loadChunk('consent', consequence, () => import('../store/consent.js'))
