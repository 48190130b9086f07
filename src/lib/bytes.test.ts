import { describe, expect, it } from 'vitest'
import { byteLength } from './bytes.js'

const encoded = (text: string) => new TextEncoder().encode(text).length

describe('byteLength', () => {
  it.each([
    ['empty', ''],
    ['ASCII', 'journeykit {"a":1}'],
    ['Latin accents (2 bytes each)', 'déjà vu, Ærø, ñandú'],
    ['Cyrillic (2 bytes each)', 'Привет, мир! Корзина'],
    ['CJK (3 bytes each)', '購物車裡還有商品・カート'],
    ['emoji (a surrogate pair, 4 bytes)', '🛒👍🏽 ok'],
    ['a lone high surrogate (U+FFFD, 3 bytes)', 'a\ud83d b'],
    ['a lone low surrogate', 'a\ude00b'],
    ['a high surrogate at the very end', 'x\ud83d'],
    ['JSON of multi-byte properties', JSON.stringify({ title: 'Оформление заказа', note: '送料無料', emoji: '🎁' })],
  ])('counts UTF-8 bytes: %s', (_name, text) => {
    expect(byteLength(text)).toBe(encoded(text))
  })

  it('differs from string length on non-ASCII text (the defect it fixes)', () => {
    const cjk = '字'.repeat(20_000)
    expect(cjk.length).toBe(20_000)
    expect(byteLength(cjk)).toBe(60_000)
  })
})
