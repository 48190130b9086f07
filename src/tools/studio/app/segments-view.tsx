/**
 * The studio's segments: the list (id, its conditions in words, its problems) and the panel of
 * the one selected: its id (a rename renames the `segment.<id>` facts that name it), its
 * conditions in the builder, and Delete, refused while a query names it. Edits go through the
 * studio's draft and history.
 */
import type { Ref } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { ConditionBuilder } from './condition-builder.js'
import type { Edit } from './draft.js'
import { TextField } from './fields.js'
import { ListEntry } from './list-entry.js'
import type { Placed } from './problems-by-box.js'
import {
  addSegment,
  deleteSegment,
  describeConditions,
  problemsOfSegment,
  renameSegment,
  segmentPlace,
  segmentsOf,
  setSegmentQuery,
  usesOf,
} from './segment-edits.js'

export interface SegmentsViewProps {
  config: unknown
  problems: Placed[]
  commit(edits: Edit[]): void
}

export function SegmentsView(props: SegmentsViewProps) {
  const segments = segmentsOf(props.config)
  const ids = segments.map(([id]) => id)
  const [chosen, setChosen] = useState<string | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const focusHeading = useRef(false)
  const selected = chosen !== null && ids.includes(chosen) ? chosen : null

  useEffect(() => {
    if (focusHeading.current) heading.current?.focus()
    focusHeading.current = false
  })
  const open = (id: string) => {
    setChosen(id)
    focusHeading.current = true
  }

  return (
    <div class="workspace">
      <main aria-label="Segments">
        <div class="rules">
          <h2>Segments</h2>
          <p class="hint">
            Visitors are in a segment while all its conditions hold. Rules and journeys ask for one with the fact <code>segment.&lt;id&gt;</code>.
          </p>
          {segments.length === 0 && <p class="canvas-empty">No segments yet.</p>}
          <ul class="rule-list">
            {segments.map(([id, segment]) => {
              const problems = problemsOfSegment(props.problems, id, ids)
              return (
                <ListEntry
                  key={id}
                  heading={id}
                  lines={[describeConditions(segment.if)]}
                  problems={problems}
                  selected={id === selected}
                  open={() => open(id)}
                />
              )
            })}
          </ul>
          <button
            type="button"
            onClick={() => {
              const added = addSegment(props.config)
              props.commit(added.edits)
              open(added.id)
            }}
          >
            Add a segment
          </button>
        </div>
      </main>
      <aside aria-label="Segment editor">
        {selected === null ? (
          <p class="hint">Select a segment to edit it, or add one.</p>
        ) : (
          <SegmentPanel
            config={props.config}
            id={selected}
            query={segments.find(([id]) => id === selected)![1].if}
            problems={problemsOfSegment(props.problems, selected, ids)}
            ids={ids}
            headingRef={heading}
            commit={(edits, next) => {
              props.commit(edits)
              if (next !== undefined) setChosen(next)
            }}
          />
        )}
      </aside>
    </div>
  )
}

interface SegmentPanelProps {
  config: unknown
  id: string
  query: unknown
  problems: Placed[]
  ids: string[]
  headingRef: Ref<HTMLHeadingElement>
  /** One group of edits (one undo); `select` the segment to show after it (null: none). */
  commit(edits: Edit[], select?: string | null): void
}

function SegmentPanel(props: SegmentPanelProps) {
  const { config, id } = props
  const [refusal, setRefusal] = useState<string | null>(null)
  const [idError, setIdError] = useState<string | null>(null)
  // another segment (kept in the same panel, so a rename keeps the focus where it is): its own words
  useEffect(() => {
    setRefusal(null)
    setIdError(null)
  }, [id])
  const uses = usesOf(config, id).filter((path) => !path.startsWith(`segments.${id}.`))
  const conditions = props.problems.filter((problem) => segmentPlace(problem.path, props.ids)?.field.startsWith('if'))
  const general = props.problems.filter((problem) => !conditions.includes(problem))
  const idProblems: Placed[] = idError ? [{ path: `segments.${id}`, message: idError, place: null }] : []

  return (
    <section class="panel-section" aria-labelledby="segment-title">
      <h2 id="segment-title" tabIndex={-1} ref={props.headingRef}>
        Segment {id}
      </h2>
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
        label="Segment id"
        value={id}
        hint="Renaming it renames the segment.<id> conditions that name it."
        problems={idProblems}
        commit={(value) => {
          const renamed = renameSegment(config, id, value)
          setIdError(renamed.error ?? null)
          if (!renamed.error) props.commit(renamed.edits, value)
        }}
      />
      <ConditionBuilder
        legend="Conditions"
        value={props.query}
        problems={conditions}
        none="None yet: every visitor is in it."
        commit={(query) => props.commit(setSegmentQuery(id, query))}
      />
      <p class="hint">{uses.length ? `Used by ${uses.join(', ')}.` : 'No rule, journey or segment uses it yet.'}</p>
      <div class="step-actions">
        <button
          type="button"
          class="danger"
          onClick={() => {
            const deleted = deleteSegment(config, id)
            if (deleted.usedAt.length) setRefusal(`Not deleted: segment.${id} is still used by ${deleted.usedAt.join(', ')}. Change those conditions first.`)
            else props.commit(deleted.edits, null)
          }}
        >
          Delete segment {id}
        </button>
      </div>
      {refusal && (
        <p class="field-error" role="alert">
          {refusal}
        </p>
      )}
    </section>
  )
}
