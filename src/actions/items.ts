import type { Config, Item } from '../config/types.js'
import type { Unmount } from '../ui/types.js'
import { reportError, reportWarning } from '../lib/log.js'
import { loadChunk } from '../lib/load-chunk.js'
import { pushPermission } from '../push/support.js'

export interface ShowReason {
  rule: string | null
  variant: string | null
  /** A journey's step showed it: reported with the item (`journey`, `run`, `step`). */
  journey?: string
  run?: number
  step?: string
}

type Track = (event: string, properties: Record<string, unknown>) => void

export type ItemController = ReturnType<typeof createItemController>

/** The push chunk's soft-ask handler, once it is loaded (null: no push here). */
export type AskPush = (track: (event: string, properties: Record<string, unknown>) => void) => Promise<NotificationPermission | 'unsupported'>

/**
 * Shows and hides items through the lazily loaded UI chunk and reports what the visitor
 * does with them. At most one of each item, and one modal, on screen at a time.
 * `mayAskPush` is true only with consent granted: a push soft ask needs storage and the
 * visitor's identity (contract §7), so with consent pending none is shown.
 */
export function createItemController(
  getConfig: () => Config | null | undefined,
  track: Track,
  nonce: string | undefined,
  askPush: () => AskPush | null,
  mayAskPush: () => boolean,
) {
  const onScreen = new Map<string, Unmount | null>()

  const close = (id: string) => {
    const unmount = onScreen.get(id)
    onScreen.delete(id)
    unmount?.()
  }

  const modalOnScreen = () => [...onScreen.keys()].some((other) => getConfig()?.items?.[other]?.style === 'modal')
  /** Never ask where push cannot work, nor before the visitor consented. */
  const pushBarred = (item: Item) => item.kind === 'push' && (pushPermission() === 'unsupported' || !mayAskPush())

  return {
    /** Whether the item could show now: not already on screen, and no second modal. */
    canShow(id: string): boolean {
      const item = getConfig()?.items?.[id]
      return !!item && !onScreen.has(id) && !(item.style === 'modal' && modalOnScreen()) && !pushBarred(item)
    },
    /** `report` sends the item's events (a preview sends them marked, src/preview/). */
    show(id: string, reason: ShowReason, report: Track = track): void {
      const item = getConfig()?.items?.[id]
      if (!item || !Object.prototype.hasOwnProperty.call(getConfig()?.items ?? {}, id)) {
        return reportError('show', `no item "${id}" in the config`)
      }
      if (pushBarred(item)) {
        if (pushPermission() !== 'unsupported') reportWarning('show', `"${id}" asks for push notifications, which waits for consent: not shown`)
        return
      }
      if (onScreen.has(id) || (item.style === 'modal' && modalOnScreen())) return
      onScreen.set(id, null)
      const about = { item: id, ...reason }
      void loadChunk('ui', () => import('../chunks/ui.js')).then((ui) => {
        if (!ui) return void onScreen.delete(id)
        if (!onScreen.has(id)) return // hidden before the chunk arrived
        const request = { id, item, about, nonce, theme: getConfig()?.theme, track: report, askPush, isOpen: () => onScreen.has(id), close: () => close(id) }
        onScreen.set(id, ui.mountItem(request))
        report('item_shown', about)
      })
    },
    hideAll(): void {
      ;[...onScreen.keys()].forEach(close)
    },
  }
}
