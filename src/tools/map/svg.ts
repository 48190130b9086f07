import type { Arrow, Box, CountLine, JourneyMap } from './layout.js'
import { font, line, pad } from './layout.js'
import { escapeXml as esc, wrap } from './text.js'

/** Drawing journey maps laid out by layout.ts: plain SVG 1.1, colours as attributes (no CSS needed). */

const family = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
const ink = '#1f1f1f'
const muted = '#555555'
const margin = 16
const header = { title: 16, line: 16, gap: 10 }

/** Fill and stroke of a box, by what it is or does. */
export const colours: Record<string, [string, string]> = {
  show: ['#e8f0fe', '#3b6fd8'],
  push: ['#fff1e0', '#b35f00'],
  track: ['#f3e8fd', '#7b3fc4'],
  set: ['#e3f6f1', '#1f7a63'],
  wait: ['#f2f2f2', '#6b6b6b'],
  split: ['#fff8d6', '#8a7200'],
  branch: ['#fff8d6', '#8a7200'],
  exit: ['#fde8e8', '#b3261e'],
  entry: ['#e3f5e1', '#2e7d32'],
  end: ['#ececec', '#444444'],
  timeout: ['#fde8e8', '#b3261e'],
  holdout: ['#fafafa', '#777777'],
  goal: ['#fff8e1', '#a86b00'],
  exits: ['#fde8e8', '#b3261e'],
}

export interface Drawing {
  /** Unique in the page the SVG goes in: it prefixes the ids of the title, the description, the arrow head. */
  idPrefix: string
  title: string
  description: string[]
}

const number = (value: number) => String(Math.round(value * 10) / 10)

function text(x: number, y: number, content: string, size: number, extra = ''): string {
  return `<text x="${number(x)}" y="${number(y)}" font-size="${size}"${extra}>${esc(content)}</text>`
}

function countLine(x: number, y: number, parts: CountLine, size: number, anchor = ''): string {
  const spans = parts.map((part) =>
    'text' in part
      ? `<tspan>${esc(part.text)}</tspan>`
      : `<tspan data-count="${esc(JSON.stringify(part.slot))}" font-weight="600">${esc(part.initial)}</tspan>`,
  )
  return `<text x="${number(x)}" y="${number(y)}" font-size="${size}" fill="${ink}"${anchor}>${spans.join('')}</text>`
}

function drawBox(box: Box): string {
  const [fill, stroke] = colours[box.kind === 'step' ? (box.action ?? 'exit') : box.kind]!
  const rounded = box.kind === 'step' ? 6 : Math.min(box.height / 2, 16)
  const dashed = ['holdout', 'timeout', 'goal', 'exits'].includes(box.kind) ? ' stroke-dasharray="5 3"' : ''
  const parts = [
    `<rect x="${number(box.x)}" y="${number(box.y)}" width="${box.width}" height="${box.height}" rx="${rounded}" fill="${fill}" stroke="${stroke}" stroke-width="1.5"${dashed}/>`,
  ]
  if (box.kind === 'step') parts.push(`<rect x="${number(box.x)}" y="${number(box.y + 3)}" width="4" height="${box.height - 6}" fill="${stroke}"/>`)
  const left = box.x + pad.x
  let top = box.y + pad.y
  for (const heading of box.heading) {
    parts.push(text(left, top + line.heading * 0.8, heading, font.heading, ` font-weight="600" fill="${ink}"`))
    top += line.heading
  }
  for (const words of box.lines) {
    parts.push(text(left, top + line.text * 0.78, words, font.text, ` fill="${ink}"`))
    top += line.text
  }
  if (box.counts.length)
    parts.push(
      `<line x1="${number(box.x + 6)}" x2="${number(box.x + box.width - 6)}" y1="${number(top + 2)}" y2="${number(top + 2)}" stroke="${stroke}" stroke-opacity="0.4"/>`,
    )
  for (const counts of box.counts) {
    parts.push(countLine(left, top + line.count * 0.82, counts, font.count))
    top += line.count
  }
  const data = box.step === undefined ? `data-node="${esc(box.key)}"` : `data-step="${esc(box.step)}"`
  return `<g class="jk-box jk-${box.kind}${box.action ? ` jk-${box.action}` : ''}" ${data}>${parts.join('')}</g>`
}

/** A line through dagre's points, its corners rounded with quadratic curves. */
export function curve(points: Arrow['points']): string {
  const [first, ...rest] = points
  if (!first) return ''
  let d = `M${number(first.x)},${number(first.y)}`
  rest.forEach((point, i) => {
    const after = rest[i + 1]
    if (!after) return void (d += ` L${number(point.x)},${number(point.y)}`)
    const mid = { x: (point.x + after.x) / 2, y: (point.y + after.y) / 2 }
    d += ` Q${number(point.x)},${number(point.y)} ${number(mid.x)},${number(mid.y)}`
  })
  return d
}

/** An arrow's line, and (drawn after every line, so that no line crosses it) its label. */
function drawArrow(arrow: Arrow, head: string): [string, string] {
  const dashed = arrow.dashed ? ' stroke-dasharray="6 4"' : ''
  const data = `data-path="${esc(arrow.path)}" data-from="${esc(arrow.from)}" data-to="${esc(arrow.to)}"`
  const path = `<path class="jk-arrow" ${data} d="${curve(arrow.points)}" fill="none" stroke="#6b6b6b" stroke-width="1.5"${dashed} marker-end="url(#${head})"/>`
  const parts: string[] = []
  const box = arrow.labelBox
  if (box) {
    parts.push(`<rect x="${number(box.x)}" y="${number(box.y)}" width="${box.width}" height="${box.height}" rx="3" fill="#ffffff" fill-opacity="0.92"/>`)
    const middle = box.x + box.width / 2
    let top = box.y + pad.label
    for (const words of arrow.label) {
      parts.push(text(middle, top + line.label * 0.8, words, font.label, ` text-anchor="middle" fill="${muted}"`))
      top += line.label
    }
    for (const counts of arrow.counts) {
      parts.push(countLine(middle, top + line.label * 0.8, counts, font.label, ' text-anchor="middle"'))
      top += line.label
    }
  }
  return [path, parts.length ? `<g class="jk-label" ${data}>${parts.join('')}</g>` : '']
}

/** The journey's name and summary above its flow; returns the SVG and its height. */
function drawHeader(map: JourneyMap, width: number): { svg: string; height: number } {
  const title = wrap(`journey ${map.id}`, width, header.title, 2)
  const lines = map.summary.flatMap((summary) => wrap(summary, width, font.text, 3))
  let y = 0
  const parts: string[] = []
  for (const words of title) {
    y += header.title + 4
    parts.push(text(0, y - 4, words, header.title, ` font-weight="700" fill="${ink}"`))
  }
  for (const words of lines) {
    y += header.line
    parts.push(text(0, y - 4, words, font.text, ` fill="${muted}"`))
  }
  return { svg: parts.join(''), height: y + header.gap }
}

/** One SVG for one or more journey maps, stacked, each under its header. */
export function drawMaps(maps: JourneyMap[], drawing: Drawing): string {
  const prefix = esc(drawing.idPrefix)
  const head = `${prefix}-head`
  const width = Math.max(420, ...maps.map((map) => map.width))
  let y = margin
  const sections = maps.map((map) => {
    const top = drawHeader(map, width)
    const arrows = map.arrows.map((arrow) => drawArrow(arrow, head))
    const section =
      `<g class="jk-journey" data-journey="${esc(map.id)}" transform="translate(${margin},${y})">${top.svg}` +
      `<g transform="translate(0,${top.height})">${arrows.map(([path]) => path).join('')}${arrows.map(([, label]) => label).join('')}${map.boxes.map(drawBox).join('')}</g></g>`
    y += top.height + map.height + 2 * margin
    return section
  })
  const height = Math.max(y - margin, 2 * margin + 20)
  const empty = maps.length ? '' : text(margin, margin + 14, 'no journeys in this config', font.text, ` fill="${muted}"`)
  const total = width + 2 * margin
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${height}" width="${total}" height="${height}" role="img"`,
    ` aria-label="${esc(drawing.title)}" aria-describedby="${prefix}-desc" font-family="${esc(family)}">`,
    `<title id="${prefix}-title">${esc(drawing.title)}</title>`,
    `<desc id="${prefix}-desc">${esc(drawing.description.join('\n'))}</desc>`,
    `<defs><marker id="${head}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">`,
    `<path d="M0,0 L10,5 L0,10 z" fill="#6b6b6b"/></marker></defs>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    empty,
    ...sections,
    '</svg>\n',
  ].join('')
}
