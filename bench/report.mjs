// Plain-text tables and the small statistics the bench prints.

export const KB = 1024

export function stats(values) {
  const list = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b)
  if (list.length === 0) return { median: null, min: null, max: null, n: 0 }
  const mid = list.length >> 1
  const median = list.length % 2 ? list[mid] : (list[mid - 1] + list[mid]) / 2
  return { median, min: list[0], max: list[list.length - 1], n: list.length }
}

/** `digits` decimals, or '—' for a missing value. */
export function num(value, digits = 1) {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '—'
}

/** "median (min–max)". */
export function spread(s, digits = 1) {
  if (s.median === null) return '—'
  if (s.min === s.max) return num(s.median, digits)
  return `${num(s.median, digits)} (${num(s.min, digits)}–${num(s.max, digits)})`
}

export const mark = (ok) => (ok === null || ok === undefined ? '?' : ok ? '✓' : '✗')

/**
 * An aligned text table. `align` is a string of 'l'/'r' per column (default: first column
 * left, the rest right).
 */
export function table(headers, rows, align) {
  const cells = [headers, ...rows].map((row) => row.map((cell) => String(cell ?? '')))
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => [...(row[i] ?? '')].length)))
  const pad = (text, i) => {
    const gap = ' '.repeat(widths[i] - [...text].length)
    return (align?.[i] ?? (i === 0 ? 'l' : 'r')) === 'l' ? text + gap : gap + text
  }
  const line = (row) => row.map(pad).join('  ').trimEnd()
  return [line(cells[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n')
}
