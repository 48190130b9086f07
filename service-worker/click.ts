import { isWebOrigin } from '../src/lib/origin.js'

export interface ClickDeps {
  origin: string
  /** `push.allowedOrigins` as stored: read from IndexedDB, so not trusted to be a string[]. */
  allowedOrigins(): Promise<unknown>
  /** Open windows of this origin, to focus one already at the URL. */
  windows(): Promise<ReadonlyArray<{ url: string; focus(): Promise<unknown> }>>
  openWindow(url: string): Promise<unknown>
  report(event: string, properties: Record<string, unknown>): Promise<void>
}

interface ClickEvent {
  action?: string
  notification: { close(): void; tag?: string; data?: { url?: string; title?: string; actions?: Array<{ action: string; url?: string }> } }
  waitUntil(promise: Promise<unknown>): void
}

/**
 * Contract §7: notification clicks open same-origin URLs or origins in `push.allowedOrigins`.
 * The URL's parsed origin must equal one listed exactly: a string in place of the list would
 * make `includes` a substring test, so anything but a list of origins allows no other origin.
 */
export function clickTarget(raw: unknown, origin: string, allowedOrigins: unknown): string | null {
  if (typeof raw !== 'string') return null
  try {
    const url = new URL(raw, origin)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
    const allowed = Array.isArray(allowedOrigins) ? allowedOrigins.filter(isWebOrigin) : []
    return url.origin === origin || allowed.includes(url.origin) ? url.href : null
  } catch {
    return null
  }
}

/** `notificationclick`: close it, focus a tab already there or open one, report `push_clicked`. */
export function handleClick(event: ClickEvent, deps: ClickDeps): void {
  event.notification.close()
  const data = event.notification.data ?? {}
  const action = data.actions?.find((candidate) => candidate.action === event.action)
  event.waitUntil(
    (async () => {
      const target = clickTarget(action?.url ?? data.url ?? '/', deps.origin, await deps.allowedOrigins())
      if (target) {
        const open = (await deps.windows()).find((client) => client.url === target)
        await (open ? open.focus() : deps.openWindow(target)).catch(() => undefined)
      }
      await deps.report('push_clicked', { url: target, action: event.action || null, title: data.title ?? null, tag: event.notification.tag || null })
    })(),
  )
}
