/**
 * The side panel for a journey as a whole (its entry, with the entry's conditions in the builder
 * and as JSON; exit, goal, re-entry, holdout and schedule: what the entry, goal and exit boxes
 * stand for), and the form that starts a new one.
 */
import type { Ref } from 'preact'
import { useState } from 'preact/hooks'
import { ConditionBuilder } from './condition-builder.js'
import type { Edit } from './draft.js'
import { JsonField, SelectField, TextField, Fieldset } from './fields.js'
import { deleteJourney, journeyOf, newJourney, setExits, setJourneyField, setReentry } from './journey-edits.js'
import type { Placed } from './problems-by-box.js'
import { rowsOf } from './query-rows.js'
import { templateEdits } from './template-edits.js'
import { TemplatePicker } from './template-picker.js'
import type { Template } from '../protocol.js'

export interface JourneyPanelProps {
  config: unknown
  journeyId: string
  problems: Placed[]
  headingRef: Ref<HTMLHeadingElement>
  commit(edits: Edit[], after?: { journey?: string | null }): void
}

export function JourneyPanel(props: JourneyPanelProps) {
  const { config, journeyId } = props
  const journey = journeyOf(config, journeyId)
  const field = (key: string) => props.problems.filter((problem) => (problem.place?.field ?? '').startsWith(key))
  const set = (path: Array<string | number>, value: unknown) => props.commit(setJourneyField(config, journeyId, path, value))
  const reentry = journey.reentry === undefined ? 'never' : typeof journey.reentry === 'object' ? 'after' : journey.reentry
  const exits = Array.isArray(journey.exit) ? journey.exit.map((trigger) => String(trigger?.on ?? '')) : []
  // the builder shows the entry's conditions it can say; the JSON field stays, for the rest and for typing
  const builds = rowsOf(journey.entry?.if) !== null
  const general = props.problems.filter((problem) => ['', 'steps'].includes(problem.place?.field ?? ''))

  return (
    <section class="panel-section" aria-labelledby="panel-title">
      <h2 id="panel-title" tabIndex={-1} ref={props.headingRef}>
        Journey {journeyId}
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
      <Fieldset legend="Entry">
        <TextField
          label="Entered on"
          list="studio-triggers"
          value={journey.entry?.on ?? ''}
          problems={field('entry.on')}
          hint="The event or trigger that starts a run. Empty: only journeykit.enter() from code."
          commit={(value) => set(['entry', 'on'], value)}
        />
        {journey.entry && (
          <>
            {builds && (
              <ConditionBuilder
                legend="Entry conditions"
                value={journey.entry.if}
                problems={field('entry.if')}
                none="None: everyone the trigger reaches enters."
                commit={(value) => set(['entry', 'if'], value)}
              />
            )}
            <JsonField
              label="Entry conditions (query)"
              value={journey.entry.if}
              problems={builds ? [] : field('entry.if')}
              hint={builds ? 'The same conditions as JSON, to type or paste.' : 'Like {"segment.hot-shoppers": true} ($or, $not, $regex too)'}
              commit={(value) => set(['entry', 'if'], value)}
            />
          </>
        )}
      </Fieldset>
      <Fieldset legend="Exit, goal and re-entry">
        <TextField
          label="Exit on"
          value={exits.join(', ')}
          problems={field('exit')}
          hint="Events that end a run at any step, separated by commas."
          commit={(value) =>
            props.commit(
              setExits(
                config,
                journeyId,
                value.split(',').map((event) => event.trim()),
              ),
            )
          }
        />
        <TextField
          label="Goal event"
          value={journey.goal?.on ?? ''}
          problems={field('goal.on')}
          hint="What the journey is for: order_completed."
          commit={(value) => set(['goal', 'on'], value)}
        />
        {journey.goal && (
          <TextField
            label="Goal within"
            value={journey.goal.within ?? ''}
            problems={field('goal.within')}
            hint="Counted within this long of entering: 7d."
            commit={(value) => set(['goal', 'within'], value)}
          />
        )}
        <SelectField
          label="Re-entry"
          value={reentry}
          problems={field('reentry')}
          choices={[
            { value: 'never', label: 'never: one run per visitor' },
            { value: 'after-exit', label: 'again after a run ends' },
            { value: 'after', label: 'again some time after the last entry' },
          ]}
          commit={(value) => props.commit(setReentry(config, journeyId, value as 'never'))}
        />
        {typeof journey.reentry === 'object' && (
          <TextField
            label="Re-entry after"
            value={journey.reentry.after ?? ''}
            problems={field('reentry.after')}
            commit={(value) => props.commit(setReentry(config, journeyId, 'after', value))}
          />
        )}
        <TextField
          label="Holdout (percent)"
          type="number"
          value={journey.holdout === undefined ? '' : String(journey.holdout)}
          problems={field('holdout')}
          hint="Entrants who take no step, to measure the goal against. Needs a goal within."
          commit={(value) => set(['holdout'], value === '' ? undefined : Number(value))}
        />
      </Fieldset>
      <Fieldset legend="Schedule">
        <TextField
          label="Enters from"
          value={journey.schedule?.start ?? ''}
          placeholder="2026-12-01"
          problems={field('schedule.start')}
          commit={(value) => set(['schedule', 'start'], value)}
        />
        <TextField
          label="Enters until"
          value={journey.schedule?.end ?? ''}
          placeholder="2027-01-31"
          problems={field('schedule.end')}
          commit={(value) => set(['schedule', 'end'], value)}
        />
      </Fieldset>
      <div class="step-actions">
        <button type="button" class="danger" onClick={() => props.commit(deleteJourney(journeyId), { journey: null })}>
          Delete journey {journeyId}
        </button>
      </div>
    </section>
  )
}

/** A new journey: its id and what enters it. */
export function NewJourneyForm(props: {
  config: unknown
  /** The journeys to start from (GET /api/templates); none until they have come. */
  templates?: Template[]
  headingRef: Ref<HTMLHeadingElement>
  commit(edits: Edit[], after: { journey: string }): void
}) {
  const templates = props.templates ?? []
  const [id, setId] = useState('')
  const [entry, setEntry] = useState('')
  const [template, setTemplate] = useState(-1)
  const [error, setError] = useState<string | null>(null)
  const chosen = templates[template]
  return (
    <form
      class="panel-section"
      aria-labelledby="panel-title"
      onSubmit={(event) => {
        event.preventDefault()
        const name = id.trim()
        if (!name) return setError('Give the journey an id, like cart-rescue.')
        const taken = !newJourney(props.config, name, '').length
        if (taken) return setError(`There is a journey ${name} already.`)
        const edits = chosen ? templateEdits(props.config, chosen.source, chosen.journey, name).edits : newJourney(props.config, name, entry.trim())
        props.commit(edits, { journey: name })
      }}
    >
      <h2 id="panel-title" tabIndex={-1} ref={props.headingRef}>
        New journey
      </h2>
      <TemplatePicker
        templates={templates}
        value={template}
        choose={(index) => {
          setTemplate(index)
          if (templates[index] && !id.trim()) setId(templates[index].journey)
        }}
      />
      <div class="field">
        <label for="new-journey-id">Journey id</label>
        <input
          id="new-journey-id"
          value={id}
          placeholder="cart-rescue"
          spellcheck={false}
          autocomplete="off"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'new-journey-error' : undefined}
          onInput={(event) => setId(event.currentTarget.value)}
        />
      </div>
      {!chosen && (
        <div class="field">
          <label for="new-journey-entry">Entered on</label>
          <input
            id="new-journey-entry"
            value={entry}
            list="studio-triggers"
            placeholder="add_to_cart"
            spellcheck={false}
            autocomplete="off"
            aria-describedby="new-journey-entry-hint"
            onInput={(event) => setEntry(event.currentTarget.value)}
          />
          <p class="hint" id="new-journey-entry-hint">
            The event or trigger that starts a run; empty: only from code.
          </p>
        </div>
      )}
      {error && (
        <p class="field-error" id="new-journey-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="primary">
        Create journey
      </button>
    </form>
  )
}
