export interface ClickDeps {
  origin: string
  allowedOrigins: string[]
  openWindow(url: string): Promise<unknown>
}

interface ClickEvent {
  action?: string
  notification: { close(): void; data?: { url?: string; actions?: Array<{ action: string; url?: string }> } }
  waitUntil(p: Promise<unknown>): void
}

/** Contract §7: notification clicks open same-origin URLs or origins in `push.allowedOrigins`. */
export function clickTarget(raw: unknown, deps: Pick<ClickDeps, 'origin' | 'allowedOrigins'>): string | null {
  if (typeof raw !== 'string') return null
  try {
    const url = new URL(raw, deps.origin)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
    return url.origin === deps.origin || deps.allowedOrigins.includes(url.origin) ? url.href : null
  } catch {
    return null
  }
}

/** `notificationclick`: close it and open the URL of the clicked action, or of the notification. */
export function handleClick(event: ClickEvent, deps: ClickDeps): void {
  event.notification.close()
  const data = event.notification.data ?? {}
  const action = data.actions?.find((candidate) => candidate.action === event.action)
  const target = clickTarget(action?.url ?? data.url, deps)
  if (target) event.waitUntil(deps.openWindow(target).catch(() => undefined))
}
