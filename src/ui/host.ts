import type { Item, Theme } from '../config/types.js'
import type { ConvertWhat, DismissHow, ItemHost } from './types.js'

type Track = (event: string, properties: Record<string, unknown>) => void

/** What the core hands the UI chunk to show one item (src/actions/items.ts). */
export interface ShowRequest {
  id: string
  item: Item
  /** `item`, `rule`, `variant`: carried by every event this item sends. */
  about: Record<string, unknown>
  nonce?: string
  theme?: Theme
  track: Track
  /** Whether the item is still on screen (a second dismissal reports nothing). */
  isOpen(): boolean
  close(): void
  /** The push chunk's soft-ask handler, once loaded. */
  askPush(): ((track: Track) => Promise<NotificationPermission | 'unsupported'>) | null
}

/**
 * The narrow host the views get (STYLE §2): what the visitor does with an item, turned into the
 * contract's events. Built here, in the UI chunk, so a page that shows nothing never loads it.
 */
export function hostFor(request: ShowRequest): ItemHost {
  const { about, track } = request
  return {
    id: request.id,
    item: request.item,
    baseUrl: location.href,
    nonce: request.nonce,
    theme: request.theme,
    dismiss(how: DismissHow) {
      if (!request.isOpen()) return
      request.close()
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
    close: request.close,
    // Called inside the visitor's click; the push chunk asks the browser at once.
    allowPush: () => request.askPush()?.((event, properties) => track(event, { ...about, ...properties })) ?? Promise.resolve('unsupported'),
  }
}
