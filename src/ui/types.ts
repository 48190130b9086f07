import type { Item } from '../config/types.js'

export type DismissHow = 'close' | 'escape' | 'backdrop' | 'secondary'
export type ConvertWhat = 'cta' | 'form' | 'copy' | 'download'

/** The narrow interface the UI chunk gets: item data and three callbacks, never the store. */
export interface ItemHost {
  id: string
  item: Item
  /** Base URL for relative links (the page's). */
  baseUrl: string
  nonce?: string
  dismiss(how: DismissHow): void
  convert(what: ConvertWhat): void
  capture(email: string): void
}

/** Removes the item from the page and gives focus back. */
export type Unmount = () => void
