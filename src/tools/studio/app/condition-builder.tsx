/**
 * Conditions without the query language: rows of fact, operator and value, all of them true at
 * once (ANDed), written as the Mongo-style query a person would write (query-rows.ts). A query
 * the rows cannot say ($or, $not, $regex…) stays a JSON field, as it was.
 */
import { useState } from 'preact/hooks'
import { Fieldset, JsonField } from './fields.js'
import type { Placed } from './problems-by-box.js'
import { factChoices, operators, parseValue, queryOf, rowsOf, valueText, type Operator, type Row } from './query-rows.js'

export interface ConditionBuilderProps {
  /** The fieldset's legend: "Conditions". */
  legend: string
  value: unknown
  problems: Placed[]
  /** What no rows means here (default: the rule applies to everyone). */
  none?: string
  commit(query: unknown): void
}

const kindOf = (op: Operator) => operators.find((entry) => entry.op === op)?.value ?? 'any'
const placeholders = { any: '/cart, 2, true', number: 'a number', text: 'text', list: 'a, b, c', boolean: '' } as const

export function ConditionBuilder(props: ConditionBuilderProps) {
  const rows = rowsOf(props.value)
  const [error, setError] = useState<string | null>(null)
  if (rows === null)
    return (
      <JsonField
        label={`${props.legend} (JSON: the builder cannot show $or, $not, $and or $regex)`}
        value={props.value}
        problems={props.problems}
        commit={props.commit}
      />
    )

  const write = (next: Row[]) => {
    const query = queryOf(next)
    if (query === null) return setError('Each fact takes an operator once: change the operator, or remove the row.')
    setError(null)
    props.commit(query)
  }
  const change = (index: number, row: Partial<Row>) => write(rows.map((old, i) => (i === index ? { ...old, ...row } : old)))
  const onRow = (problem: Placed) => rows.some((row) => problem.path.endsWith(`.${row.fact}`))
  const loose = props.problems.filter((problem) => !onRow(problem))
  const unused = factChoices.find((fact) => !fact.includes('<') && !rows.some((row) => row.fact === fact)) ?? 'page.path'

  return (
    <Fieldset legend={props.legend}>
      <p class="hint">{rows.length ? 'All of these must be true.' : (props.none ?? 'None: the rule applies to everyone.')}</p>
      {rows.map((row, index) => {
        const n = index + 1
        const kind = kindOf(row.op)
        const rowProblems = props.problems.filter((problem) => problem.path.endsWith(`.${row.fact}`))
        return (
          <div class="condition" key={`${index}:${row.fact}`} role="group" aria-label={`Condition ${n}`}>
            <input
              aria-label={`Condition ${n} fact`}
              list="studio-facts"
              value={row.fact}
              spellcheck={false}
              autocomplete="off"
              aria-invalid={rowProblems.length ? 'true' : undefined}
              onChange={(event) => {
                const fact = event.currentTarget.value.trim()
                if (fact) change(index, { fact })
              }}
            />
            <select
              aria-label={`Condition ${n} operator`}
              value={row.op}
              onChange={(event) => {
                const op = event.currentTarget.value as Operator
                change(index, { op, value: parseValue(op, kindOf(op) === 'boolean' ? 'true' : valueText(row.value)) })
              }}
            >
              {operators.map((entry) => (
                <option key={entry.op} value={entry.op}>
                  {entry.label}
                </option>
              ))}
            </select>
            {kind === 'boolean' ? (
              <select
                aria-label={`Condition ${n} value`}
                value={String(row.value)}
                onChange={(event) => change(index, { value: event.currentTarget.value === 'true' })}
              >
                <option value="true">yes</option>
                <option value="false">no</option>
              </select>
            ) : (
              <input
                aria-label={`Condition ${n} value`}
                value={valueText(row.value)}
                placeholder={placeholders[kind]}
                inputMode={kind === 'number' ? 'decimal' : undefined}
                spellcheck={false}
                autocomplete="off"
                onChange={(event) => change(index, { value: parseValue(row.op, event.currentTarget.value) })}
              />
            )}
            <button type="button" aria-label={`Remove condition ${n}`} onClick={() => write(rows.filter((_, i) => i !== index))}>
              ×
            </button>
            {rowProblems.length > 0 && (
              <ul class="field-problems">
                {rowProblems.map((problem) => (
                  <li key={problem.path + problem.message}>
                    <code>{problem.path}</code>: {problem.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )
      })}
      {loose.length > 0 && (
        <ul class="field-problems">
          {loose.map((problem) => (
            <li key={problem.path + problem.message}>
              <code>{problem.path}</code>: {problem.message}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" class="add-condition" onClick={() => write([...rows, { fact: unused, op: '$eq', value: '' }])}>
        Add a condition
      </button>
    </Fieldset>
  )
}

/** The facts a condition's fact field offers, the file's segments among them (rendered once by the studio). */
export function FactList({ segments }: { segments: string[] }) {
  return (
    <datalist id="studio-facts">
      {[...factChoices, ...segments.map((id) => `segment.${id}`)].map((fact) => (
        <option key={fact} value={fact} />
      ))}
    </datalist>
  )
}
