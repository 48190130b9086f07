/**
 * The side panel's fields: a label, the control, and the validator's problems for that field
 * (with their JSON paths) tied to it by aria-describedby, so a screen reader reads them with it.
 * Text fields commit on `change` (leaving the field, or Enter): one edit, one undo, per field.
 */
import type { ComponentChildren } from 'preact'
import { useEffect, useId, useState } from 'preact/hooks'
import type { Placed } from './problems-by-box.js'

interface FieldProps {
  label: string
  problems?: Placed[] | undefined
  hint?: string
}

function FieldProblems({ id, problems }: { id: string; problems: Placed[] }) {
  if (!problems.length) return null
  return (
    <ul class="field-problems" id={id}>
      {problems.map((problem) => (
        <li key={problem.path + problem.message}>
          <code>{problem.path}</code>: {problem.message}
        </li>
      ))}
    </ul>
  )
}

/** The ids and attributes that tie a control to its hint and problems. */
function useDescribed(problems: Placed[] = [], hint?: string) {
  const id = useId()
  const described = [hint && `${id}-hint`, problems.length && `${id}-problems`].filter(Boolean).join(' ')
  return {
    id,
    attributes: { id, 'aria-invalid': problems.length ? ('true' as const) : undefined, 'aria-describedby': described || undefined },
    after: (
      <>
        {hint && (
          <p class="hint" id={`${id}-hint`}>
            {hint}
          </p>
        )}
        <FieldProblems id={`${id}-problems`} problems={problems} />
      </>
    ),
  }
}

export function TextField(
  props: FieldProps & {
    value: string
    commit: (value: string) => void
    /** Told of each keystroke, before the commit (the Items view's live preview). */
    input?: (value: string) => void
    placeholder?: string
    list?: string
    type?: 'text' | 'number'
  },
) {
  const { id, attributes, after } = useDescribed(props.problems, props.hint)
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        {...attributes}
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        list={props.list}
        spellcheck={false}
        autocomplete="off"
        onInput={props.input && ((event) => props.input!(event.currentTarget.value))}
        onChange={(event) => props.commit(event.currentTarget.value.trim())}
      />
      {after}
    </div>
  )
}

export interface Choice {
  value: string
  label: string
}

export function SelectField(props: FieldProps & { value: string; choices: Choice[]; commit: (value: string) => void }) {
  const { id, attributes, after } = useDescribed(props.problems, props.hint)
  // a value the file has but the choices do not (a step id that is gone) stays visible as it is
  const known = props.choices.some((choice) => choice.value === props.value)
  const choices = known ? props.choices : [...props.choices, { value: props.value, label: `${props.value} (not found)` }]
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select {...attributes} value={props.value} onChange={(event) => props.commit(event.currentTarget.value)}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      {after}
    </div>
  )
}

/**
 * A query or another object as JSON, for what the panel has no form for yet. Text that is not JSON
 * is not committed: the field says why, and the draft keeps its value.
 */
export function JsonField(props: FieldProps & { value: unknown; commit: (value: unknown) => void }) {
  const shown = props.value === undefined ? '' : JSON.stringify(props.value)
  const [error, setError] = useState<string | null>(null)
  const [text, setText] = useState<string | null>(null)
  // another step, an undo: the field shows the draft's value again
  useEffect(() => {
    setText(null)
    setError(null)
  }, [shown])
  const { id, attributes, after } = useDescribed(props.problems, props.hint)
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <textarea
        {...attributes}
        aria-invalid={error || props.problems?.length ? 'true' : undefined}
        rows={2}
        spellcheck={false}
        value={text ?? shown}
        onInput={(event) => setText(event.currentTarget.value)}
        onChange={(event) => {
          const value = event.currentTarget.value.trim()
          if (!value) return void (setError(null), setText(null), props.commit(undefined))
          try {
            const parsed: unknown = JSON.parse(value)
            setError(null)
            setText(null)
            props.commit(parsed)
          } catch (err) {
            setError(`not JSON yet, so not applied: ${(err as Error).message}`)
          }
        }}
      />
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      {after}
    </div>
  )
}

export function Fieldset({ legend, children }: { legend: string; children: ComponentChildren }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  )
}
