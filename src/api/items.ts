import type { Config } from '../config/types.js'
import type { ConvertWhat, DismissHow, ItemHost, Unmount } from '../ui/types.js'
import { reportError } from '../lib/log.js'
import { loadChunk } from '../lib/load-chunk.js'
import { pushPermission } from '../push/support.js'

export interface ShowReason {
  rule: string | null
  variant: string | null
}

type Track = (event: string, properties: Record<string, unknown>) => void

/**
 * Shows and hides items through the lazily loaded UI chunk and reports what the visitor
 * does with them. At most one of each item, and one modal, on screen at a time.
 */
/** The push chunk's soft-ask handler, once it is loaded (null: no push here). */
export type AskPush = (track: (event: string, properties: Record<string, unknown>) => void) => Promise<NotificationPermission | 'unsupported'>

export function createItemController(getConfig: () => Config | null, track: Track, nonce: string | undefined, askPush: () => AskPush | null) {
  const onScreen = new Map<string, Unmount | null>()

  const close = (id: string) => {
    const unmount = onScreen.get(id)
    onScreen.delete(id)
    unmount?.()
  }

  const modalOnScreen = () => [...onScreen.keys()].some((other) => getConfig()?.items?.[other]?.style === 'modal')

  return {
    /** Whether the item could show now: not already on screen, and no second modal. */
    canShow(id: string): boolean {
      const item = getConfig()?.items?.[id]
      return !!item && !onScreen.has(id) && !(item.style === 'modal' && modalOnScreen()) && !(item.kind === 'push' && pushPermission() === 'unsupported')
    },
    show(id: string, reason: ShowReason): void {
      const item = getConfig()?.items?.[id]
      if (!item || !Object.prototype.hasOwnProperty.call(getConfig()?.items ?? {}, id)) {
        return reportError('show', `no item "${id}" in the config`)
      }
      if (item.kind === 'push' && pushPermission() === 'unsupported') return // never ask where push cannot work
      if (onScreen.has(id) || (item.style === 'modal' && modalOnScreen())) return
      onScreen.set(id, null)
      const about = { item: id, rule: reason.rule, variant: reason.variant }
      const host: ItemHost = {
        id,
        item,
        baseUrl: location.href,
        nonce,
        theme: getConfig()?.theme,
        dismiss(how: DismissHow) {
          if (!onScreen.has(id)) return
          close(id)
          track('item_dismissed', { ...about, how })
        },
        convert(what: ConvertWhat, details = {}) {
          track('item_converted', { ...about, what, ...details })
          if (what === 'download') track('asset_downloaded', { ...about, ...details })
        },
        capture(lead) {
          track('lead_captured', { ...about, ...lead })
          track('item_converted', { ...about, what: 'form' })
        },
        close: () => close(id),
        // Called inside the visitor's click; the push chunk asks the browser at once.
        allowPush: () => askPush()?.((event, properties) => track(event, { ...about, ...properties })) ?? Promise.resolve('unsupported'),
      }
      void loadChunk('show', 'no item can show', () => import('../ui/mount.js')).then((ui) => {
        if (!ui) return void onScreen.delete(id)
        if (!onScreen.has(id)) return // hidden before the chunk arrived
        onScreen.set(id, ui.mount(host))
        track('item_shown', about)
      })
    },
    hideAll(): void {
      ;[...onScreen.keys()].forEach(close)
    },
  }
}
