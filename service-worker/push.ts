import type { PushAction } from '../src/config/types.js'

/** The contract §5b payload (a §8b push action without its scheduling); only `title` is required. */
export type PushPayload = Omit<PushAction, 'after' | 'cancelOn'>

/** Reads a push message's data; a malformed payload gives null and shows nothing. */
export function parsePayload(text: string | null | undefined): PushPayload | null {
  if (!text) return null
  try {
    const data: unknown = JSON.parse(text)
    if (typeof data !== 'object' || data === null || typeof (data as PushPayload).title !== 'string') return null
    const payload = data as PushPayload
    if (payload.actions !== undefined && !Array.isArray(payload.actions)) return null
    return payload
  } catch {
    return null
  }
}

export interface PushDeps {
  showNotification(title: string, options: NotificationOptions & { data?: unknown }): Promise<void>
  report(event: string, properties: Record<string, unknown>): Promise<void>
}

interface PushEventLike {
  data: { text(): string } | null
  waitUntil(promise: Promise<unknown>): void
}

/** `push`: show the notification the payload describes, and report `push_received`. */
export function handlePush(event: PushEventLike, deps: PushDeps): void {
  let text: string | undefined
  try {
    text = event.data?.text()
  } catch {
    return
  }
  const payload = parsePayload(text)
  if (!payload) return
  const { title, body, icon, image, badge, tag, requireInteraction, actions = [], url } = payload
  const options: NotificationOptions & Record<string, unknown> = { body, icon, image, badge, tag, requireInteraction, data: { url, actions, title } }
  options.actions = actions.map(({ action, title: label }) => ({ action, title: label }))
  event.waitUntil(
    Promise.all([deps.showNotification(title, options).catch(() => undefined), deps.report('push_received', { title, tag: tag ?? null, url: url ?? null })]),
  )
}
