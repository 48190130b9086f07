/** The "Start from" choice of the new-journey form: an empty journey, or one of the templates. */
import type { Template } from '../protocol.js'

export function TemplatePicker(props: { templates: Template[]; value: number; choose(index: number): void }) {
  return (
    <div class="field">
      <label for="new-journey-template">Start from</label>
      <select
        id="new-journey-template"
        value={String(props.value)}
        aria-describedby="new-journey-template-hint"
        onChange={(event) => props.choose(Number(event.currentTarget.value))}
      >
        <option value="-1">An empty journey</option>
        {props.templates.map((template, index) => (
          <option key={template.label} value={String(index)}>
            {template.label}
          </option>
        ))}
      </select>
      <p class="hint" id="new-journey-template-hint">
        A template adds its journey and the items and segments it shows or asks for; one of yours with the same id stays yours, the template’s gets a new id.
      </p>
    </div>
  )
}
