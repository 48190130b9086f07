/** The studio's top bar: the file, the journey picker, undo and redo, and saving. */
import type { History } from './draft.js'

export interface ToolbarProps {
  file: string
  journeyIds: string[]
  journeyId: string | null
  pickJourney(id: string): void
  newJourney(): void
  settings(): void
  /** Opens the Try panel for the journey. */
  tryIt(): void
  history: History
  undo(): void
  redo(): void
  seal: boolean
  setSeal(seal: boolean): void
  canSave: boolean
  saving: boolean
  save(): void
  /** Why Save is off, or how many changes it would write. */
  saveState: string
}

export function Toolbar(props: ToolbarProps) {
  return (
    <header class="bar">
      <h1>
        journeykit studio <span class="file">{props.file}</span>
      </h1>
      <div class="group">
        <label for="journey-picker">Journey</label>
        <select
          id="journey-picker"
          value={props.journeyId ?? ''}
          disabled={!props.journeyIds.length}
          onChange={(event) => props.pickJourney(event.currentTarget.value)}
        >
          {props.journeyIds.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
        <button type="button" onClick={props.newJourney}>
          New journey
        </button>
        <button type="button" disabled={props.journeyId === null} onClick={props.settings}>
          Journey settings
        </button>
        <button type="button" disabled={props.journeyId === null} onClick={props.tryIt}>
          Try it
        </button>
      </div>
      <div class="group">
        <button type="button" disabled={!props.history.done.length} aria-keyshortcuts="Control+Z" onClick={props.undo}>
          Undo
        </button>
        <button type="button" disabled={!props.history.undone.length} aria-keyshortcuts="Control+Shift+Z" onClick={props.redo}>
          Redo
        </button>
      </div>
      <div class="group">
        <label class="check">
          <input type="checkbox" checked={props.seal} onChange={(event) => props.setSeal(event.currentTarget.checked)} /> Seal it, as journeykit build does
        </label>
        <button type="button" class="primary" disabled={!props.canSave} aria-describedby="save-state" onClick={props.save}>
          {props.saving ? 'Saving…' : 'Save'}
        </button>
        <span id="save-state" class="save-state">
          {props.saveState}
        </span>
      </div>
    </header>
  )
}
