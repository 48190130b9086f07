/** The Segment-shaped wire format of contract §5. DOM-free: the service worker uses it too. */

export type MessageType = 'page' | 'track' | 'identify'

export interface PageContext {
  url: string
  path: string
  referrer: string
  title: string
  search?: string
}

export interface Message {
  type: MessageType
  event?: string
  name?: string
  messageId: string
  anonymousId: string
  userId: string | null
  timestamp: string
  properties?: Record<string, unknown>
  traits?: Record<string, unknown>
  context: {
    page?: PageContext
    library: { name: 'journeykit'; version: string }
    journey?: { stage: string; visit: number; segments?: string[] }
    userAgent?: string
    locale?: string
    /** `dropped`: events the outbox let go (contract §7); `preview`: sent by a `?journeykit_preview` page. */
    journeykit?: { dropped?: number; preview?: true }
    [key: string]: unknown
  }
}

export interface Batch {
  sentAt: string
  writeKey?: string
  batch: Message[]
}

export const library = { name: 'journeykit', version: '0.0.0-dev' } as const

export function buildBatch(messages: Message[], writeKey: string | undefined, now: Date): Batch {
  return { sentAt: now.toISOString(), batch: messages, ...(writeKey && { writeKey }) }
}
