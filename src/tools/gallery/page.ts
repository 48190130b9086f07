/**
 * The gallery page: the config's validation problems with their JSON paths, then every item in
 * each style, width and scheme, one frame per cell (frame.ts). Redrawn whenever the server says
 * the file changed (server-sent events). Config text is set as text, never parsed as HTML.
 */
import { cellLabel, cellQuery, galleryItems, galleryStyles, galleryWidths, gallerySchemes, type GalleryCell, type GalleryWidth } from './matrix.js'
import type { FrameMessage } from './frame.js'

/** What the server answers at config.json. */
export interface GallerySnapshot {
  file: string
  /** The file could not be read or is not JSON. */
  error?: string
  config?: { items?: Record<string, { kind?: unknown; style?: unknown; title?: unknown }> }
  problems: Array<{ path: string; message: string }>
  warnings: Array<{ path: string; message: string }>
}

const scale = 0.3
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] => {
  const element = document.createElement(tag)
  if (text !== undefined) element.textContent = text
  if (className) element.className = className
  return element
}

let waiting = new Set<string>()

function drawProblems(snapshot: GallerySnapshot): HTMLElement {
  const section = el('section', undefined, 'problems')
  section.setAttribute('aria-labelledby', 'problems-title')
  const title = el('h2', 'Problems')
  title.id = 'problems-title'
  const list = el('ul')
  const lines = snapshot.error
    ? [{ path: snapshot.file, message: snapshot.error, kind: 'problem' }]
    : [...snapshot.problems.map((p) => ({ ...p, kind: 'problem' })), ...snapshot.warnings.map((w) => ({ ...w, kind: 'warning' }))]
  for (const line of lines) {
    const entry = el('li', undefined, line.kind)
    entry.append(el('strong', line.kind === 'problem' ? 'Problem ' : 'Warning '), el('code', line.path), `: ${line.message}`)
    list.append(entry)
  }
  const verdict =
    snapshot.error || snapshot.problems.length ? 'journeykit refuses this config: nothing would show.' : 'No problems: journeykit accepts this config.'
  section.append(title, el('p', `${snapshot.problems.length + (snapshot.error ? 1 : 0)} problem(s), ${snapshot.warnings.length} warning(s). ${verdict}`), list)
  return section
}

function drawCell(cell: GalleryCell): HTMLElement {
  const { width, height } = galleryWidths[cell.width as GalleryWidth]
  const figure = el('figure', undefined, `cell ${cell.width} ${cell.scheme}`)
  figure.dataset.cell = cellLabel(cell)
  const box = el('div', undefined, 'box')
  box.style.width = `${width * scale}px`
  box.style.height = `${height * scale}px`
  const frame = el('iframe')
  frame.title = cellLabel(cell)
  frame.width = String(width)
  frame.height = String(height)
  frame.tabIndex = -1
  frame.src = `frame.html${cellQuery(cell)}`
  waiting.add(cellQuery(cell))
  box.append(frame)
  figure.append(box, el('figcaption', `${cell.width}, ${cell.scheme}`))
  return figure
}

function drawItem(id: string, item: { kind?: unknown; style?: unknown; title?: unknown }): HTMLElement {
  const section = el('section', undefined, 'item')
  section.dataset.item = id
  section.append(el('h2', `${id}`), el('p', `${String(item.kind ?? '?')}, configured as ${String(item.style ?? '?')}: “${String(item.title ?? '')}”`, 'about'))
  for (const style of galleryStyles) {
    const row = el('div', undefined, 'row')
    row.append(el('h3', style === item.style ? `${style} (its style)` : style))
    for (const width of Object.keys(galleryWidths) as GalleryWidth[])
      for (const scheme of gallerySchemes) row.append(drawCell({ item: id, style, width, scheme }))
    section.append(row)
  }
  return section
}

async function draw(): Promise<void> {
  const snapshot = (await (await fetch('config.json', { cache: 'no-store' })).json()) as GallerySnapshot
  waiting = new Set()
  document.body.removeAttribute('data-gallery-ready')
  const main = document.querySelector('main')!
  const ids = galleryItems(snapshot.config)
  document.title = `journeykit gallery: ${snapshot.file}`
  document.querySelector('h1')!.textContent = `journeykit gallery: ${snapshot.file}`
  main.replaceChildren(drawProblems(snapshot), ...ids.map((id) => drawItem(id, snapshot.config!.items![id]!)))
  if (!ids.length) main.append(el('p', 'No item to draw.'))
  if (!waiting.size) document.body.dataset.galleryReady = 'true'
  document.querySelector('[role=status]')!.textContent = `Drawn ${ids.length} item(s); ${snapshot.problems.length + (snapshot.error ? 1 : 0)} problem(s).`
}

addEventListener('message', (event: MessageEvent<FrameMessage>) => {
  if (event.origin !== location.origin || !event.data?.journeykitGallery) return
  if (event.data.journeykitGallery === 'event') {
    document.querySelector('[role=status]')!.textContent = `Not sent (a gallery sends nothing): ${event.data.event}, ${event.data.cell}`
  } else if (waiting.delete(event.data.cell) && !waiting.size) document.body.dataset.galleryReady = 'true'
})

new EventSource('events').addEventListener('change', () => void draw())
void draw()
