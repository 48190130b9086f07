import { library, type Message, type MessageType } from '../transport/envelope.js'
import type { Visitor } from '../store/visitor.js'
import type { Moment } from './types.js'
import { uuid } from '../lib/uuid.js'

type Fields = Pick<Message, 'event' | 'name' | 'properties' | 'traits'>

/** A finished event in the contract §5 shape, stamped with the moment it was asked for. */
export function buildMessage(type: MessageType, fields: Fields, moment: Moment, visitor: Visitor, visit: number, messageId = uuid()): Message {
  return {
    type,
    ...fields,
    messageId,
    anonymousId: visitor.anonymousId,
    userId: visitor.userId,
    timestamp: new Date(moment.time).toISOString(),
    context: {
      page: { url: moment.page.url, path: moment.page.path, referrer: moment.page.referrer, title: moment.page.title },
      library: { ...library },
      journey: { stage: visitor.stage, visit },
      userAgent: navigator.userAgent,
      locale: navigator.language,
    },
  }
}
