/**
 * What the studio's server and its app say to each other (types only: nothing here runs).
 * The app keeps the file as loaded plus a list of edits; the server applies the same edits to
 * the file's text, so what is written is what the app showed (draft.ts says what an edit does).
 */
import type { JsonSyntaxError } from '../json-error.js'

/** Where a value is in the config: object keys as strings, array indexes as numbers. */
export type JsonPath = Array<string | number>

/**
 * One change to the config, at a path relative to the file as loaded and the edits before it.
 *
 * @example { path: ['journeys', 'cart-rescue', 'steps', 1], value: { wait: '1h' }, insert: true }
 */
export interface Edit {
  path: JsonPath
  /** The value to put at `path` (objects on the way are created). */
  value?: unknown
  /** Remove the key or array element at `path` (later elements move up); nothing if not there. */
  remove?: true
  /** With `value` and a last path element that is an array index: insert before it (≤ length). */
  insert?: true
}

/** A problem or warning of the validator, at its JSON path (`journeys.a.steps[1].goto`; a key with a dot is not told apart). */
export interface PathMessage {
  path: string
  message: string
}

/** GET /api/file, and the state a save answers with. */
export interface FileState {
  /** The file's name, without its folder. */
  file: string
  /** The file's text ("" when missing). */
  text: string
  /** sha256 of `text` (hex): a save's `baseHash`. */
  hash: string
  /** The parsed config; null when missing, empty, not JSON, or not an object. */
  config: Record<string, unknown> | null
  /** Where the text stops being JSON. The studio then edits nothing. */
  jsonError: JsonSyntaxError | null
  problems: PathMessage[]
  warnings: PathMessage[]
  /** There is no file yet: the first save creates it. */
  missing?: true
}

/** POST /api/save. */
export interface SaveRequest {
  /** The `hash` of the state the edits were made on. */
  baseHash: string
  edits: Edit[]
  /** Write it sealed, as `journeykit build` does. */
  seal?: boolean
  /** Seal even with warnings (`journeykit build --allow-warnings`). */
  allowWarnings?: boolean
}

/**
 * A refused save. 409: the file changed on disk (`state` is the file now). 422: the result
 * has problems (or warnings, when sealing), or the file is not JSON; 400: the request itself is
 * malformed (an edit whose path does not fit the config). The file is left as it was.
 */
export interface SaveRefusal {
  error: string
  state?: FileState
  problems?: PathMessage[]
  warnings?: PathMessage[]
}

/** A file a template is taken from: its journey, and the items and segments it may name. */
export interface TemplateSource {
  items?: Record<string, unknown>
  segments?: Record<string, unknown>
  journeys: Record<string, unknown>
}

/** GET /api/templates answers a list of these: the journeys a new one can start from. */
export interface Template {
  /** What the form's list says. */
  label: string
  /** The journey's id in its file. */
  journey: string
  source: TemplateSource
}

/** POST /api/try: a made-up visitor through one journey of the draft (nothing is read or written). */
export interface TryRequest {
  /** The draft: the file as loaded with the app's edits on it. */
  config: Record<string, unknown>
  journey: string
  /** An ISO time: what the first `+0m` counts from. */
  start: string
  /** As the owner typed them: a time (`+2h` or ISO), an event ("" for time passing), facts as JSON or "". */
  rows: Array<{ at: string; event: string; facts: string }>
}

/** 200 to a try; otherwise `{ error }` (422: a row or the start cannot be read, or the journey cannot be run). */
export interface TryAnswer {
  /** The narration, call by call, then where the visitor is. */
  lines: string[]
  /** Canvas boxes (`@entry`, `step:<id>`…) passed, and the one the visitor is at or ended in. */
  path: { visited: string[]; here: string | null }
}
