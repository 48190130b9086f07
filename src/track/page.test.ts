import { describe, expect, it } from 'vitest'
import { matchQuery } from '../rules/match.js'
import { pageFacts } from './page.js'

const at = (url: string) => ({ page: pageFacts({ url, path: new URL(url).pathname, referrer: '', title: '' }) })

describe('page.query facts', () => {
  it('the first value of each parameter, whatever its name', () => {
    const facts = at('https://shop.test/?coupon=a&coupon=b&constructor=x&toString=y&__proto__=z')
    expect(matchQuery({ 'page.query.coupon': 'a' }, facts)).toBe(true)
    expect(matchQuery({ 'page.query.constructor': 'x' }, facts)).toBe(true)
    expect(matchQuery({ 'page.query.toString': 'y' }, facts)).toBe(true)
    expect(matchQuery({ 'page.query.__proto__': 'z' }, facts)).toBe(true)
  })

  it('a parameter the URL does not have is no fact, even one named like an object member', () => {
    const facts = at('https://shop.test/cart')
    expect(matchQuery({ 'page.query.constructor': { $exists: false } }, facts)).toBe(true)
    expect(matchQuery({ 'page.query.hasOwnProperty': { $exists: true } }, facts)).toBe(false)
  })
})
