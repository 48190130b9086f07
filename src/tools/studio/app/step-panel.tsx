/**
 * The side panel for one step: its id, its action and what the action needs, its guard (`on`,
 * `if`, `within`, `else`), where it goes next, and the buttons that move, copy and delete it.
 * Every field writes through journey-edits.ts; the validator's problems show under the field
 * they name.
 */
import type { Ref } from 'preact'
import type { Step } from '../../../config/types.js'
import { actionOf, stepWords } from '../../map/flow.js'
import { triggerParameters } from '../../../config/trigger-names.js'
import { stages } from '../../../rules/stages.js'
import type { Edit } from './draft.js'
import { Fieldset, JsonField, SelectField, TextField, type Choice } from './fields.js'
import { StepOptions } from './step-options.js'
import { ConditionBuilder } from './condition-builder.js'
import { WaitField } from './wait-field.js'
import {
  deleteStep,
  duplicateStep,
  moveStep,
  renameStep,
  setAction,
  setStepField,
  setStepPath,
  stepActions,
  type EditContext,
  type StepAction,
} from './journey-edits.js'
import type { Placed } from './problems-by-box.js'

export interface StepPanelProps {
  config: unknown
  journeyId: string
  steps: Step[]
  index: number
  problems: Placed[]
  context: EditContext
  headingRef: Ref<HTMLHeadingElement>
  /** One group of edits (one undo); `select` names the step to show after it, `focus` the box to focus. */
  commit(edits: Edit[], after?: { select?: string | null; focus?: string }): void
  pick(field: 'goto' | 'else'): void
}

const actionLabels: Record<StepAction, string> = {
  show: 'show an item',
  track: 'track an event',
  set: 'set the stage or traits',
  wait: 'wait',
  split: 'split visitors at random',
  branch: 'branch on conditions',
  exit: 'end the run',
  push: 'send a web push',
}

const parameterLabels = { percent: 'Percent scrolled', seconds: 'Seconds', selector: 'CSS selector clicked' } as const
const known = ['id', 'on', 'if', 'within', 'else', 'goto', 'percent', 'seconds', 'selector', ...stepActions]

export function StepPanel(props: StepPanelProps) {
  const { config, journeyId, steps, index, context } = props
  const step = steps[index]!
  const action = actionOf(step)
  const field = (key: string) =>
    props.problems.filter((problem) => {
      const name = problem.place?.field ?? ''
      return name === key || name.startsWith(`${key}.`) || name.startsWith(`${key}[`)
    })
  const general = props.problems.filter((problem) => !known.some((key) => field(key).includes(problem)))
  const set = (key: string, value: unknown) => props.commit(setStepField(config, journeyId, index, key, value))
  const others: Choice[] = steps.filter((_, i) => i !== index).map((other) => ({ value: other.id, label: other.id }))
  const parameter = step.on ? triggerParameters[step.on as keyof typeof triggerParameters] : undefined

  return (
    <section class="panel-section" aria-labelledby="panel-title">
      <h2 id="panel-title" tabIndex={-1} ref={props.headingRef}>
        Step {step.id}
      </h2>
      <p class="words">{safeWords(step)}</p>
      {general.length > 0 && (
        <ul class="field-problems">
          {general.map((problem) => (
            <li key={problem.path + problem.message}>
              <code>{problem.path}</code>: {problem.message}
            </li>
          ))}
        </ul>
      )}
      <TextField
        label="Step id"
        value={step.id}
        problems={field('id')}
        hint="Renaming it renames every way to it."
        commit={(id) => props.commit(renameStep(config, journeyId, index, id), { select: id })}
      />
      <SelectField
        label="Action"
        value={action}
        choices={stepActions.map((value) => ({ value, label: actionLabels[value] }))}
        commit={(value) => props.commit(setAction(config, journeyId, index, value as StepAction, context))}
      />
      {action === 'show' && (
        <SelectField
          label="Item to show"
          value={String(step.show ?? '')}
          problems={field('show')}
          choices={context.items.map((item) => ({ value: item, label: item }))}
          commit={(value) => set('show', value)}
        />
      )}
      {action === 'track' && (
        <TextField
          label="Event to track"
          value={String(step.track ?? '')}
          problems={field('track')}
          placeholder="winback_requested"
          commit={(value) => set('track', value)}
        />
      )}
      {action === 'set' && (
        <>
          <SelectField
            label="Stage"
            value={String(step.set?.stage ?? '')}
            problems={field('set.stage')}
            choices={[{ value: '', label: '(leave the stage)' }, ...stages.map((stage) => ({ value: stage, label: stage }))]}
            commit={(value) => set('set', { ...step.set, stage: value || undefined })}
          />
          <JsonField
            label="Traits (JSON)"
            value={withoutStage(step.set)}
            problems={field('set').filter((problem) => !field('set.stage').includes(problem))}
            hint='Like {"winback": true}'
            commit={(value) => set('set', { ...(step.set?.stage && { stage: step.set.stage }), ...(value as object) })}
          />
        </>
      )}
      {action === 'wait' && <WaitField wait={step.wait} problems={field('wait')} commit={(value) => set('wait', value)} />}
      {action === 'push' && (
        <Fieldset legend="Web push">
          {(['title', 'body', 'url', 'after'] as const).map((key) => (
            <TextField
              key={key}
              label={{ title: 'Title', body: 'Text', url: 'Opens (URL)', after: 'Sent after (duration)' }[key]}
              value={String(step.push?.[key] ?? '')}
              problems={field(`push.${key}`)}
              commit={(value) => set('push', { ...step.push, [key]: value || undefined })}
            />
          ))}
        </Fieldset>
      )}
      {(action === 'split' || action === 'branch') && (
        <StepOptions
          action={action}
          step={step}
          others={others}
          field={field}
          edit={(path, value) => props.commit(setStepPath(config, journeyId, index, path, value))}
          setElse={(value) => set('else', value)}
        />
      )}

      <Fieldset legend="Wait for a trigger first (optional)">
        <TextField
          label="On"
          value={step.on ?? ''}
          list="studio-triggers"
          problems={field('on')}
          hint="A trigger or an event name; empty: the step acts at once."
          commit={(value) => set('on', value)}
        />
        {parameter && (
          <TextField
            label={parameterLabels[parameter]}
            type={parameter === 'selector' ? 'text' : 'number'}
            value={String(step[parameter] ?? '')}
            problems={field(parameter)}
            commit={(value) => set(parameter, parameter === 'selector' || value === '' ? value : Number(value))}
          />
        )}
        {step.on && (
          <>
            <ConditionBuilder legend="Only if" value={step.if} problems={field('if')} commit={(value) => set('if', value)} />
            <TextField
              label="Within"
              value={step.within ?? ''}
              problems={field('within')}
              hint="How long to wait for it: 3d. Empty: no limit."
              commit={(value) => set('within', value)}
            />
          </>
        )}
        {step.on && step.within && action !== 'branch' && (
          <div class="target">
            <SelectField
              label="Else, when the time runs out, go to"
              value={step.else ?? ''}
              problems={field('else')}
              choices={[{ value: '', label: '(end the run: timeout)' }, ...others]}
              commit={(value) => set('else', value)}
            />
            <button type="button" onClick={() => props.pick('else')}>
              Pick the else step on the canvas
            </button>
          </div>
        )}
      </Fieldset>

      {action !== 'split' && action !== 'branch' && action !== 'exit' && (
        <div class="target">
          <SelectField
            label="Then go to"
            value={step.goto ?? ''}
            problems={field('goto')}
            choices={[{ value: '', label: '(the next step)' }, ...others]}
            commit={(value) => set('goto', value)}
          />
          <button type="button" onClick={() => props.pick('goto')}>
            Pick the next step on the canvas
          </button>
        </div>
      )}

      <div class="step-actions" role="group" aria-label="Step">
        <button type="button" disabled={index === 0} onClick={() => props.commit(moveStep(config, journeyId, index, -1))}>
          Move up
        </button>
        <button type="button" disabled={index === steps.length - 1} onClick={() => props.commit(moveStep(config, journeyId, index, 1))}>
          Move down
        </button>
        <button
          type="button"
          onClick={() => {
            const { edits, id } = duplicateStep(config, journeyId, index)
            props.commit(edits, { select: id })
          }}
        >
          Duplicate
        </button>
        <button
          type="button"
          class="danger"
          onClick={() => props.commit(deleteStep(journeyId, index), { select: null, focus: steps[index - 1] ? `step:${steps[index - 1]!.id}` : '@entry' })}
        >
          Delete step
        </button>
      </div>
    </section>
  )
}

function safeWords(step: Step): string {
  try {
    return stepWords(step)
  } catch {
    return ''
  }
}

function withoutStage(set: Step['set']): Record<string, unknown> | undefined {
  if (!set) return undefined
  const { stage: _stage, ...traits } = set
  return Object.keys(traits).length ? traits : undefined
}
