/**
 * A split's paths (a weight and a step each) or a branch's cases (a query and a step each, then
 * where the rest go), edited one field at a time: each change is an edit of that field alone.
 */
import type { Step } from '../../../config/types.js'
import type { JsonPath } from './draft.js'
import { Fieldset, JsonField, SelectField, TextField, type Choice } from './fields.js'
import type { Placed } from './problems-by-box.js'

export interface StepOptionsProps {
  action: 'split' | 'branch'
  step: Step
  /** The steps an option may go to. */
  others: Choice[]
  field(key: string): Placed[]
  /** Sets (or, with undefined, removes) what `path` names under the step. */
  edit(path: JsonPath, value: unknown): void
  setElse(value: string): void
}

export function StepOptions({ action, step, others, field, edit, setElse }: StepOptionsProps) {
  const options = Array.isArray(step[action]) ? (step[action] as Array<Record<string, unknown>>) : []
  const noun = action === 'split' ? 'Path' : 'Case'
  return (
    <Fieldset legend={action === 'split' ? 'Paths (sticky per visitor)' : 'Cases (the first that holds)'}>
      {options.map((option, k) => (
        <div class="option" key={k}>
          {action === 'split' ? (
            <TextField
              label={`Path ${k + 1}: weight`}
              type="number"
              value={String(option.weight ?? '')}
              problems={field(`split[${k}].weight`)}
              commit={(value) => edit([action, k, 'weight'], value === '' ? undefined : Number(value))}
            />
          ) : (
            <JsonField
              label={`Case ${k + 1}: if (query)`}
              value={option.if}
              problems={field(`branch[${k}].if`)}
              commit={(value) => edit([action, k, 'if'], value ?? {})}
            />
          )}
          <SelectField
            label={`${noun} ${k + 1}: go to`}
            value={String(option.goto ?? '')}
            problems={field(`${action}[${k}].goto`)}
            choices={others}
            commit={(value) => edit([action, k, 'goto'], value)}
          />
          <button type="button" disabled={options.length < 2} onClick={() => edit([action, k], undefined)}>
            Remove {noun.toLowerCase()} {k + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => {
          const goto = others[0]?.value ?? ''
          edit([action, options.length], action === 'split' ? { weight: 50, goto } : { if: {}, goto })
        }}
      >
        Add a {noun.toLowerCase()}
      </button>
      {action === 'branch' && (
        <SelectField
          label="Otherwise go to"
          value={step.else ?? ''}
          problems={field('else')}
          choices={[{ value: '', label: '(the next step)' }, ...others]}
          commit={setElse}
        />
      )}
    </Fieldset>
  )
}
