/** The shape of `journeykit.json` (docs/reference.md §4). */

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
  /**
   * Email capture (a focus item's form, or the fields of an asset's email gate): `name` adds a
   * name field, `consent` a checkbox with this text, `submitLabel` the button's text,
   * `successMessage` the thank-you shown once the email is accepted.
   */
  form?: { name?: boolean; consent?: string | Consent; submitLabel?: string; successMessage?: string }
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

/**
 * A consent checkbox under the email field. A plain string is short for `{ text, required: true }`;
 * with `required: false` the visitor may leave it unticked.
 */
export interface Consent {
  text: string
  required?: boolean
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
  /** §8b: `push_requested` for the collector side to send. */
  push?: PushAction
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

/** A trigger with its parameters and conditions: a journey's entry, exit, goal, or a guarded step. */
export interface Trigger {
  on: string
  percent?: number
  seconds?: number
  selector?: string
  if?: Query
}

/** A named condition a visitor is in or out of (docs/reference.md §8). */
export interface Segment {
  if: Query
  $comment?: string
}

/** §8b: a web push the collector side sends to this visitor. */
export interface PushAction {
  title: string
  body?: string
  icon?: string
  image?: string
  badge?: string
  tag?: string
  url?: string
  actions?: Array<{ action: string; title: string; url?: string }>
  requireInteraction?: boolean
  after?: string
  cancelOn?: string[]
}

/** `wait`: a duration, or the next opening of a weekly window in a zone. */
export type Wait = string | { weekly: WeeklyWindow[]; timezone?: string }

/** One step of a journey: an id, one action, optionally guarded by a trigger (docs/reference.md §8). */
export interface Step {
  id: string
  /** Guard: the step waits for this trigger (with `if`) before acting. */
  on?: string
  percent?: number
  seconds?: number
  selector?: string
  if?: Query
  /** Bounds the guard's wait; `else` is the step taken when it runs out (default: exit, `timeout`). */
  within?: string
  else?: string
  show?: string
  track?: string
  set?: { stage?: Stage; [trait: string]: unknown }
  wait?: Wait
  split?: Array<{ weight: number; goto: string }>
  branch?: Array<{ if: Query; goto: string }>
  exit?: true
  push?: PushAction
  /** The step that follows this one (default: the next in the list). */
  goto?: string
  $comment?: string
}

export interface Journey {
  entry?: Trigger
  exit?: Trigger[]
  goal?: Trigger & { within?: string }
  reentry?: 'never' | 'after-exit' | { after: string }
  /** Percent of entrants (sticky) who take no step: the control group. */
  holdout?: number
  schedule?: Schedule
  steps: Step[]
  $comment?: string
}

export interface Config {
  $schema?: string
  /** The seal `npx journeykit build` writes: the page skips the validator while it matches. */
  $sealed?: string
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
  segments?: Record<string, Segment>
  journeys?: Record<string, Journey>
  theme?: Theme
  $comment?: string
}

/**
 * One problem found in a config: where it is and what is wrong.
 *
 * @example
 * // { path: 'rules[1].show', message: '"free-shiping" names no item in "items" — did you mean "free-shipping"? (rule "cart-exit")' }
 */
export interface Problem {
  /** the JSON path: `rules[1].show` */
  path: string
  /** what is wrong, quoting the value; then the near name, and the rule or step by id where `path` has an index */
  message: string
}

/** What `init` and the loader accept as a config: the object, its URL, or a fetch in flight. */
export type ConfigSource = Config | string | Promise<Response>
