import { describe, expect, it } from 'vitest'
import { safeUrl } from './url.js'

const base = 'https://shop.example/cart/'

describe('safeUrl', () => {
  it.each([
    ['/checkout', 'https://shop.example/checkout'],
    ['next', 'https://shop.example/cart/next'],
    ['https://other.example/x?y=1', 'https://other.example/x?y=1'],
    ['http://plain.example/', 'http://plain.example/'],
    ['//cdn.example/a.pdf', 'https://cdn.example/a.pdf'],
  ])('allows %s', (raw, expected) => expect(safeUrl(raw, base)).toBe(expected))

  it.each(['javascript:alert(1)', '  JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'blob:https://shop.example/1', 'vbscript:x', 'ftp://x/', '', 42, null])(
    'refuses %s',
    (raw) => expect(safeUrl(raw, base)).toBeNull(),
  )
})
