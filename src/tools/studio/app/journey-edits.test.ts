import { describe, expect, it } from 'vitest'
import type { Step } from '../../../config/types.js'
import { validateConfig } from '../../../validate/validate.js'
import { applyEdits, type Edit } from './draft.js'
import {
  addStep,
  deleteStep,
  duplicateStep,
  freshStepId,
  moveStep,
  newJourney,
  renameStep,
  setAction,
  setExits,
  setJourneyField,
  setReentry,
  setStepField,
  setStepPath,
  stepsOf,
  journeyOf,
} from './journey-edits.js'

const context = { items: ['offer', 'bar'] }
const config = {
  version: 1,
  items: {
    offer: { kind: 'focus', style: 'modal', title: 'Wait' },
    bar: { kind: 'focus', style: 'bar', title: 'Hi' },
  },
  journeys: {
    j: {
      entry: { on: 'add_to_cart' },
      steps: [
        { id: 'pause', wait: '2h' },
        { id: 'watch', on: 'exit_intent', within: '3d', show: 'offer', else: 'mail', goto: 'done' },
        { id: 'mail', track: 'winback_requested' },
        { id: 'done', exit: true },
      ],
    },
  },
}
const ids = (after: unknown) => stepsOf(after, 'j').map((step) => step.id)
const run = (edits: Edit[]) => applyEdits(config, edits)
const step = (after: unknown, id: string) => stepsOf(after, 'j').find((s) => s.id === id)

describe('steps: add, delete, move, duplicate', () => {
  const rows: Array<[string, () => Edit[], string[]]> = [
    ['adds after a step, with a fresh id', () => addStep(config, 'j', 0, context).edits, ['pause', 'wait', 'watch', 'mail', 'done']],
    ['adds first (after the entry)', () => addStep(config, 'j', -1, context).edits, ['wait', 'pause', 'watch', 'mail', 'done']],
    ['adds at the end', () => addStep(config, 'j', 3, context).edits, ['pause', 'watch', 'mail', 'done', 'wait']],
    ['deletes', () => deleteStep('j', 2), ['pause', 'watch', 'done']],
    ['moves up', () => moveStep(config, 'j', 2, -1), ['pause', 'mail', 'watch', 'done']],
    ['moves down', () => moveStep(config, 'j', 0, 1), ['watch', 'pause', 'mail', 'done']],
    ['the first step does not move up', () => moveStep(config, 'j', 0, -1), ['pause', 'watch', 'mail', 'done']],
    ['the last step does not move down', () => moveStep(config, 'j', 3, 1), ['pause', 'watch', 'mail', 'done']],
    ['duplicates just after, with a fresh id', () => duplicateStep(config, 'j', 2).edits, ['pause', 'watch', 'mail', 'mail-copy', 'done']],
  ]
  it.each(rows)('%s', (_name, edits, expected) => expect(ids(run(edits()))).toEqual(expected))

  it('a new step is a one-hour wait, and the draft stays valid', () => {
    const after = run(addStep(config, 'j', 0, context).edits)
    expect(step(after, 'wait')).toEqual({ id: 'wait', wait: '1h' })
    expect(validateConfig(after).problems).toEqual([])
  })

  it('a step added mid-list is one insertion: the steps below are not rewritten in the file', () => {
    expect(addStep(config, 'j', 0, context).edits).toEqual([{ path: ['journeys', 'j', 'steps', 1], value: { id: 'wait', wait: '1h' }, insert: true }])
  })

  it('a step added on the arrow out of a goto takes the goto over', () => {
    const after = run(addStep(config, 'j', 1, context).edits)
    expect(step(after, 'watch')!.goto).toBeUndefined()
    expect(step(after, 'wait')).toEqual({ id: 'wait', wait: '1h', goto: 'done' })
    expect(validateConfig(after).problems).toEqual([])
  })

  it('a journey with no steps gets its first', () => {
    const empty = applyEdits(config, newJourney(config, 'k', 'page_view'))
    const { edits, id } = addStep(empty, 'k', -1, context)
    expect(stepsOf(applyEdits(empty, edits), 'k')).toEqual([{ id, wait: '1h' }])
  })

  it('deleting a step leaves the gotos that named it for the validator to show', () => {
    const after = run(deleteStep('j', 3))
    expect(validateConfig(after).problems.map((p) => p.path)).toEqual(['journeys.j.steps[1].goto'])
  })

  it('fresh ids count up past the ones taken', () => {
    const steps = [{ id: 'wait' }, { id: 'wait-2' }] as Step[]
    expect(freshStepId(steps, 'wait')).toBe('wait-3')
    expect(freshStepId(steps, 'show')).toBe('show')
  })
})

describe('a step’s action and guard', () => {
  const rows: Array<[string, string, Parameters<typeof setAction>[3], Step]> = [
    ['wait → show the first item', 'pause', 'show', { id: 'pause', show: 'offer' }],
    [
      'show → track (the event name left to the owner)',
      'watch',
      'track',
      { id: 'watch', on: 'exit_intent', within: '3d', else: 'mail', goto: 'done', track: '' },
    ],
    ['track → set', 'mail', 'set', { id: 'mail', set: { stage: 'retention' } }],
    ['track → push', 'mail', 'push', { id: 'mail', push: { title: 'New message' } }],
    ['exit → wait', 'done', 'wait', { id: 'done', wait: '1h' }],
    [
      'show → split to the next step (its goto goes)',
      'watch',
      'split',
      {
        id: 'watch',
        on: 'exit_intent',
        within: '3d',
        else: 'mail',
        split: [
          { weight: 50, goto: 'mail' },
          { weight: 50, goto: 'mail' },
        ],
      },
    ],
    ['track → branch', 'mail', 'branch', { id: 'mail', branch: [{ if: {}, goto: 'done' }] }],
    ['wait → exit', 'pause', 'exit', { id: 'pause', exit: true }],
  ]
  it.each(rows)('%s', (_name, id, action, expected) => {
    const index = ids(config).indexOf(id)
    expect(step(run(setAction(config, 'j', index, action, context)), id)).toEqual(expected)
  })

  it('picking the action a step has changes nothing', () => expect(setAction(config, 'j', 0, 'wait', context)).toEqual([]))

  const fields: Array<[string, number, string, unknown, Partial<Step>]> = [
    ['sets a guard', 0, 'on', 'page_view', { id: 'pause', wait: '2h', on: 'page_view' }],
    ['sets a goto', 2, 'goto', 'pause', { id: 'mail', track: 'winback_requested', goto: 'pause' }],
    ['"" removes a goto', 1, 'goto', '', { id: 'watch', on: 'exit_intent', within: '3d', show: 'offer', else: 'mail' }],
    ['removing `on` removes its within and else too', 1, 'on', undefined, { id: 'watch', show: 'offer', goto: 'done' }],
    ['sets a wait', 0, 'wait', '1d', { id: 'pause', wait: '1d' }],
  ]
  it.each(fields)('%s', (_name, index, key, value, expected) => {
    const after = run(setStepField(config, 'j', index, key, value))
    expect(stepsOf(after, 'j')[index]).toEqual(expected)
  })

  it('edits a split path by its own fields', () => {
    const split = applyEdits(config, setAction(config, 'j', 2, 'split', context))
    const edits = [...setStepPath(split, 'j', 2, ['split', 0, 'weight'], 70), ...setStepPath(split, 'j', 2, ['split', 1, 'weight'], 30)]
    expect(edits.map((edit) => edit.path)).toEqual([
      ['journeys', 'j', 'steps', 2, 'split', 0, 'weight'],
      ['journeys', 'j', 'steps', 2, 'split', 1, 'weight'],
    ])
    const weighted = applyEdits(split, edits)
    expect(step(weighted, 'mail')!.split!.map((option) => option.weight)).toEqual([70, 30])
    const removed = applyEdits(weighted, setStepPath(weighted, 'j', 2, ['split', 0], undefined))
    expect(step(removed, 'mail')!.split).toEqual([{ weight: 30, goto: 'done' }])
  })

  it('renaming a step renames every way to it', () => {
    const split = applyEdits(config, setAction(config, 'j', 2, 'split', context))
    const after = applyEdits(split, renameStep(split, 'j', 3, 'end'))
    expect(stepsOf(after, 'j')).toEqual([
      { id: 'pause', wait: '2h' },
      { id: 'watch', on: 'exit_intent', within: '3d', show: 'offer', else: 'mail', goto: 'end' },
      {
        id: 'mail',
        split: [
          { weight: 50, goto: 'end' },
          { weight: 50, goto: 'end' },
        ],
      },
      { id: 'end', exit: true },
    ])
    expect(validateConfig(after).problems).toEqual([])
  })
})

describe('the journey: new, entry, exit, goal, re-entry, holdout, schedule', () => {
  it('a new journey has its entry and no steps yet', () => {
    expect(journeyOf(run(newJourney(config, 'welcome', 'page_view')), 'welcome')).toEqual({ entry: { on: 'page_view' }, steps: [] })
    expect(journeyOf(run(newJourney(config, 'code', '')), 'code')).toEqual({ steps: [] })
    expect(newJourney(config, 'j', 'x')).toEqual([]) // taken
  })
  it('a file without journeys gets them', () => {
    const bare = { version: 1 }
    expect(applyEdits(bare, newJourney(bare, 'w', 'page_view'))).toEqual({ version: 1, journeys: { w: { entry: { on: 'page_view' }, steps: [] } } })
  })

  const rows: Array<[string, () => Edit[], Record<string, unknown>]> = [
    ['entry event', () => setJourneyField(config, 'j', ['entry', 'on'], 'page_view'), { entry: { on: 'page_view' } }],
    ['no entry event: entered only from code', () => setJourneyField(config, 'j', ['entry', 'on'], ''), {}],
    ['goal', () => setJourneyField(config, 'j', ['goal', 'on'], 'order_completed'), { entry: { on: 'add_to_cart' }, goal: { on: 'order_completed' } }],
    ['holdout', () => setJourneyField(config, 'j', ['holdout'], 10), { entry: { on: 'add_to_cart' }, holdout: 10 }],
    [
      'schedule start',
      () => setJourneyField(config, 'j', ['schedule', 'start'], '2026-12-01'),
      { entry: { on: 'add_to_cart' }, schedule: { start: '2026-12-01' } },
    ],
    [
      'exits',
      () => setExits(config, 'j', ['order_completed', 'unsubscribed']),
      { entry: { on: 'add_to_cart' }, exit: [{ on: 'order_completed' }, { on: 'unsubscribed' }] },
    ],
    ['re-entry after a time', () => setReentry(config, 'j', 'after', '30d'), { entry: { on: 'add_to_cart' }, reentry: { after: '30d' } }],
    ['re-entry after exit', () => setReentry(config, 'j', 'after-exit'), { entry: { on: 'add_to_cart' }, reentry: 'after-exit' }],
  ]
  it.each(rows)('%s', (_name, edits, expected) => {
    const { steps: _steps, ...rest } = journeyOf(run(edits()), 'j')
    expect(rest).toEqual(expected)
  })

  it('fields left empty go, with the objects they leave empty', () => {
    const set = applyEdits(config, [
      ...setJourneyField(config, 'j', ['schedule', 'start'], '2026-12-01'),
      ...setExits(config, 'j', ['x']),
      ...setReentry(config, 'j', 'after-exit'),
    ])
    const cleared = applyEdits(set, [...setJourneyField(set, 'j', ['schedule', 'start'], ''), ...setExits(set, 'j', []), ...setReentry(set, 'j', 'never')])
    expect(journeyOf(cleared, 'j')).toEqual(config.journeys.j)
  })
})
