import type { Check, Format, Shape } from '../validate/shape.js'
import { configShape, namedShapes, rule } from '../validate/shape.js'
import { builtInTriggers } from '../config/trigger-names.js'
import { journey, journeysShape, segment, segmentsShape, step, trigger } from '../validate/journey-shape.js'

type Schema = Record<string, unknown>

/**
 * The JSON Schema of `journeykit.json` (contract §1), generated from validate/shape.ts at build
 * time by scripts/schema.mjs. What editors show and the runtime does not need (descriptions,
 * defaults, examples) is added here, by path, so that it never ships in the runtime.
 */
export function toSchema(): Schema {
  const definitions = Object.fromEntries(Object.entries(named).map(([name, shape]) => [name, convert(shape, `#${name}`)]))
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://unpkg.com/journeykit/dist/journeykit.schema.json',
    title: 'journeykit.json',
    description: 'The journeykit config: where events go, the items to show, the rules that show them, and the journeys visitors walk.',
    ...convert(wholeConfig, ''),
    definitions,
  }
}

/** The runtime checks segments and journeys in a chunk of their own (validate/journey-shape.ts); the schema has them in place. */
const wholeConfig: Shape = { ...configShape, props: { ...configShape.props, segments: segmentsShape, journeys: journeysShape } }
const named: Record<string, Shape> = { ...namedShapes, schedule: rule.props.schedule, segment, journey, trigger, step, pushAction: rule.props.push }

/** Annotations for editors, by path (`#` for a named shape's own node). */
const notes: Record<string, Schema> = {
  $sealed: { description: 'Written by `npx journeykit build`: while it matches the config, the page skips the validator. Do not edit it by hand.' },
  'collector.url': { description: 'Where batches are POSTed (Segment batch shape).' },
  'push.serviceWorker': { default: '/journeykit-sw.js' },
  'push.allowedOrigins': {
    description: 'Other origins a notification click may open, each exactly an origin: "https://blog.example" (no path, no trailing slash).',
  },
  'privacy.respectGPC': { default: true },
  limits: { description: 'How many items rules may show (show() is not limited).' },
  'limits.perPage': { default: 2 },
  'limits.perVisit': { default: 5 },
  visitTimeout: { description: 'A visit ends after this long without activity.', default: '30m' },
  '#duration': { examples: ['3s', '1h', '7d'] },
  '#item.code': { description: 'A discount code shown with the item.' },
  '#item.form': { description: "Email capture: a focus item's form, or the fields of an asset's email gate." },
  '#item.form.name': { description: 'Ask for a name too.' },
  '#item.form.consent': {
    description:
      'A consent checkbox under the email field: its text (the visitor must tick it to send), or { "text", "required": false } for one they may leave unticked. lead_captured reports "consent" (ticked or not) and "consentText".',
  },
  '#item.form.consent|.required': { description: 'Whether the box must be ticked before the form is sent.', default: false },
  '#item.form.submitLabel': { description: "The submit button's text.", default: 'Send' },
  '#item.form.successMessage': {
    description: 'The thank-you shown once the email is accepted (with the download link, on a gated asset).',
    default: 'Thank you!',
  },
  '#item.dismissLabel': { description: 'A second button that closes the item, beside the Close button every item has: "No thanks", "Not now".' },
  '#item.countdown': { description: 'ISO time a countdown runs to.' },
  '#rule.on': { description: `${builtInTriggers.join(', ')}, or any tracked event name`, examples: [...builtInTriggers] },
  '#rule.if': { description: 'A MongoDB-style query over facts.' },
  segments: { description: 'Named conditions a visitor is in or out of: the fact "segment.<id>" is true or false.' },
  '#segment.if': { description: 'A MongoDB-style query over facts.' },
  journeys: { description: 'Multi-step paths a visitor walks across pages and visits.' },
  '#journey.entry': { description: 'Enters the journey on this trigger; without it, only journeykit.enter(id) does.' },
  '#journey.exit': { description: 'Triggers that end a run (reason "exit").' },
  '#journey.goal': { description: 'Ends a run (reason "goal") and counts it as converted.' },
  '#journey.reentry': {
    description: 'Whether a visitor may enter again: "never", "after-exit", or { "after": "30d" } since the last entry.',
    default: 'never',
  },
  '#journey.holdout': { description: 'Percent of entrants (sticky) who take no step: the control group.', default: 0 },
  '#journey.steps': { description: 'Run in list order; "goto" jumps to a step id.' },
  '#trigger.on': { description: `${builtInTriggers.join(', ')}, or any tracked event name`, examples: [...builtInTriggers] },
  '#step.on': { description: 'Waits for this trigger (and "if") before acting.' },
  '#step.within': { description: 'Bounds the wait for "on"; then "else", or the run exits (reason "timeout").' },
  '#step.else': { description: 'The step taken when "within" runs out, or when no branch option holds.' },
  '#step.wait': { description: 'A duration ("2h", "3d"), or { "weekly", "timezone" }: the run continues at the next opening.' },
  '#step.split': { description: "Sticky per visitor: each option's share of visitors by weight." },
  '#step.branch': { description: 'The first option whose "if" holds; else "else", or the next step.' },
  '#step.goto': { description: 'The step that follows (default: the next in the list).' },
  '#pushAction.after': { description: 'Send this long after the rule or step acted (default: at once), at most 30 days.' },
  '#pushAction.cancelOn': { description: 'Event names that cancel the push if they arrive first.' },
}

const formats: Record<Format, Schema> = {
  url: { $ref: '#/definitions/url' },
  image: { $ref: '#/definitions/url' },
  origin: { type: 'string', pattern: '^https?://[^/?#@\\s]+$' },
  duration: { $ref: '#/definitions/duration' },
  pushDelay: { $ref: '#/definitions/duration', description: 'At most 30 days.' },
  date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?$' },
  instant: { type: 'string' },
  timezone: { type: 'string', description: 'An IANA time zone, like "Europe/Belgrade".' },
}
/** What a named shape is, where the description only names its check. */
const namedFormats: Record<string, Schema> = {
  duration: { type: 'string', pattern: '^\\d+(\\.\\d+)?(ms|s|m|h|d|w)$' },
  url: { type: 'string', not: { pattern: '^\\s*(javascript|data|blob|vbscript):' } },
}
const checks: Partial<Record<Check, Schema>> = { ruleId: { minLength: 1 } }

function convert(shape: Shape, path: string, own = true): Schema {
  const name = Object.keys(named).find((key) => named[key] === shape)
  if (name && !(own && path === `#${name}`)) return { $ref: `#/definitions/${name}`, ...notes[path] }
  const at = (key: string) => (path ? `${path}.${key}` : key)
  const schema: Schema = {}
  if (name) Object.assign(schema, namedFormats[name])
  else if (shape.format) Object.assign(schema, formats[shape.format])
  if (shape.type) schema.type = shape.type
  if (shape.enum) Object.assign(schema, shape.enum.length === 1 ? { const: shape.enum[0] } : { enum: shape.enum })
  if (shape.check) Object.assign(schema, checks[shape.check])
  if (shape.pattern) schema.pattern = shape.pattern
  if (shape.min !== undefined) schema.minimum = shape.min
  if (shape.above !== undefined) schema.exclusiveMinimum = shape.above
  if (shape.max !== undefined) schema.maximum = shape.max
  if (shape.minItems !== undefined) schema.minItems = shape.minItems
  if (shape.maxItems !== undefined) schema.maxItems = shape.maxItems
  if (shape.maxEntries !== undefined) schema.maxProperties = shape.maxEntries
  if (shape.items) schema.items = convert(shape.items, `${path}[]`, false)
  // the node's notes are said once, on the node, not again on each alternative
  if (shape.oneOf) schema.oneOf = shape.oneOf.map((alternative) => convert(alternative, `${path}|`, false))
  if (shape.required) schema.required = shape.required
  if (shape.props) {
    schema.properties = Object.fromEntries(Object.entries(shape.props).map(([key, child]) => [key, convert(child, at(key), false)]))
  }
  if (shape.requiredWhen) {
    schema.allOf = Object.entries(shape.requiredWhen).map(([key, [other, value]]) => ({
      if: { properties: { [other]: { const: value } }, required: [other] },
      then: { required: [key] },
    }))
  }
  if (shape.keys) schema.propertyNames = convert(shape.keys, `${path}{}`, false)
  if (shape.values) schema.additionalProperties = convert(shape.values, `${path}{}`, false)
  const note = notes[path] ?? {}
  // a description reads best first
  return { ...(note.description ? { description: note.description } : {}), ...schema, ...note }
}
