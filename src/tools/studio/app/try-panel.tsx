/**
 * "Try it": a made-up visitor's events over time (rows of a time, an event and facts), walked
 * through the selected journey of the draft by the real stepper (the server's POST /api/try,
 * ../try.ts); the narration shows here and the path lights on the canvas (`light`). Nothing is
 * saved: the timeline lives in the panel.
 */
import type { Ref } from 'preact'
import { useState } from 'preact/hooks'
import { previewUrl } from './preview-url.js'
import type { TryRequest } from '../protocol.js'
import type { TriedPath } from '../try-path.js'
import { emptyRow, type TryRow } from '../try-timeline.js'
import type { TryResult } from './api.js'

export interface TryPanelProps {
  config: unknown
  journeyId: string
  /** The site to preview on (`journeykit studio --site`), or null. */
  site: string | null
  headingRef: Ref<HTMLHeadingElement>
  run(request: TryRequest): Promise<TryResult>
  light(path: TriedPath | null): void
}

const nowToTheMinute = () => new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString().replace(':00.000Z', 'Z')

export function TryPanel(props: TryPanelProps) {
  const [start, setStart] = useState(nowToTheMinute)
  const [rows, setRows] = useState<TryRow[]>([emptyRow()])
  const [lines, setLines] = useState<string[]>([])
  const [error, setError] = useState<string | null>(null)
  const edit = (index: number, field: keyof TryRow, value: string) => setRows(rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)))

  const run = async () => {
    const result = await props.run({ config: props.config as TryRequest['config'], journey: props.journeyId, start, rows })
    setLines(result.kind === 'tried' ? result.lines : [])
    setError(result.kind === 'failed' ? result.error : null)
    props.light(result.kind === 'tried' ? result.path : null)
  }

  return (
    <form
      class="panel-section try"
      aria-labelledby="panel-title"
      onSubmit={(event) => {
        event.preventDefault()
        void run()
      }}
    >
      <h2 id="panel-title" tabIndex={-1} ref={props.headingRef}>
        Try journey {props.journeyId}
      </h2>
      <p class="hint">A made-up visitor: what they do, and when. The real stepper walks them through the journey as it is now, saved or not.</p>
      {props.site && (
        <p>
          <a href={previewUrl(props.site, props.journeyId)} target="_blank" rel="noopener">
            Preview on the site
          </a>{' '}
          <span class="hint">(the saved file, as the site serves it)</span>
        </p>
      )}
      <div class="field">
        <label for="try-start">Starts at</label>
        <input id="try-start" value={start} spellcheck={false} autocomplete="off" onInput={(event) => setStart(event.currentTarget.value)} />
      </div>
      <table class="try-rows">
        <caption class="sr-only">Events, in order</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Event</th>
            <th scope="col">Facts (JSON)</th>
            <th scope="col">
              <span class="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              <td>
                <input
                  aria-label={`Row ${index + 1}: when`}
                  value={row.at}
                  size={8}
                  spellcheck={false}
                  onInput={(event) => edit(index, 'at', event.currentTarget.value)}
                />
              </td>
              <td>
                <input
                  aria-label={`Row ${index + 1}: event`}
                  value={row.event}
                  list="studio-triggers"
                  size={12}
                  spellcheck={false}
                  placeholder="time passes"
                  onInput={(event) => edit(index, 'event', event.currentTarget.value)}
                />
              </td>
              <td>
                <input
                  aria-label={`Row ${index + 1}: facts`}
                  value={row.facts}
                  spellcheck={false}
                  onInput={(event) => edit(index, 'facts', event.currentTarget.value)}
                />
              </td>
              <td>
                <button
                  type="button"
                  aria-label={`Remove row ${index + 1}`}
                  disabled={rows.length === 1}
                  onClick={() => setRows(rows.filter((_, i) => i !== index))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="step-actions">
        <button type="button" onClick={() => setRows([...rows, emptyRow('+1h')])}>
          Add an event
        </button>
        <button type="submit" class="primary">
          Run
        </button>
        <button type="button" onClick={() => (setLines([]), setError(null), props.light(null))}>
          Clear the path
        </button>
      </div>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <pre class="try-lines" aria-live="polite" aria-label="What happened">
        {lines.join('\n')}
      </pre>
    </form>
  )
}
