import type { MessageCode } from './messages.js'
import { stages } from '../rules/stages.js'

/**
 * The config's shape, described once as plain data (contract §4). The validator walks it
 * (validate/walk.ts) and the JSON Schema editors read is generated from it at build time
 * (tools/schema.ts, scripts/schema.mjs), so the two cannot drift apart.
 *
 * What a description cannot say is a `format` (a named check on a string: URL schemes, time
 * zones, durations…) or a `check` (a named function of the value and its parent: triggers,
 * queries, item ids, rule ids); both live in validate/checks.ts. A node that fails says its
 * `message`, or the one its type or enum implies ("must be a string", "must be one of …").
 *
 * Plain objects on purpose: gzip already removes their repeated keys. A terse notation parsed
 * when the validator loads ("string message:required", tuples for objects) was measured on this
 * whole description and validate/journey-shape.ts: the data shrank ~40 B in config-check.js (~130 B
 * even with one-letter sigils) and its parser cost ~240 B, so the chunk grew by ~210 B.
 */
export interface Shape {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean'
  enum?: readonly unknown[]
  /** numbers: inclusive bounds, and an exclusive lower one */
  min?: number
  max?: number
  above?: number
  /** strings: a pattern valid both as a JavaScript RegExp and in a JSON Schema */
  pattern?: string
  format?: Format
  /** A special check that replaces the walk here; it also runs for a missing value, unless `optional`. */
  check?: Check
  optional?: boolean
  /** objects: known keys in the order they are checked; unknown keys warn when `warnUnknown` */
  props?: Record<string, Shape>
  required?: readonly string[]
  /** a key required when another key has this value: `{ asset: ['kind', 'asset'] }` */
  requiredWhen?: Record<string, readonly [string, unknown]>
  warnUnknown?: boolean
  /** objects used as maps: every key, every value */
  keys?: Shape
  values?: Shape
  /** arrays: every entry; `maxItems` (and a map's `maxEntries`) refuse larger ones whole */
  items?: Shape
  minItems?: number
  maxItems?: number
  maxEntries?: number
  /** the first alternative whose JSON type matches the value's */
  oneOf?: readonly Shape[]
  message?: MessageCode
}

export type Format = 'url' | 'image' | 'origin' | 'duration' | 'pushDelay' | 'date' | 'instant' | 'timezone'
export type Check = 'ruleId' | 'trigger' | 'triggerParameter' | 'query' | 'action' | 'itemId'

const string: Shape = { type: 'string' }
const duration: Shape = { format: 'duration' }
const url: Shape = { format: 'url' }
const stage: Shape = { enum: stages }
const clockTime: Shape = { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$', message: 'time' }
// A plain CSS value: no url(), no escapes, nothing that ends a declaration.
const cssValue: Shape = { type: 'string', pattern: `^(?!.*[Uu][Rr][Ll]\\()[\\w\\s#%.,()'"-]{1,100}$`, message: 'cssValue' }
const count: Shape = { type: 'integer', min: 0, message: 'count' }

const item: Shape = {
  type: 'object',
  warnUnknown: true,
  required: ['kind', 'style', 'title'],
  requiredWhen: { asset: ['kind', 'asset'] },
  props: {
    $comment: string,
    kind: { enum: ['focus', 'asset', 'push'] },
    style: { enum: ['modal', 'bar', 'slidein', 'notification'] },
    title: { type: 'string', message: 'required' },
    body: string,
    code: string,
    dismissLabel: string,
    cta: { type: 'object', required: ['label', 'url'], props: { label: string, url } },
    asset: { type: 'object', required: ['url'], props: { url, filename: string }, message: 'required' },
    gate: { enum: ['none', 'email'], message: 'gate' },
    form: {
      type: 'object',
      warnUnknown: true,
      props: {
        name: { type: 'boolean' },
        // a string is short for { text, required: true }
        consent: {
          message: 'consent',
          oneOf: [string, { type: 'object', warnUnknown: true, required: ['text'], props: { text: string, required: { type: 'boolean' } } }],
        },
        submitLabel: string,
        successMessage: string,
      },
    },
    image: { type: 'object', required: ['url', 'alt'], props: { url: { format: 'image' }, alt: { type: 'string', message: 'required' } } },
    countdown: { format: 'instant' },
    position: { enum: ['top', 'bottom', 'bottom-right', 'bottom-left'] },
  },
}

const eventName: Shape = { type: 'string', pattern: '^[A-Za-z][\\w.:-]{0,99}$', message: 'eventName' }

/** §8b: a web push to this visitor, sent by the collector side (a rule's or a journey step's action). */
const pushAction: Shape = {
  type: 'object',
  warnUnknown: true,
  required: ['title'],
  props: {
    title: { type: 'string', message: 'required' },
    body: string,
    icon: { format: 'image' },
    image: { format: 'image' },
    badge: { format: 'image' },
    tag: string,
    url,
    actions: {
      type: 'array',
      items: { type: 'object', warnUnknown: true, required: ['action', 'title'], props: { action: string, title: string, url } },
    },
    requireInteraction: { type: 'boolean' },
    after: { format: 'pushDelay' },
    cancelOn: { type: 'array', items: eventName },
  },
}

// Typed as written: validate/journey-shape.ts reuses its trigger, schedule and actions.
export const rule = {
  type: 'object',
  warnUnknown: true,
  required: ['id', 'on'],
  props: {
    $comment: string,
    id: { type: 'string', check: 'ruleId' },
    on: { type: 'string', check: 'trigger' },
    percent: { type: 'number', above: 0, max: 100, check: 'triggerParameter' },
    seconds: { type: 'number', above: 0, check: 'triggerParameter' },
    selector: { type: 'string', check: 'triggerParameter' },
    if: { type: 'object', check: 'query' },
    show: { type: 'string', check: 'action' },
    track: eventName,
    set: { type: 'object', props: { stage } },
    push: pushAction,
    variants: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['weight', 'show'],
        props: { weight: { type: 'number', above: 0, message: 'notPositive' }, id: string, show: { type: 'string', check: 'itemId' } },
      },
    },
    stage,
    frequency: {
      message: 'frequency',
      oneOf: [
        { enum: ['once', 'session'], message: 'frequency' },
        {
          type: 'object',
          required: ['limit', 'per'],
          props: { limit: { type: 'integer', min: 1, message: 'notPositive' }, per: duration },
        },
      ],
    },
    schedule: {
      type: 'object',
      props: {
        start: { format: 'date' },
        end: { format: 'date' },
        timezone: { format: 'timezone' },
        weekly: {
          type: 'array',
          items: {
            type: 'object',
            required: ['days'],
            props: { days: { type: 'array', items: { enum: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] } }, from: clockTime, to: clockTime },
          },
        },
      },
    },
    delay: duration,
    priority: { type: 'number' },
  },
} satisfies Shape

/** `journeykit.json`, keys in the order they are checked. */
export const configShape: Shape = {
  type: 'object',
  warnUnknown: true,
  required: ['version'],
  props: {
    $schema: string,
    $comment: string,
    /** Written by `npx journeykit build` (config/seal.ts). */
    $sealed: string,
    version: { enum: [1], message: 'version' },
    visitTimeout: duration,
    theme: {
      type: 'object',
      warnUnknown: true,
      props: { background: cssValue, text: cssValue, accent: cssValue, accentText: cssValue, font: cssValue, radius: cssValue },
    },
    limits: { type: 'object', warnUnknown: true, props: { perPage: count, perVisit: count } },
    collector: { type: 'object', warnUnknown: true, required: ['url'], props: { url, writeKey: string } },
    push: {
      type: 'object',
      warnUnknown: true,
      required: ['vapidPublicKey'],
      props: { vapidPublicKey: string, serviceWorker: string, scope: string, allowedOrigins: { type: 'array', items: { format: 'origin' } } },
    },
    privacy: { type: 'object', props: { respectGPC: { type: 'boolean' } } },
    items: { type: 'object', maxEntries: 500, values: item },
    stages: { type: 'object', keys: stage, values: { type: 'object', required: ['on'], props: { on: string } } },
    rules: { type: 'array', maxItems: 1000, items: rule },
    segments: { type: 'object' },
    journeys: { type: 'object' },
  },
}

/** Shapes the JSON Schema names under `definitions` (and refers to by `$ref`). */
export const namedShapes: Record<string, Shape> = { item, rule, stage, duration, url }
