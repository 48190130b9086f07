import type { Item, Theme } from '../config/types.js'

export type DismissHow = 'close' | 'escape' | 'backdrop' | 'secondary'
export type ConvertWhat = 'cta' | 'form' | 'copy' | 'download' | 'push'

export interface Lead {
  email: string
  name?: string
  /** Whether the consent box was ticked, and its words: what the visitor agreed to. */
  consent?: boolean
  consentText?: string
}

/** The narrow interface the UI chunk gets: item data and callbacks, never the store. */
export interface ItemHost {
  id: string
  item: Item
  /** Base URL for relative links (the page's). */
  baseUrl: string
  nonce?: string
  theme?: Theme
  dismiss(how: DismissHow): void
  /** The visitor converted: followed the CTA, copied the code, downloaded the asset. */
  convert(what: ConvertWhat, details?: Record<string, unknown>): void
  /** The form was sent: reported as `lead_captured` and a `form` conversion. */
  capture(lead: Lead): void
  /** Closes the item after a conversion (no dismissal is reported). */
  close(): void
  /** Push soft ask: Allow was pressed (inside the click); resolves to the browser's answer. */
  allowPush(): Promise<NotificationPermission | 'unsupported'>
}

/** Removes the item from the page and gives focus back. */
export type Unmount = () => void
