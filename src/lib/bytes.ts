/**
 * The UTF-8 size of a string: what a request body, a keepalive quota or a collector counts.
 * `string.length` counts UTF-16 code units, a third of the bytes of Cyrillic or CJK text.
 * A surrogate pair is 4 bytes; a lone surrogate is 3 (TextEncoder writes U+FFFD for it).
 */
export function byteLength(text: string): number {
  let bytes = text.length
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) continue
    bytes += code < 0x800 ? 1 : 2
    if (code >= 0xd800 && code < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++
  }
  return bytes
}
