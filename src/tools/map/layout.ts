import { graphlib, layout } from '@dagrejs/dagre'
import type { Flow, FlowEdge, FlowNode } from './flow.js'
import { measure, wrap } from './text.js'

/**
 * Where everything of a journey map goes. Boxes are sized from their text (wrapped, measured
 * with a per-character width), then dagre ranks and places them (a Sugiyama layout: the flow
 * reads top to bottom, `goto`s back up are routed around, edge labels get places of their own
 * so that nothing overlaps).
 */

export const font = { heading: 13, text: 12, count: 11, label: 11 }
const line = { heading: 17, text: 15, count: 15, label: 14 }
const pad = { x: 10, y: 8, label: 3 }
const textWidth = { step: 210, label: 200 }
/** Room kept for a number the collector page writes into the map later. */
const digits = '00000'
const reasons = 'left: timed out 999 · by goal 999'

/** A run of text in a count line, or a place the collector page fills (`slot`, its key). */
export type CountPart = { text: string } | { slot: string[]; initial: string; reserve: string }
export type CountLine = CountPart[]

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}
export interface Box extends Rect, Omit<FlowNode, 'heading' | 'text'> {
  heading: string[]
  lines: string[]
  counts: CountLine[]
  /** Lines under the box's text that the caller asked room for (the studio's problems), wrapped. */
  notes?: string[]
}
export interface Arrow extends Omit<FlowEdge, 'label'> {
  label: string[]
  counts: CountLine[]
  points: Array<{ x: number; y: number }>
  /** Where the label sits, when there is one. */
  labelBox: Rect | null
}
export interface JourneyMap {
  id: string
  summary: string[]
  width: number
  height: number
  boxes: Box[]
  arrows: Arrow[]
}

export const lineWidth = (parts: CountLine, size: number): number =>
  parts.reduce((sum, part) => sum + measure('text' in part ? part.text : part.reserve, size), 0)

/** The count lines of a box when the map is live. */
function boxCounts(journey: string, node: FlowNode): CountLine[] {
  const slot = (field: string, initial = '0', reserve = digits): CountPart => ({ slot: [journey, node.key, field], initial, reserve })
  switch (node.kind) {
    case 'step':
      return [[slot('entered'), { text: ' entered · ' }, slot('waiting'), { text: ' waiting' }], [slot('left', 'left: 0', reasons)]]
    case 'entry':
      return [[slot('entered'), { text: ' entered' }]]
    case 'holdout':
      return [[slot('entered'), { text: ' entered · ' }, slot('goal'), { text: ' goal' }]]
    case 'end':
      return [[slot('completed'), { text: ' completed' }]]
    case 'goal':
      return [
        [slot('goal'), { text: ' reached it' }],
        [slot('ended'), { text: ' ended by goal' }],
      ]
    case 'exits': {
      // an exit on the goal's event mostly ends runs by goal: said here, beside the event
      const byGoal: CountLine[] = node.sharesGoal ? [[slot('goal'), { text: ' ended by goal (also the goal)' }]] : []
      return [[slot('exit'), { text: ' ended by exit' }], ...byGoal]
    }
    default:
      return [[slot('timeout'), { text: ' timed out' }]]
  }
}

function sizeBox(journey: string, node: FlowNode, live: boolean, notesOf?: (node: FlowNode) => string[]): Box {
  const heading = wrap(node.heading, textWidth.step, font.heading, 2)
  const lines = wrap(node.text, textWidth.step, font.text, 6)
  const counts = live ? boxCounts(journey, node) : []
  const notes = (notesOf?.(node) ?? []).flatMap((note) => wrap(note, textWidth.step, font.text, 6))
  const widest = Math.max(
    ...heading.map((text) => measure(text, font.heading)),
    ...lines.map((text) => measure(text, font.text)),
    ...counts.map((parts) => lineWidth(parts, font.count)),
    ...notes.map((text) => measure(text, font.text)),
  )
  const width = Math.ceil(Math.max(node.kind === 'step' ? 150 : 110, widest + 2 * pad.x))
  const room = notes.length ? pad.y + notes.length * line.text : 0
  const height = Math.ceil(2 * pad.y + heading.length * line.heading + lines.length * line.text + counts.length * line.count + room)
  const { heading: _h, text: _t, ...rest } = node
  return { ...rest, heading, lines, counts, ...(notes.length && { notes }), x: 0, y: 0, width, height }
}

function sizeArrow(journey: string, edge: FlowEdge, live: boolean): Arrow {
  const label = edge.label ? wrap(edge.label, textWidth.label, font.label, 3) : []
  const counts: CountLine[] = live ? [[{ slot: [journey, edge.from, `path:${edge.path}`], initial: '0', reserve: digits }]] : []
  return { ...edge, label, counts, points: [], labelBox: null }
}

export const labelSize = (arrow: Pick<Arrow, 'label' | 'counts'>) => ({
  width: Math.ceil(
    Math.max(0, ...arrow.label.map((text) => measure(text, font.label)), ...arrow.counts.map((parts) => lineWidth(parts, font.label))) + 2 * pad.label,
  ),
  height: Math.ceil((arrow.label.length + arrow.counts.length) * line.label + 2 * pad.label),
})

/**
 * Lays a journey's flow out; `live` keeps room in every box and on every arrow for counts;
 * `notesOf` gives lines a box should have room for below its text (the studio's problems).
 */
export function layOut(flow: Flow, live = false, notesOf?: (node: FlowNode) => string[]): JourneyMap {
  const boxes = flow.nodes.map((node) => sizeBox(flow.id, node, live, notesOf))
  const arrows = flow.edges.map((edge) => sizeArrow(flow.id, edge, live))
  const graph = new graphlib.Graph({ multigraph: true })
  graph.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 34, edgesep: 14, marginx: 0, marginy: 0 })
  graph.setDefaultEdgeLabel(() => ({}))
  for (const box of boxes) graph.setNode(box.key, { width: box.width, height: box.height })
  arrows.forEach((arrow, i) => {
    const size = arrow.label.length || arrow.counts.length ? labelSize(arrow) : { width: 0, height: 0 }
    // the holdout and the timeout exits are asides: they pull less on the main line
    graph.setEdge(arrow.from, arrow.to, { ...size, labelpos: 'c', weight: arrow.dashed ? 1 : 3, minlen: 1 }, String(i))
  })
  layout(graph)
  for (const box of boxes) {
    const placed = graph.node(box.key)
    box.x = (placed.x ?? 0) - box.width / 2
    box.y = (placed.y ?? 0) - box.height / 2
  }
  arrows.forEach((arrow, i) => {
    const placed = graph.edge({ v: arrow.from, w: arrow.to, name: String(i) })
    arrow.points = (placed.points ?? []).map(({ x, y }: { x: number; y: number }) => ({ x, y }))
    if (arrow.label.length || arrow.counts.length) {
      const { width, height } = labelSize(arrow)
      arrow.labelBox = { x: (placed.x ?? 0) - width / 2, y: (placed.y ?? 0) - height / 2, width, height }
    }
  })
  return shift({ id: flow.id, summary: flow.summary, width: 0, height: 0, boxes, arrows })
}

/** Moves everything so that the drawing starts at (0, 0), and measures it. */
function shift(map: JourneyMap): JourneyMap {
  const rects: Rect[] = [...map.boxes, ...map.arrows.flatMap((arrow) => (arrow.labelBox ? [arrow.labelBox] : []))]
  const points = map.arrows.flatMap((arrow) => arrow.points)
  const left = Math.min(...rects.map((rect) => rect.x), ...points.map((point) => point.x))
  const top = Math.min(...rects.map((rect) => rect.y), ...points.map((point) => point.y))
  for (const rect of rects) {
    rect.x -= left
    rect.y -= top
  }
  for (const point of points) {
    point.x -= left
    point.y -= top
  }
  map.width = Math.ceil(Math.max(...rects.map((rect) => rect.x + rect.width), ...points.map((point) => point.x)))
  map.height = Math.ceil(Math.max(...rects.map((rect) => rect.y + rect.height), ...points.map((point) => point.y)))
  return map
}

export { line, pad }
