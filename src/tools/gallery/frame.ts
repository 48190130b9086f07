/**
 * One cell of the gallery (frame.html?item=…&style=…&width=…&scheme=…): the item drawn by the
 * real UI chunk (dist/ui.js, `mountItem`) as on a page of its own, at the frame's width. Nothing
 * it does leaves the frame: links and forms are stopped, events are only told to the gallery.
 */
import type { ShowRequest } from '../../ui/host.js'
import type { Item, Theme } from '../../config/types.js'
import { cellOf } from './matrix.js'
import { fixItemsScheme, keepInFrame } from './item-frame.js'

type UiChunk = { mountItem(request: ShowRequest): () => void }

/** What the gallery page posts and listens for. */
export interface FrameMessage {
  journeykitGallery: 'ready' | 'event'
  cell: string
  event?: string
}

const tell = (message: Omit<FrameMessage, 'cell'>) => parent.postMessage({ ...message, cell: location.search }, location.origin)

async function drawCell(): Promise<void> {
  const cell = cellOf(location.search)
  if (!cell) throw new Error(`not a gallery cell: ${location.search}`)
  document.documentElement.dataset.scheme = cell.scheme
  keepInFrame()
  const [{ config }, ui] = await Promise.all([
    fetch('config.json').then((response) => response.json() as Promise<{ config: { items?: Record<string, Item>; theme?: Theme } }>),
    import(/* webpackIgnore: true */ new URL('dist/ui.js', location.href).href) as Promise<UiChunk>,
  ])
  const item = config.items?.[cell.item]
  if (!item) throw new Error(`no item "${cell.item}"`)
  ui.mountItem({
    id: cell.item,
    item: { ...item, style: cell.style },
    about: { item: cell.item },
    theme: config.theme,
    track: (event) => tell({ journeykitGallery: 'event', event }),
    isOpen: () => true,
    close: () => undefined, // the item stays in its cell
    askPush: () => null,
  })
  fixItemsScheme(cell.scheme)
  tell({ journeykitGallery: 'ready' })
}

drawCell().catch((err: unknown) => {
  document.body.textContent = `This cell cannot be drawn: ${err instanceof Error ? err.message : String(err)}`
  tell({ journeykitGallery: 'ready' })
})
