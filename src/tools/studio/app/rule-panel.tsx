/**
 * The side panel for one rule: its id, trigger (and the trigger's parameter), conditions, action
 * (or A/B variants: an item and a weight each), frequency, start and end dates, weekly windows with
 * their time zone, delay and stage, and the buttons that move and
 * delete it. Every field writes through rule-edits.ts; the validator's problems show under the
 * field they name.
 */
import type { Ref } from 'preact'
import type { Rule } from '../../../config/types.js'
import { triggerParameters } from '../../../config/trigger-names.js'
import { stages } from '../../../rules/stages.js'
import { ConditionBuilder } from './condition-builder.js'
import { change, type Edit } from './draft.js'
import { Fieldset, JsonField, SelectField, TextField } from './fields.js'
import type { Placed } from './problems-by-box.js'
import {
  actionOfRule,
  addVariant,
  addWindow,
  deleteRule,
  frequencyKind,
  moveRule,
  problemsOfField,
  removeVariant,
  removeWindow,
  ruleActions,
  rulePath,
  rulePlace,
  setAction,
  setDate,
  setFrequency,
  setRuleField,
  setTrigger,
  toggleDay,
  variantsOf,
  weekdays,
  windowsOf,
  type FrequencyKind,
  type RuleAction,
} from './rule-edits.js'

export interface RulePanelProps {
  config: unknown
  rule: Partial<Rule>
  index: number
  count: number
  items: string[]
  problems: Placed[]
  headingRef: Ref<HTMLHeadingElement>
  /** One group of edits (one undo); `select` the rule to show after it (null: none). */
  commit(edits: Edit[], select?: number | null): void
}

const parameterLabels = { percent: 'Percent scrolled', seconds: 'Seconds', selector: 'CSS selector clicked' } as const
const actionLabels: Record<RuleAction, string> = { show: 'show an item', track: 'track an event', set: 'set the stage', variants: 'show A/B variants' }
const frequencyLabels: Record<FrequencyKind, string> = { always: 'every time', once: 'once', session: 'once a visit', limit: 'at most … per …' }
const dayNames = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' } as const

const numberOr = (text: string): unknown => (text === '' ? undefined : Number.isFinite(Number(text)) ? Number(text) : text)

export function RulePanel(props: RulePanelProps) {
  const { config, rule, index, items } = props
  const field = (name: string) => problemsOfField(props.problems, name)
  const set = (name: string, value: unknown) => props.commit(setRuleField(config, index, name, value))
  const setAt = (path: Array<string | number>, value: unknown) => props.commit(change(config, rulePath(index, ...path), value))
  const parameter = rule.on ? (triggerParameters as Record<string, keyof typeof parameterLabels>)[rule.on] : undefined
  const action = actionOfRule(rule)
  const frequency = frequencyKind(rule.frequency)
  const limit = typeof rule.frequency === 'object' ? rule.frequency : null
  const windows = windowsOf(rule)
  const timezone = rule.schedule?.timezone

  return (
    <section class="panel-section" aria-labelledby="rule-title">
      <h2 id="rule-title" tabIndex={-1} ref={props.headingRef}>
        Rule {rule.id || `#${index + 1}`}
      </h2>
      {props.problems
        .filter((problem) => rulePlace(problem.path)?.field === '')
        .map((problem) => (
          <p class="field-error" key={problem.message}>
            <code>{problem.path}</code>: {problem.message}
          </p>
        ))}
      <div class="step-actions">
        <button type="button" disabled={index === 0} onClick={() => props.commit(moveRule(config, index, -1), index - 1)}>
          Move up
        </button>
        <button type="button" disabled={index === props.count - 1} onClick={() => props.commit(moveRule(config, index, 1), index + 1)}>
          Move down
        </button>
        <button type="button" class="danger" onClick={() => props.commit(deleteRule(index), null)}>
          Delete rule
        </button>
      </div>
      <TextField label="Rule id" value={rule.id ?? ''} problems={field('id')} commit={(value) => set('id', value)} />
      <TextField
        label="Trigger"
        hint="A built-in trigger (exit_intent, scroll…) or the name of an event you track."
        list="studio-triggers"
        value={rule.on ?? ''}
        problems={field('on')}
        commit={(value) => props.commit(setTrigger(config, index, value))}
      />
      {parameter && (
        <TextField
          label={parameterLabels[parameter]}
          type={parameter === 'selector' ? 'text' : 'number'}
          value={rule[parameter] === undefined ? '' : String(rule[parameter])}
          problems={field(parameter)}
          commit={(value) => set(parameter, parameter === 'selector' ? value || undefined : numberOr(value))}
        />
      )}
      <ConditionBuilder legend="Conditions" value={rule.if} problems={field('if')} commit={(query) => set('if', query)} />
      <Fieldset legend="Then">
        <SelectField
          label="Action"
          value={action ?? ''}
          choices={[...(action ? [] : [{ value: '', label: 'nothing yet' }]), ...ruleActions.map((value) => ({ value, label: actionLabels[value] }))]}
          commit={(value) => value && props.commit(setAction(config, index, value as RuleAction, items))}
        />
        {action === 'show' && (
          <SelectField
            label="Item"
            value={String(rule.show)}
            choices={items.map((item) => ({ value: item, label: item }))}
            problems={field('show')}
            commit={(value) => set('show', value)}
          />
        )}
        {action === 'track' && <TextField label="Event tracked" value={String(rule.track)} problems={field('track')} commit={(value) => set('track', value)} />}
        {action === 'set' &&
          (Object.keys(rule.set ?? {}).every((key) => key === 'stage') ? (
            <SelectField
              label="Stage set"
              value={String(rule.set?.stage ?? '')}
              choices={stages.map((stage) => ({ value: stage, label: stage }))}
              problems={field('set')}
              commit={(value) => set('set', { stage: value })}
            />
          ) : (
            <JsonField label="Set (JSON: the stage and traits)" value={rule.set} problems={field('set')} commit={(value) => set('set', value)} />
          ))}
        {action === 'variants' && (
          <>
            <p class="hint">Each visitor gets one, kept for good: the weights are their shares.</p>
            {variantsOf(rule).map((variant, v) => (
              <fieldset key={v}>
                <legend>Variant {v + 1}</legend>
                <SelectField
                  label={`Variant ${v + 1} item`}
                  value={String(variant.show ?? '')}
                  choices={items.map((item) => ({ value: item, label: item }))}
                  problems={field(`variants[${v}].show`)}
                  commit={(value) => setAt(['variants', v, 'show'], value)}
                />
                <TextField
                  label={`Variant ${v + 1} weight`}
                  type="number"
                  value={String(variant.weight ?? '')}
                  problems={field(`variants[${v}].weight`)}
                  commit={(value) => setAt(['variants', v, 'weight'], numberOr(value))}
                />
                <button type="button" disabled={rule.variants?.length === 1} onClick={() => props.commit(removeVariant(config, index, v))}>
                  Remove variant {v + 1}
                </button>
              </fieldset>
            ))}
            <button type="button" onClick={() => props.commit(addVariant(config, index, items))}>
              Add a variant
            </button>
          </>
        )}
      </Fieldset>
      <Fieldset legend="How often">
        <SelectField
          label="Frequency"
          value={frequency}
          choices={(Object.keys(frequencyLabels) as FrequencyKind[]).map((value) => ({ value, label: frequencyLabels[value] }))}
          problems={frequency === 'limit' ? [] : field('frequency')}
          commit={(value) => props.commit(setFrequency(config, index, value as FrequencyKind))}
        />
        {limit && (
          <>
            <TextField
              label="At most (times)"
              type="number"
              value={String(limit.limit ?? '')}
              problems={field('frequency.limit')}
              commit={(value) => setAt(['frequency', 'limit'], numberOr(value))}
            />
            <TextField label="Per (1h, 7d)" value={limit.per ?? ''} problems={field('frequency.per')} commit={(value) => setAt(['frequency', 'per'], value)} />
          </>
        )}
      </Fieldset>
      <Fieldset legend="When">
        {(['start', 'end'] as const).map((edge) => (
          <TextField
            key={edge}
            label={edge === 'start' ? 'Starts on' : 'Ends on'}
            placeholder={edge === 'start' ? '2026-12-01' : '2027-01-31'}
            value={rule.schedule?.[edge] ?? ''}
            problems={field(`schedule.${edge}`)}
            commit={(value) => props.commit(setDate(config, index, edge, value))}
          />
        ))}
        {!windows.length && <p class="hint">No weekly windows: any day, any time.</p>}
        {windows.map((window, w) => (
          <fieldset key={w}>
            <legend>Window {w + 1}</legend>
            <div class="days">
              {weekdays.map((day) => (
                <label key={day} class="check">
                  <input type="checkbox" checked={window.days?.includes(day)} onChange={() => props.commit(toggleDay(config, index, w, day))} /> {dayNames[day]}
                </label>
              ))}
            </div>
            <TextField
              label="From"
              placeholder="08:00"
              value={window.from ?? ''}
              problems={field(`schedule.weekly[${w}].from`)}
              commit={(value) => setAt(['schedule', 'weekly', w, 'from'], value || undefined)}
            />
            <TextField
              label="To"
              placeholder="20:00"
              value={window.to ?? ''}
              problems={field(`schedule.weekly[${w}].to`)}
              commit={(value) => setAt(['schedule', 'weekly', w, 'to'], value || undefined)}
            />
            {field(`schedule.weekly[${w}].days`).map((problem) => (
              <p class="field-error" key={problem.message}>
                <code>{problem.path}</code>: {problem.message}
              </p>
            ))}
            <button type="button" onClick={() => props.commit(removeWindow(config, index, w))}>
              Remove window {w + 1}
            </button>
          </fieldset>
        ))}
        <button type="button" onClick={() => props.commit(addWindow(config, index))}>
          Add a weekly window
        </button>
        {(windows.length > 0 || timezone !== undefined) && (
          <TextField
            label="Time zone"
            hint="The windows' clock (empty: the visitor's own)."
            list="studio-timezones"
            placeholder="Europe/Belgrade"
            value={timezone ?? ''}
            problems={field('schedule.timezone')}
            commit={(value) => setAt(['schedule', 'timezone'], value || undefined)}
          />
        )}
      </Fieldset>
      <TextField label="Delay (3s)" value={rule.delay ?? ''} problems={field('delay')} commit={(value) => set('delay', value || undefined)} />
      <SelectField
        label="Moves the visitor to stage"
        value={rule.stage ?? ''}
        choices={[{ value: '', label: 'no stage' }, ...stages.map((stage) => ({ value: stage, label: stage }))]}
        problems={field('stage')}
        commit={(value) => set('stage', value || undefined)}
      />
    </section>
  )
}
