/**
 * The studio's rules: the list (id, trigger, what it does, its problems), in the order they are
 * tried, and the panel of the one selected. Edits go through the studio's draft and history.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { Edit } from './draft.js'
import type { Placed } from './problems-by-box.js'
import { addRule, describeRule, problemsOfRule, rulesOf } from './rule-edits.js'
import { RulePanel } from './rule-panel.js'
import { ListEntry } from './list-entry.js'

export interface RulesViewProps {
  config: unknown
  items: string[]
  problems: Placed[]
  commit(edits: Edit[]): void
}

/** The time zones the browser knows, for the time-zone field (none where Intl cannot list them). */
function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone')
  } catch {
    return []
  }
}

export function RulesView(props: RulesViewProps) {
  const rules = rulesOf(props.config)
  const [selected, setSelected] = useState<number | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const focusHeading = useRef(false)
  const zones = useMemo(timeZones, [])
  const index = selected !== null && selected < rules.length ? selected : null

  useEffect(() => {
    if (focusHeading.current) heading.current?.focus()
    focusHeading.current = false
  })

  const commit = (edits: Edit[], select?: number | null) => {
    props.commit(edits)
    if (select !== undefined) setSelected(select)
  }
  const open = (at: number) => {
    setSelected(at)
    focusHeading.current = true
  }

  return (
    <div class="workspace">
      <main aria-label="Rules">
        <div class="rules">
          <h2>Rules</h2>
          <p class="hint">Tried in this order on each trigger; the first that matches acts.</p>
          {rules.length === 0 && <p class="canvas-empty">No rules yet.</p>}
          <ol class="rule-list">
            {rules.map((rule, at) => {
              const { trigger, does } = describeRule(rule)
              const problems = problemsOfRule(props.problems, at)
              return (
                <ListEntry
                  key={at}
                  heading={rule.id || `#${at + 1}`}
                  lines={[`on ${trigger}`, does]}
                  problems={problems}
                  selected={at === index}
                  open={() => open(at)}
                />
              )
            })}
          </ol>
          <button
            type="button"
            onClick={() => {
              const added = addRule(props.config, props.items)
              props.commit(added.edits)
              open(added.index)
            }}
          >
            Add a rule
          </button>
        </div>
      </main>
      <aside aria-label="Rule editor">
        {index === null ? (
          <p class="hint">Select a rule to edit it, or add one.</p>
        ) : (
          <RulePanel
            config={props.config}
            rule={rules[index]!}
            index={index}
            count={rules.length}
            items={props.items}
            problems={problemsOfRule(props.problems, index)}
            headingRef={heading}
            commit={commit}
          />
        )}
      </aside>
      <datalist id="studio-timezones">
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </div>
  )
}
