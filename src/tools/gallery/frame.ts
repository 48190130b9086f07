/**
 * One cell of the gallery (frame.html?item=…&style=…&width=…&scheme=…): the item drawn by the
 * real UI chunk (dist/ui.js, `mountItem`) as on a page of its own, at the frame's width. Nothing
 * it does leaves the frame: links and forms are stopped, events are only told to the gallery.
 */
import type { ShowRequest } from '../../ui/host.js'
import type { Item, Theme } from '../../config/types.js'
import { cellOf, type GalleryScheme } from './matrix.js'

type UiChunk = { mountItem(request: ShowRequest): () => void }

/** What the gallery page posts and listens for. */
export interface FrameMessage {
  journeykitGallery: 'ready' | 'event'
  cell: string
  event?: string
}

const tell = (message: Omit<FrameMessage, 'cell'>) => parent.postMessage({ ...message, cell: location.search }, location.origin)

/**
 * The UI's dark palette sits under `@media (prefers-color-scheme: dark)`. The gallery shows both
 * schemes side by side, so each frame fixes its own: the media rule's inner rules apply always
 * (dark) or never (light). The real stylesheet, only its condition changed.
 */
export function fixScheme(sheet: CSSStyleSheet, scheme: GalleryScheme): void {
  for (let i = sheet.cssRules.length - 1; i >= 0; i--) {
    const rule = sheet.cssRules[i]
    if (!(rule instanceof CSSMediaRule) || !/prefers-color-scheme:\s*dark/.test(rule.conditionText)) continue
    const inner = [...rule.cssRules].map((inside) => inside.cssText)
    sheet.deleteRule(i)
    if (scheme === 'dark') inner.forEach((text) => sheet.insertRule(text, sheet.cssRules.length))
  }
}

async function drawCell(): Promise<void> {
  const cell = cellOf(location.search)
  if (!cell) throw new Error(`not a gallery cell: ${location.search}`)
  document.documentElement.dataset.scheme = cell.scheme
  // Nothing leaves the gallery: no link is followed, no form sent (the shadow root's clicks
  // reach window's capture listener first).
  addEventListener('click', (event) => event.composedPath().some((node) => node instanceof HTMLAnchorElement) && event.preventDefault(), true)
  addEventListener('submit', (event) => event.preventDefault(), true)
  const [{ config }, ui] = await Promise.all([
    fetch('config.json').then((response) => response.json() as Promise<{ config: { items?: Record<string, Item>; theme?: Theme } }>),
    import(/* webpackIgnore: true */ new URL('dist/ui.js', location.href).href) as Promise<UiChunk>,
  ])
  const item = config.items?.[cell.item]
  if (!item) throw new Error(`no item "${cell.item}"`)
  // A modal takes focus on a real page; dozens of them in frames would pull the gallery's focus
  // and scroll from frame to frame. Here focus stays where the store owner put it.
  HTMLElement.prototype.focus = () => undefined
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
  const shadow = document.querySelector('[data-journeykit-item]')?.shadowRoot
  for (const sheet of shadow?.adoptedStyleSheets ?? []) fixScheme(sheet, cell.scheme)
  shadow?.querySelectorAll('style').forEach((style) => style.sheet && fixScheme(style.sheet, cell.scheme))
  tell({ journeykitGallery: 'ready' })
}

drawCell().catch((err: unknown) => {
  document.body.textContent = `This cell cannot be drawn: ${err instanceof Error ? err.message : String(err)}`
  tell({ journeykitGallery: 'ready' })
})
