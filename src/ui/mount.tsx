import { render, type ComponentChildren } from 'preact'
import { useErrorBoundary } from 'preact/hooks'
import type { ItemHost, Unmount } from './types.js'
import { adoptStyles } from './styles.js'
import { ItemView } from './item-view.js'
import { listen } from '../lib/listen.js'
import { reportError } from '../lib/log.js'
import { hostFor, type ShowRequest } from './host.js'

/** The UI chunk's entry: shows what the core asked for (src/actions/items.ts). */
export const mountItem = (request: ShowRequest): Unmount => mount(hostFor(request))

/**
 * Renders one item at the end of <body> as `<div data-journeykit-item="ID">` with an open
 * shadow root (contract §6). Returns the function that removes it and, for a modal, gives
 * focus back to where it was.
 */
export function mount(host: ItemHost): Unmount {
  const element = document.createElement('div')
  element.setAttribute('data-journeykit-item', host.id)
  const shadow = element.attachShadow({ mode: 'open' })
  adoptStyles(shadow, host.nonce)
  const previousFocus = document.activeElement as HTMLElement | null
  document.body.appendChild(element)
  render(
    <Contained id={host.id}>
      <ItemView host={host} />
    </Contained>,
    shadow,
  )
  const modal = host.item.style === 'modal'
  // A modal closes on Escape wherever focus went (contract §6), and holds the page still.
  const stopEscape = modal ? listen<KeyboardEvent>(document, 'keydown', (event) => event.key === 'Escape' && host.dismiss('escape')) : () => undefined
  const unlockScroll = modal ? lockScroll() : () => undefined

  return () => {
    stopEscape()
    unlockScroll()
    render(null, shadow)
    element.remove()
    if (modal && previousFocus?.isConnected) previousFocus.focus()
  }
}

/**
 * Stops the page scrolling under a modal without moving it: where the page has a scrollbar,
 * its gutter is kept (scrollbar-gutter), so hiding the scrollbar shifts nothing. Through the
 * CSSOM, which a strict CSP allows.
 */
function lockScroll(): () => void {
  const root = document.documentElement.style
  const before = [root.overflow, root.scrollbarGutter]
  if (innerWidth > document.documentElement.clientWidth) root.scrollbarGutter = 'stable'
  root.overflow = 'hidden'
  return () => {
    ;[root.overflow, root.scrollbarGutter] = before as [string, string]
  }
}

/** An error while rendering one item stays inside that item. */
function Contained({ id, children }: { id: string; children: ComponentChildren }) {
  const [error] = useErrorBoundary((err) => reportError('show', `item "${id}" failed to render: ${String(err)}`))
  return error ? null : <>{children}</>
}
