import type { Message } from './envelope.js'
import type { Sender } from './sender.js'
import { keys } from '../storage/names.js'

/**
 * A message carried to the next page; `identified` is false when the visitor was not loaded
 * yet; `apply` when its call had not finished on its page (it went first): what it does to the
 * visitor's state is applied on the next page (contract §7 "Leaving at once"); `sent` when the
 * message itself left already (by sendBeacon, or another entry carries it): applied only.
 */
export interface Carried {
  message: Message
  identified: boolean
  apply?: boolean
  sent?: boolean
}

/** Who this page's visitor is: carried messages built before their page knew it take this. */
export interface Identity {
  anonymousId: string
  userId: string | null
  journey: { stage: string; visit: number }
}

/**
 * Hands what earlier pages carried (src/delivery/carry.ts) to the outbox as it is — same messageId,
 * time and page; no handler, count or rule runs (contract §7). Each page takes them once.
 * Returns the tracked events whose calls had not finished: the caller applies their effect on
 * the visitor's state, which also sends those not `sent` (under the same messageId).
 */
export function sendCarried(sender: Sender, identity: Identity): Carried[] {
  const toApply: Carried[] = []
  for (const { message, identified, apply, sent } of takeCarried()) {
    const labelled = identified
      ? message
      : { ...message, anonymousId: identity.anonymousId, userId: message.userId ?? identity.userId, context: { ...message.context, journey: identity.journey } }
    if (apply && labelled.type === 'track') toApply.push({ message: labelled, identified: true, sent })
    else if (!sent) sender.enqueue(labelled)
  }
  return toApply
}

export function takeCarried(): Carried[] {
  let carried: Carried[] = []
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(keys.carried) ?? '[]')
    if (Array.isArray(parsed)) carried = parsed.filter(isCarried)
    localStorage.removeItem(keys.carried)
    localStorage.removeItem('jk:v1:unsent') // 0.1.0 carried calls; never run them again
  } catch {
    // no localStorage, or not ours to read: nothing was carried
  }
  return carried
}

function isCarried(value: unknown): value is Carried {
  const message = (value as Carried | null)?.message
  return (
    typeof message === 'object' &&
    message !== null &&
    ['track', 'page', 'identify'].includes(message.type) &&
    typeof message.messageId === 'string' &&
    typeof message.timestamp === 'string' &&
    typeof message.context === 'object'
  )
}
