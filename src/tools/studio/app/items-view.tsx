/**
 * The studio's items: the list (id, kind and style, title, its problems), the live preview of the
 * one selected (item-preview.tsx), the theme every item shares, and the panel of the selected
 * item. Edits go through the studio's draft and history; the preview shows the draft, and the
 * keystrokes of a field not yet committed, so the owner sees the item as they type.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Item, Theme } from '../../../config/types.js'
import { applyEdit, change, valueAt, type Edit, type JsonPath } from './draft.js'
import { JsonField } from './fields.js'
import { addItem, itemsOf, problemsOfItem } from './item-edits.js'
import { ItemPanel } from './item-panel.js'
import { ListEntry } from './list-entry.js'
import { ItemPreview } from './item-preview.js'
import type { Placed } from './problems-by-box.js'

export interface ItemsViewProps {
  config: unknown
  problems: Placed[]
  commit(edits: Edit[]): void
  say(status: string): void
  /** The preview frame's address for a scheme. */
  frameOf(scheme: 'light' | 'dark'): string
}

interface Typing {
  id: string
  path: JsonPath
  value: string
}

export function ItemsView(props: ItemsViewProps) {
  const items = itemsOf(props.config)
  const ids = items.map(([id]) => id)
  const [selected, setSelected] = useState<string | null>(null)
  const [typing, setTyping] = useState<Typing | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const focusHeading = useRef(false)
  const id = selected !== null && ids.includes(selected) ? selected : null
  const item = items.find(([known]) => known === id)?.[1]
  const theme = valueAt(props.config, ['theme'])

  useEffect(() => {
    if (focusHeading.current) heading.current?.focus()
    focusHeading.current = false
  })

  const commit = (edits: Edit[], select?: string | null) => {
    setTyping(null)
    props.commit(edits)
    if (select !== undefined) setSelected(select)
  }
  const open = (at: string) => {
    setSelected(at)
    setTyping(null)
    focusHeading.current = true
  }
  // what the preview draws: the draft's item, with the field being typed in as it reads now
  const drawn = item && typing?.id === id ? (applyEdit(item, { path: typing.path, value: typing.value }) as Item) : (item as Item | undefined)

  return (
    <div class="workspace">
      <main aria-label="Items">
        <div class="items">
          <div class="item-column">
            <h2>Items</h2>
            <p class="hint">What rules and journey steps show: messages, offers, downloads, push asks.</p>
            {items.length === 0 && <p class="canvas-empty">No items yet.</p>}
            <ul class="rule-list">
              {items.map(([at, entry]) => {
                const problems = problemsOfItem(props.problems, ids, at)
                return (
                  <ListEntry
                    key={at}
                    heading={at}
                    lines={[
                      `${String(entry.kind ?? '(no kind)')}, ${String(entry.style ?? '(no style)')}`,
                      typeof entry.title === 'string' && entry.title ? entry.title : '(no title)',
                    ]}
                    problems={problems}
                    selected={at === id}
                    open={() => open(at)}
                  />
                )
              })}
            </ul>
            <button
              type="button"
              onClick={() => {
                const added = addItem(props.config)
                commit(added.edits)
                open(added.id)
                props.say(`Item ${added.id} added.`)
              }}
            >
              Add an item
            </button>
            <JsonField
              label="Theme of every item (JSON)"
              hint='Colours, font and corner radius: { "accent": "#0a7", "radius": "12px" }'
              value={theme}
              problems={props.problems.filter((problem) => problem.path === 'theme' || problem.path.startsWith('theme.'))}
              commit={(value) => commit(change(props.config, ['theme'], value))}
            />
          </div>
          {id !== null && drawn && <ItemPreview id={id} item={drawn} theme={theme as Theme | undefined} frameOf={props.frameOf} />}
        </div>
      </main>
      <aside aria-label="Item editor">
        {id === null || !item ? (
          <p class="hint">Select an item to edit and preview it, or add one.</p>
        ) : (
          <ItemPanel
            key={id}
            config={props.config}
            id={id}
            item={item}
            ids={ids}
            problems={problemsOfItem(props.problems, ids, id)}
            headingRef={heading}
            commit={commit}
            typing={(path, value) => setTyping({ id, path, value })}
            typed={typing?.id === id ? typing : null}
            say={props.say}
          />
        )}
      </aside>
    </div>
  )
}
