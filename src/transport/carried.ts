import type { Message } from './envelope.js'
import type { Sender } from './sender.js'
import { keys } from '../store/names.js'

/**
 * A message carried to the next page; `identified` is false when the visitor was not loaded
 * yet; `apply` when its call had not run on its page (it went first): what it does to the
 * visitor's state is applied on the next page (contract §7 "Leaving at once").
 */
export interface Carried {
  message: Message
  identified: boolean
  apply?: boolean
}

/** Who this page's visitor is: carried messages built before their page knew it take this. */
export interface Identity {
  anonymousId: string
  userId: string | null
  journey: { stage: string; visit: number }
}

/**
 * Hands what earlier pages carried (src/api/carry.ts) to the outbox as it is — same messageId,
 * time and page; no handler, count or rule runs (contract §7). Each page takes them once.
 * Returns the tracked events whose calls had not run: the caller runs their effect on the
 * visitor's state, which sends them (under the same messageId) too.
 */
export function sendCarried(sender: Sender, identity: Identity): Message[] {
  const toApply: Message[] = []
  for (const { message, identified, apply } of takeCarried()) {
    const labelled = identified
      ? message
      : { ...message, anonymousId: identity.anonymousId, userId: message.userId ?? identity.userId, context: { ...message.context, journey: identity.journey } }
    if (apply && labelled.type === 'track') toApply.push(labelled)
    else sender.enqueue(labelled)
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
