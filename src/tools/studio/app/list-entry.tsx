/**
 * One entry of a view's list (rules, items, segments): a button that opens it, with its heading,
 * a line or two of what it is, and its problems (JSON path and message).
 */
import type { ComponentChildren } from 'preact'
import type { Placed } from './problems-by-box.js'

export interface ListEntryProps {
  heading: ComponentChildren
  lines: ComponentChildren[]
  problems: Placed[]
  selected: boolean
  open(): void
}

export function ListEntry(props: ListEntryProps) {
  return (
    <li>
      <button type="button" class={props.problems.length ? 'rule has-problems' : 'rule'} aria-pressed={props.selected} onClick={props.open}>
        <span class="heading">{props.heading}</span>
        {props.lines.map((line, i) => (
          <span class="line" key={i}>
            {line}
          </span>
        ))}
        {props.problems.map((problem) => (
          <span class="note" key={problem.path + problem.message}>
            {problem.path}: {problem.message}
          </span>
        ))}
      </button>
    </li>
  )
}
