/**
 * The side panel for one item: its id (renaming it renames it where it is shown), kind, style and
 * position, title, body, discount code, button, email capture, download and its gate, and a JSON
 * field for the rest. Every field writes through item-edits.ts; the validator's problems show
 * under the field they name. Text fields tell the preview of each keystroke before they commit.
 */
import type { Ref } from 'preact'
import type { Item, ItemKind, ItemStyle } from '../../../config/types.js'
import type { Edit, JsonPath } from './draft.js'
import { Fieldset, JsonField, SelectField, TextField } from './fields.js'
import type { Placed } from './problems-by-box.js'
import {
  deleteItem,
  fieldsCovered,
  itemKinds,
  itemPlace,
  itemStyles,
  otherProperties,
  positionsOf,
  problemsOfItemField,
  renameItem,
  setForm,
  setItemField,
  setKind,
  setOtherProperties,
  setStyle,
} from './item-edits.js'

export interface ItemPanelProps {
  config: unknown
  id: string
  item: Partial<Item>
  /** Every item's id (to place problems: ids may hold dots). */
  ids: string[]
  problems: Placed[]
  headingRef: Ref<HTMLHeadingElement>
  /** One group of edits (one undo); `select` the item to show after it (null: none). */
  commit(edits: Edit[], select?: string | null): void
  /** A keystroke not yet committed, for the preview. */
  typing(path: JsonPath, value: string): void
  /** What is being typed (the field shows it until it commits: a controlled field would go back to the draft's value). */
  typed: { path: JsonPath; value: string } | null
  say(status: string): void
}

const kindLabels: Record<ItemKind, string> = { focus: 'a message (focus)', asset: 'a download (asset)', push: 'a push soft ask (push)' }
const styleLabels: Record<ItemStyle, string> = { modal: 'modal', bar: 'bar', slidein: 'slide-in', notification: 'notification' }

/** The consent text, whichever way the file writes it. */
const consentText = (consent: unknown) => (typeof consent === 'string' ? consent : ((consent as { text?: string } | undefined)?.text ?? ''))

export function ItemPanel(props: ItemPanelProps) {
  const { config, id, item, ids } = props
  const field = (name: string) => problemsOfItemField(props.problems, ids, name)
  const set = (path: JsonPath, value: unknown) => props.commit(setItemField(config, id, path, value))
  /** A text field of the item at `path`: its value, problems, commit and keystrokes. */
  const text = (label: string, path: JsonPath, hint?: string) => {
    const typed = props.typed && props.typed.path.join('.') === path.join('.') ? props.typed.value : undefined
    const value = typed ?? path.reduce<unknown>((here, key) => (here as Record<string, unknown> | undefined)?.[key], item)
    return (
      <TextField
        label={label}
        hint={hint}
        value={typeof value === 'string' ? value : ''}
        problems={field(path.join('.'))}
        input={(typed) => props.typing(path, typed)}
        commit={(typed) => set(path, typed)}
      />
    )
  }
  const positions = positionsOf(item.style)
  const gated = item.kind === 'asset' && item.gate === 'email'
  const capturing = item.form !== undefined
  const form = item.form ?? {}
  const other = otherProperties(item)

  const formFields = (
    <>
      <label class="check">
        <input type="checkbox" checked={form.name === true} onChange={(event) => set(['form', 'name'], event.currentTarget.checked || undefined)} /> Ask for a
        name too
      </label>
      <TextField
        label="Consent checkbox text"
        hint="Empty: no checkbox."
        value={consentText(form.consent)}
        problems={field('form.consent')}
        commit={(typed) => set(typeof form.consent === 'object' && typed ? ['form', 'consent', 'text'] : ['form', 'consent'], typed)}
      />
      {text('Submit button text', ['form', 'submitLabel'])}
      {text('Thank-you message', ['form', 'successMessage'])}
    </>
  )

  return (
    <section class="panel-section" aria-labelledby="item-title">
      <h2 id="item-title" tabIndex={-1} ref={props.headingRef}>
        Item {id}
      </h2>
      {props.problems
        .filter((problem) => itemPlace(problem.path, ids)?.field === '')
        .map((problem) => (
          <p class="field-error" key={problem.message}>
            <code>{problem.path}</code>: {problem.message}
          </p>
        ))}
      <div class="step-actions">
        <button
          type="button"
          class="danger"
          onClick={() => {
            props.commit(deleteItem(id), null)
            props.say(`Item ${id} deleted.`)
          }}
        >
          Delete item
        </button>
      </div>
      <TextField
        label="Item id"
        hint="Renaming it renames it in every rule, journey step and condition that names it."
        value={id}
        commit={(now) => {
          const renamed = renameItem(config, id, now)
          if (renamed.refused) return props.say(`Not renamed: ${renamed.refused}.`)
          if (!renamed.edits.length) return
          props.commit(renamed.edits, now)
          props.say(`Item ${id} is now ${now}${renamed.rewritten ? `, and the ${renamed.rewritten} places that named it say so` : ''}.`)
        }}
      />
      <SelectField
        label="Kind"
        value={item.kind ?? ''}
        choices={itemKinds.map((kind) => ({ value: kind, label: kindLabels[kind] }))}
        problems={field('kind')}
        commit={(kind) => props.commit(setKind(config, id, kind as ItemKind))}
      />
      <SelectField
        label="Style"
        value={item.style ?? ''}
        choices={itemStyles.map((style) => ({ value: style, label: styleLabels[style] }))}
        problems={field('style')}
        commit={(style) => props.commit(setStyle(config, id, style as ItemStyle))}
      />
      {(positions.length > 0 || item.position !== undefined) && (
        <SelectField
          label="Position"
          value={item.position ?? ''}
          choices={[
            { value: '', label: `default (${positions[0] ?? 'none'})` },
            ...positions.slice(1).map((position) => ({ value: position, label: position })),
          ]}
          problems={field('position')}
          commit={(position) => set(['position'], position)}
        />
      )}
      {text('Title', ['title'])}
      {text('Body', ['body'])}
      {text('Discount code', ['code'], 'Shown with a copy button.')}
      <Fieldset legend="Button (call to action)">
        {text('Button label', ['cta', 'label'])}
        {text('Button URL', ['cta', 'url'], 'A path of your site (/cart) or an https:// address.')}
        {field('cta')
          .filter((problem) => itemPlace(problem.path, ids)?.field === 'cta')
          .map((problem) => (
            <p class="field-error" key={problem.message}>
              <code>{problem.path}</code>: {problem.message}
            </p>
          ))}
      </Fieldset>
      {item.kind === 'asset' ? (
        <Fieldset legend="Download">
          {text('File URL', ['asset', 'url'], 'The file to download: a path of your site or an https:// address.')}
          {text('File name', ['asset', 'filename'])}
          <SelectField
            label="Before the download"
            value={item.gate ?? 'none'}
            choices={[
              { value: 'none', label: 'nothing: download at once' },
              { value: 'email', label: 'ask for an email first (gated)' },
            ]}
            problems={field('gate')}
            commit={(gate) => set(['gate'], gate === 'none' ? undefined : gate)}
          />
          {gated && formFields}
        </Fieldset>
      ) : (
        item.kind === 'focus' && (
          <Fieldset legend="Email capture">
            <label class="check">
              <input type="checkbox" checked={capturing} onChange={(event) => props.commit(setForm(config, id, event.currentTarget.checked))} /> Ask for the
              visitor’s email
            </label>
            {capturing && formFields}
          </Fieldset>
        )
      )}
      <JsonField
        label="Other properties (JSON)"
        hint="What the fields above do not cover: image, countdown, dismissLabel…"
        value={Object.keys(other).length ? other : undefined}
        problems={props.problems.filter((problem) => {
          const at = itemPlace(problem.path, ids)?.field.split(/[.[]/)[0]
          return at !== undefined && at !== '' && !fieldsCovered.includes(at)
        })}
        commit={(value) => {
          const edits = setOtherProperties(config, id, value)
          if (typeof edits === 'string') props.say(`Not applied: ${edits}.`)
          else props.commit(edits)
        }}
      />
    </section>
  )
}
