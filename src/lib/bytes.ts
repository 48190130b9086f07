/**
 * The UTF-8 size of a string: what a request body, a keepalive quota or a collector counts.
 * `string.length` counts UTF-16 code units, a third of the bytes of CJK text. (A lone
 * surrogate counts 3, as the U+FFFD TextEncoder writes for it.)
 */
export const byteLength = (text: string): number => new TextEncoder().encode(text).length
