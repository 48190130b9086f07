import { describe, expect, it } from 'vitest'
import { normalizePath } from './path.js'
import { readUtm } from './utm.js'

describe('normalizePath', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['/cart/', '/cart'],
    ['/cart', '/cart'],
    ['/shop//shirts///', '/shop/shirts'],
    ['/index.html', '/'],
    ['/shop/index.html', '/shop'],
    ['/Cart', '/Cart'],
    ['/INDEX.HTM', '/'],
    ['//index.html', '/'],
    ['/shop/index.html/', '/shop/index.html'],
    ['/shop/index.html5', '/shop/index.html5'],
    ['/shop/myindex.html', '/shop/myindex.html'],
  ])('%s → %s', (path, expected) => expect(normalizePath(path)).toBe(expected))
})

describe('readUtm', () => {
  it('reads the five utm parameters and nothing else', () => {
    expect(readUtm('https://shop.example/?utm_source=news&utm_medium=email&utm_campaign=fall&utm_term=linen&utm_content=hero&ref=x')).toEqual({
      source: 'news',
      medium: 'email',
      campaign: 'fall',
      term: 'linen',
      content: 'hero',
    })
  })
  it('is empty without utm parameters or for a bad URL, and caps values', () => {
    expect(readUtm('https://shop.example/cart')).toEqual({})
    expect(readUtm('not a url')).toEqual({})
    expect(readUtm(`https://x.example/?utm_source=${'a'.repeat(400)}`).source).toHaveLength(256)
  })
})
