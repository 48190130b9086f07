/**
 * Text for the journey map: an approximate width per character (no font is at hand in Node),
 * wrapping to a width, and escaping. A config's text is whatever its author (or an attacker who
 * got into the file) wrote, so everything that reaches the SVG goes through `escapeXml`.
 */

/** Width of one character in ems, a little wider than system-ui and Arial draw it, so that text fits. */
function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0
  if (code > 0x2e80) return 1.05 // CJK, emoji and the like: about square
  if (" .,:;'|!il`".includes(char)) return 0.32
  if ('fjrtI()[]{}/\\"'.includes(char)) return 0.4
  if ('mwMW@%'.includes(char)) return 0.95
  if (char >= 'A' && char <= 'Z') return 0.72
  return 0.6
}

/** The width of `text` in pixels at `size` px. */
export function measure(text: string, size: number): number {
  let ems = 0
  for (const char of text) ems += charWidth(char)
  return ems * size
}

/**
 * Words wrapped to lines no wider than `width`; a word wider than a line is cut; past
 * `maxLines` the last line ends with an ellipsis (a hostile config cannot grow a box without end).
 */
export function wrap(text: string, width: number, size: number, maxLines = 8): string[] {
  const lines: string[] = []
  let line = ''
  const push = (word: string) => {
    const joined = line ? `${line} ${word}` : word
    if (measure(joined, size) <= width) return void (line = joined)
    if (line) lines.push(line)
    line = ''
    // A word too long for a line of its own is cut into pieces that fit, after a `.`, `-`, `/`,
    // `_` or `:` when there is one (`item.last-chance.` / `converted`), else anywhere.
    let piece = ''
    for (const char of word) {
      if (piece && measure(piece + char, size) > width) {
        const soft = Math.max(...[...'.-/_:'].map((mark) => piece.lastIndexOf(mark)))
        const cut = soft > 0 && soft < piece.length - 1 ? soft + 1 : piece.length
        lines.push(piece.slice(0, cut))
        piece = piece.slice(cut)
      }
      piece += char
    }
    line = piece
  }
  for (const word of text.split(/\s+/).filter(Boolean)) push(word)
  if (line) lines.push(line)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  let last = kept[maxLines - 1]!
  while (last && measure(`${last}…`, size) > width) last = [...last].slice(0, -1).join('')
  kept[maxLines - 1] = `${last}…`
  return kept
}

/**
 * Text and attribute values for XML: the five special characters as entities, and the
 * characters XML 1.0 forbids even as references (C0 controls but tab and newline, lone
 * surrogates, U+FFFE/U+FFFF) as U+FFFD.
 */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are what it replaces
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
      .replace(/[&<>"']/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[char]};`)
  )
}
