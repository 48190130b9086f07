/** The shape of `journeykit.json` (contract §4). */

export type Stage = 'awareness' | 'consideration' | 'purchase' | 'retention' | 'advocacy'
export type ItemKind = 'focus' | 'asset' | 'push'
export type ItemStyle = 'modal' | 'bar' | 'slidein' | 'notification'

export interface Link {
  label: string
  url: string
}

export interface Item {
  kind: ItemKind
  style: ItemStyle
  title: string
  body?: string
  code?: string
  cta?: Link
  /** Email capture: `name` adds a name field, `consent` a required checkbox with this text. */
  form?: { name?: boolean; consent?: string; submitLabel?: string; successMessage?: string }
  asset?: { url: string; filename?: string }
  gate?: 'none' | 'email'
  dismissLabel?: string
  image?: { url: string; alt: string }
  /** ISO time a countdown runs to. */
  countdown?: string
  /** bar: `top` | `bottom` (default); slidein: `bottom-right` (default) | `bottom-left`. */
  position?: 'top' | 'bottom' | 'bottom-right' | 'bottom-left'
  $comment?: string
}

/** Colours, font and corner radius of every item, as CSS values. */
export interface Theme {
  background?: string
  text?: string
  accent?: string
  accentText?: string
  font?: string
  radius?: string
}

/** A MongoDB-style query over facts: `{ "page.path": { "$startsWith": "/cart" } }`. */
export type Query = { [factOrOperator: string]: unknown }

export type Frequency = 'once' | 'session' | { limit: number; per: string }

export interface WeeklyWindow {
  days: Array<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'>
  from?: string
  to?: string
}

export interface Schedule {
  start?: string
  end?: string
  weekly?: WeeklyWindow[]
  timezone?: string
}

export interface Variant {
  /** Reported as `properties.variant` (default: the variant's position, "0", "1", …). */
  id?: string
  weight: number
  show: string
}

export interface Rule {
  id: string
  on: string
  percent?: number
  seconds?: number
  selector?: string
  if?: Query
  show?: string
  track?: string
  set?: { stage?: Stage; [trait: string]: unknown }
  frequency?: Frequency
  schedule?: Schedule
  delay?: string
  variants?: Variant[]
  stage?: Stage
  priority?: number
  $comment?: string
}

/** How many items rules may show: per page view and per visit (`show()` is not limited). */
export interface Limits {
  perPage?: number
  perVisit?: number
}

export interface Config {
  $schema?: string
  version: 1
  collector?: { url: string; writeKey?: string }
  push?: { vapidPublicKey: string; serviceWorker?: string; scope?: string; allowedOrigins?: string[] }
  privacy?: { respectGPC?: boolean }
  limits?: Limits
  /** A visit ends after this long without activity (default "30m"). */
  visitTimeout?: string
  stages?: Partial<Record<Stage, { on: string }>>
  items?: Record<string, Item>
  rules?: Rule[]
  theme?: Theme
  $comment?: string
}

/** One problem found in a config: where it is and what is wrong. */
export interface Problem {
  path: string
  message: string
}
