/** The contract §5b payload; only `title` is required. */
export interface PushPayload {
  title: string
  body?: string
  icon?: string
  image?: string
  badge?: string
  tag?: string
  url?: string
  actions?: Array<{ action: string; title: string; url?: string }>
  requireInteraction?: boolean
}

/** Reads a push message's data; a malformed payload gives null and shows nothing. */
export function parsePayload(text: string | null | undefined): PushPayload | null {
  if (!text) return null
  try {
    const data: unknown = JSON.parse(text)
    if (typeof data !== 'object' || data === null || typeof (data as PushPayload).title !== 'string') return null
    return data as PushPayload
  } catch {
    return null
  }
}

export interface PushDeps {
  showNotification(title: string, options: NotificationOptions & { data?: unknown }): Promise<void>
}

/** `push`: show the notification the payload describes. */
export function handlePush(event: { data: { text(): string } | null; waitUntil(p: Promise<unknown>): void }, deps: PushDeps): void {
  const payload = parsePayload(event.data?.text())
  if (!payload) return
  const { title, body, icon, image, badge, tag, requireInteraction, actions, url } = payload
  const options: NotificationOptions & Record<string, unknown> = { body, icon, image, badge, tag, requireInteraction, data: { url, actions } }
  if (Array.isArray(actions)) options.actions = actions.map(({ action, title: label }) => ({ action, title: label }))
  event.waitUntil(deps.showNotification(title, options).catch(() => undefined))
}
