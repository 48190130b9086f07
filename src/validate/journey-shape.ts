import type { Shape } from './shape.js'
import { rule } from './shape.js'

/**
 * `segments` and `journeys` (contract §8), described as data like the rest of the config
 * (validate/shape.ts): the journeys chunk walks them, and the JSON Schema is generated from them.
 * What a description cannot say (step names, the flow between steps, the facts a query names)
 * is checked in validate/journey-steps.ts and validate/journey-facts.ts.
 */

// The rule's description already says what a trigger, a schedule and the track and set actions
// are. Read from it, not exported piece by piece: each export costs the start chunk bytes.
const { on, percent, seconds, selector, if: query, track: eventName, set, push: pushAction, schedule } = rule.props
const { weekly, timezone } = schedule.props
const triggerProps = { on, percent, seconds, selector, if: query }
const string: Shape = { type: 'string' }
const duration: Shape = { format: 'duration' }
const stepName: Shape = { type: 'string' }

/** A journey's entry, exit or goal: a trigger, required, with its conditions. */
export const trigger: Shape = { type: 'object', warnUnknown: true, required: ['on'], props: { $comment: string, ...triggerProps } }

export const step: Shape = {
  type: 'object',
  warnUnknown: true,
  required: ['id'],
  props: {
    $comment: string,
    id: { type: 'string', pattern: '\\S', message: 'required' },
    // the guard: a step without `on` acts at once
    ...triggerProps,
    on: { ...triggerProps.on, optional: true },
    within: duration,
    else: stepName,
    show: { type: 'string', check: 'itemId', optional: true },
    track: eventName,
    set,
    wait: {
      message: 'wait',
      oneOf: [
        { type: 'string', format: 'duration' },
        { type: 'object', warnUnknown: true, required: ['weekly'], props: { weekly, timezone } },
      ],
    },
    split: {
      type: 'array',
      minItems: 1,
      message: 'options',
      items: {
        type: 'object',
        warnUnknown: true,
        required: ['weight', 'goto'],
        props: { weight: { type: 'number', above: 0, message: 'notPositive' }, goto: stepName },
      },
    },
    branch: {
      type: 'array',
      minItems: 1,
      message: 'options',
      items: { type: 'object', warnUnknown: true, required: ['if', 'goto'], props: { if: query, goto: stepName } },
    },
    exit: { enum: [true], message: 'isTrue' },
    push: pushAction,
    goto: stepName,
  },
}

export const journey: Shape = {
  type: 'object',
  warnUnknown: true,
  required: ['steps'],
  props: {
    $comment: string,
    entry: trigger,
    exit: { type: 'array', items: trigger },
    goal: { ...trigger, props: { ...trigger.props, within: duration } },
    reentry: {
      message: 'reentry',
      oneOf: [
        { enum: ['never', 'after-exit'], message: 'reentry' },
        { type: 'object', warnUnknown: true, required: ['after'], props: { after: duration } },
      ],
    },
    holdout: { type: 'number', min: 0, max: 100, message: 'percent' },
    schedule,
    steps: { type: 'array', minItems: 1, maxItems: 1000, items: step, message: 'steps' },
  },
}

export const segment: Shape = { type: 'object', warnUnknown: true, required: ['if'], props: { $comment: string, if: query } }

export const segmentsShape: Shape = { type: 'object', maxEntries: 500, values: segment }
export const journeysShape: Shape = { type: 'object', maxEntries: 500, values: journey }
