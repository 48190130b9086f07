import { describe, expect, it } from 'vitest'
import { safeImageUrl, safeUrl } from './url.js'

const base = 'https://shop.example/cart/'

describe('safeUrl', () => {
  it.each([
    ['/checkout', 'https://shop.example/checkout'],
    ['next', 'https://shop.example/cart/next'],
    ['https://other.example/x?y=1', 'https://other.example/x?y=1'],
    ['http://plain.example/', 'http://plain.example/'],
    ['//cdn.example/a.pdf', 'https://cdn.example/a.pdf'],
  ])('allows %s', (raw, expected) => expect(safeUrl(raw, base)).toBe(expected))

  it.each([
    'javascript:alert(1)',
    '  JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,x',
    'blob:https://shop.example/1',
    'vbscript:x',
    'ftp://x/',
    '',
    42,
    null,
  ])('refuses %s', (raw) => expect(safeUrl(raw, base)).toBeNull())
})

describe('safeImageUrl', () => {
  it.each([
    ['https://cdn.example/a.png', 'https://cdn.example/a.png'],
    ['/img/a.png', 'https://shop.example/img/a.png'],
    ['http://tracker.example/pixel.gif', null],
    ['javascript:alert(1)', null],
  ])('%s → %s', (raw, expected) => expect(safeImageUrl(raw, base)).toBe(expected))
  it('allows same-origin http (a site served over http)', () => expect(safeImageUrl('/a.png', 'http://shop.test/')).toBe('http://shop.test/a.png'))
})
