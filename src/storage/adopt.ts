import type { Message } from '../delivery/envelope.js'
import type { Sender } from '../delivery/sender.js'
import type { Storage } from './storage.js'
import type { Visitor, VisitorState } from './visitor.js'
import { keys } from './names.js'
import type { Counts } from './visit.js'
import { isLaterStage } from '../rules/stages.js'

/**
 * Consent granted (a chunk loaded only then): the visitor may already be known from an
 * earlier grant. Their stored identity wins; what happened meanwhile (identify, stage, page
 * views, event and item counts) is merged into it, and the events held so far are re-labelled
 * as theirs.
 */
export async function adoptStoredVisitor(storage: Storage, state: VisitorState, sender: Sender | null) {
  const memoryVisitor = state.current()
  const memoryCounts = state.counts()
  const visitor = await storage.update<Visitor>(keys.visitor, (stored) => {
    if (!stored || typeof stored.anonymousId !== 'string') return memoryVisitor
    return {
      ...stored,
      userId: memoryVisitor.userId ?? stored.userId,
      traits: { ...stored.traits, ...memoryVisitor.traits },
      stage: isLaterStage(memoryVisitor.stage, stored.stage) ? memoryVisitor.stage : stored.stage,
    }
  })
  const changes = state.takeUnstored()
  let newVisits: number[] = []
  const counts = await storage.update<Counts>(keys.counts, (stored) => {
    newVisits = []
    if (!stored) return memoryCounts
    return changes.reduce((counts, change) => {
      const next = change(counts)
      // Only a page view that starts a visit moves the visit's number.
      if (next.visit && next.visit.count !== counts.visit?.count) newVisits.push(next.visit.count)
      return next
    }, stored)
  })
  if (newVisits.length === 0 && counts === memoryCounts) newVisits = counts.visit ? [counts.visit.count] : []
  state.adopt(visitor, counts)
  relabelHeld(sender, memoryVisitor.anonymousId, visitor, counts.visit?.count ?? 0, newVisits)
}

/** Held events were labelled with a stranger's id and visit; the stored visitor's win. */
function relabelHeld(sender: Sender | null, heldId: string, visitor: Visitor, visit: number, newVisits: number[]) {
  sender?.rewrite((message: Message) => {
    if (message.anonymousId !== heldId) return message
    let properties = message.properties
    if (message.event === 'visit_start') {
      const number = newVisits.shift()
      if (number === undefined) return null // the stored visit goes on: no new visit began
      properties = { ...properties, visit: number }
    }
    const journey = { ...message.context.journey, stage: message.context.journey?.stage ?? 'awareness', visit }
    return { ...message, properties, anonymousId: visitor.anonymousId, userId: message.userId ?? visitor.userId, context: { ...message.context, journey } }
  })
}
