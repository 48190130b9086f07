import { library, type Message, type MessageType } from '../delivery/envelope.js'
import type { Visitor } from '../storage/visitor.js'
import type { CapturedCall, Moment } from '../api/types.js'
import { uuid } from '../lib/uuid.js'

export type MessageFields = Pick<Message, 'event' | 'name' | 'properties' | 'traits'>

/** A finished event in the contract §5 shape, stamped with the moment it was asked for. */
export function buildMessage(
  type: MessageType,
  fields: MessageFields,
  moment: Moment,
  visitor: Visitor,
  visit: number,
  messageId = uuid(),
  segments?: string[],
): Message {
  const { url, path, referrer, title } = moment.page
  return {
    type,
    ...fields,
    messageId,
    anonymousId: visitor.anonymousId,
    userId: visitor.userId,
    timestamp: new Date(moment.time).toISOString(),
    context: {
      page: { url, path, referrer, title },
      library: { ...library },
      // With segments in the config, every event says which the visitor is in (contract §8).
      journey: { stage: visitor.stage, visit, ...(segments && { segments }) },
      userAgent: navigator.userAgent,
      locale: navigator.language,
    },
  }
}

/**
 * The message a public call sends (track, page, identify; null for the rest): one mapping for
 * the engine, which sends it when the call runs, and for a page going away, which carries it.
 */
export function messageOfCall(call: CapturedCall): { type: MessageType; fields: MessageFields } | null {
  const [first, second] = call.args as [unknown, unknown]
  if (call.method === 'track') return { type: 'track', fields: { event: first as string, properties: (second ?? {}) as Record<string, unknown> } }
  if (call.method === 'identify') return { type: 'identify', fields: { traits: (second ?? {}) as Record<string, unknown> } }
  if (call.method !== 'page') return null
  const { url, path, referrer, title, search } = call.moment.page
  return { type: 'page', fields: { name: title, properties: { url, path, referrer, title, search, ...(first as Record<string, unknown> | undefined) } } }
}
