/**
 * One journey on the canvas, laid out as `journeykit map` lays it out (map/flow.ts and
 * map/layout.ts: the same boxes and arrows, dagre placing them). Arrows are SVG; each box is a
 * <button> placed over them, in the flow's order, so Tab walks the journey and Enter opens a box
 * in the side panel; a "+" under each step adds one after it. A box with problems says so on
 * itself: a marker, and each problem's JSON path and message, laid out with the box.
 */
import { useMemo } from 'preact/hooks'
import type { Journey } from '../../../config/types.js'
import { journeyFlow, type Flow } from '../../map/flow.js'
import { layOut, type Box, type JourneyMap } from '../../map/layout.js'
import { colours, curve } from '../../map/svg.js'
import { problemsByBox, type Placed } from './problems-by-box.js'
import type { TriedPath } from '../try-path.js'

export interface CanvasProps {
  journeyId: string
  journey: Partial<Journey>
  problems: Placed[]
  /** The selected box's key (`step:<id>`, `@entry`…). */
  selected: string | null
  /** Picking a target: boxes of steps choose it instead of opening. */
  picking: boolean
  /** A running collector's figures per box key (live-counts.ts); undefined: not live. */
  counts?: Record<string, string> | undefined
  open(box: Box, byKeyboard: boolean): void
  /** A new step after the step at `after` (-1: first). */
  add(after: number, byKeyboard: boolean): void
  /** The Try panel's path: boxes the visitor went through, and where they are. */
  lit?: TriedPath | null
}

const margin = 20
const plus = 22

/** Boxes in the order the journey reads: entry, holdout, the steps, the ends, then goal and exits. */
const rank = (box: Box) => ['entry', 'holdout', 'step', 'end', 'timeout', 'goal', 'exits'].indexOf(box.kind)

const boxNames: Record<string, string> = { entry: 'Entry', holdout: 'Holdout', end: 'End', timeout: 'Timeout exit', goal: 'Goal', exits: 'Exit triggers' }

/** The flow of the draft, or null when the draft is too broken to draw (the problem list says why). */
function flowOf(id: string, journey: Partial<Journey>): Flow | null {
  try {
    if (!Array.isArray(journey.steps)) return null
    return journeyFlow(id, journey as Journey)
  } catch {
    return null
  }
}

export function Canvas(props: CanvasProps) {
  const { journeyId, journey, problems } = props
  const flow = useMemo(() => flowOf(journeyId, journey), [journeyId, journey])
  const drawn = useMemo(() => new Set(flow?.nodes.map((node) => node.key) ?? []), [flow])
  const byBox = useMemo(() => problemsByBox(problems, journeyId, drawn), [problems, journeyId, drawn])
  const notes = (of: { key: string }) => (byBox.get(of.key) ?? []).map((problem) => `${problem.path}: ${problem.message}`)
  const map = useMemo<JourneyMap | null>(() => (flow ? layOut(flow, props.counts !== undefined, notes) : null), [flow, byBox, props.counts !== undefined])
  if (!map || !flow) return <p class="canvas-empty">This journey cannot be drawn as it is: see its problems.</p>

  const steps = journey.steps ?? []
  // the box's words in full, for screen readers (the face shows the layout's lines)
  const node = new Map(flow.nodes.map((flowNode) => [flowNode.key, flowNode]))
  const names = new Map(map.boxes.map((box) => [box.key, box.step ?? boxNames[box.kind] ?? box.kind]))
  const ways = (box: Box) =>
    flow.edges
      .filter((edge) => edge.from === box.key)
      .map((edge) => `${edge.label || edge.path.split(':')[0]} → ${names.get(edge.to)}`)
      .join('; ')
  const boxes = [...map.boxes].sort((a, b) => rank(a) - rank(b))
  const width = map.width + 2 * margin
  const height = map.height + 2 * margin + plus

  return (
    <div class={`canvas${props.picking ? ' picking' : ''}`} style={{ width: `${width}px`, height: `${height}px` }}>
      <svg class="arrows" width={width} height={height} aria-hidden="true">
        <defs>
          <marker id="studio-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#6b6b6b" />
          </marker>
        </defs>
        <g transform={`translate(${margin},${margin})`}>
          {map.arrows.map((arrow) => (
            <path
              key={`${arrow.from}>${arrow.path}`}
              d={curve(arrow.points)}
              fill="none"
              stroke="#6b6b6b"
              stroke-width="1.5"
              stroke-dasharray={arrow.dashed ? '6 4' : undefined}
              marker-end="url(#studio-head)"
            />
          ))}
          {map.arrows.map(
            (arrow) =>
              arrow.labelBox && (
                <g key={`label ${arrow.from}>${arrow.path}`}>
                  <rect x={arrow.labelBox.x} y={arrow.labelBox.y} width={arrow.labelBox.width} height={arrow.labelBox.height} rx="3" fill="#fff" />
                  {arrow.label.map((words, i) => (
                    <text key={i} x={arrow.labelBox!.x + arrow.labelBox!.width / 2} y={arrow.labelBox!.y + 3 + 14 * i + 11} text-anchor="middle">
                      {words}
                    </text>
                  ))}
                </g>
              ),
          )}
        </g>
      </svg>
      {boxes.map((box) => {
        const [fill, stroke] = colours[box.kind === 'step' ? (box.action ?? 'exit') : box.kind] ?? ['#fff', '#444']
        const index = box.step === undefined ? -1 : steps.findIndex((step) => step.id === box.step)
        const place = { left: `${box.x + margin}px`, top: `${box.y + margin}px`, width: `${box.width}px`, height: `${box.height}px` }
        const out = ways(box)
        const addAfter = box.kind === 'step' ? index : box.kind === 'entry' ? -1 : null
        const tried = props.lit?.here === box.key ? 'here' : props.lit?.visited.includes(box.key) ? 'visited' : null
        return [
          <button
            key={box.key}
            type="button"
            class={`box ${box.kind}${box.notes ? ' has-problems' : ''}${tried ? ` tried ${tried}` : ''}`}
            data-box={box.key}
            data-tried={tried ?? undefined}
            aria-pressed={props.selected === box.key}
            style={{
              ...place,
              background: fill,
              borderColor: box.notes ? '#b3261e' : stroke,
              boxShadow: box.kind === 'step' ? `inset 4px 0 0 ${stroke}` : undefined,
            }}
            onClick={(event) => props.open(box, event.detail === 0)}
          >
            <span class="sr-only">
              {node.get(box.key)?.heading}: {node.get(box.key)?.text}.{notes(box).map((note) => ` Problem: ${note}`)}
              {props.counts?.[box.key] && ` Live: ${props.counts[box.key]}.`}
            </span>
            <span class="face" aria-hidden="true">
              {box.notes && <span class="marker">!</span>}
              {box.heading.map((words, i) => (
                <span key={`h${i}`} class="heading">
                  {words}
                </span>
              ))}
              {box.lines.map((words, i) => (
                <span key={`l${i}`} class="line">
                  {words}
                </span>
              ))}
              {props.counts?.[box.key] !== undefined && <span class="count">{props.counts[box.key]}</span>}
              {box.notes?.map((words, i) => (
                <span key={`n${i}`} class={i ? 'note' : 'note first'}>
                  {words}
                </span>
              ))}
            </span>
            {out && <span class="sr-only"> Goes on: {out}.</span>}
            {tried && <span class="sr-only">{tried === 'here' ? ' The tried visitor is here.' : ' The tried visitor went through.'}</span>}
          </button>,
          addAfter !== null && (
            <button
              key={`+${box.key}`}
              type="button"
              class="plus"
              data-add-after={box.key}
              aria-label={addAfter < 0 ? 'Add a step first, after the entry' : `Add a step after ${box.step}`}
              title={addAfter < 0 ? 'Add a step first' : `Add a step after ${box.step}`}
              style={{ left: `${box.x + margin + box.width / 2 - plus / 2}px`, top: `${box.y + margin + box.height + 2}px` }}
              onClick={(event) => props.add(addAfter, event.detail === 0)}
            >
              +
            </button>
          ),
        ]
      })}
    </div>
  )
}
