import { describe, expect, it } from 'vitest'
import { cellLabel, cellOf, cellQuery, galleryItems, galleryMatrix } from './matrix.js'

describe('galleryMatrix', () => {
  const config = { items: { welcome: { kind: 'focus' }, broken: 'not an item', ask: { kind: 'push' } } }

  it('draws every item that is an object, in the config’s order', () => {
    expect(galleryItems(config)).toEqual(['welcome', 'ask'])
    expect(galleryItems({ items: [] })).toEqual([])
    expect(galleryItems(null)).toEqual([])
  })

  it('has each item in each style, width and scheme', () => {
    const cells = galleryMatrix(config)
    expect(cells).toHaveLength(2 * 4 * 2 * 2)
    expect(cells[0]).toEqual({ item: 'welcome', style: 'modal', width: 'desktop', scheme: 'light' })
    expect(cells[3]).toEqual({ item: 'welcome', style: 'modal', width: 'phone', scheme: 'dark' })
    expect(new Set(cells.map(cellLabel)).size).toBe(cells.length)
  })

  it('round-trips a cell through its frame query, and refuses a wrong one', () => {
    for (const cell of galleryMatrix(config)) expect(cellOf(cellQuery(cell))).toEqual(cell)
    expect(cellOf('?item=a&style=popup&width=phone&scheme=dark')).toBeNull()
    expect(cellOf('?style=bar&width=phone&scheme=dark')).toBeNull()
    expect(cellOf('?item=a&style=bar&width=toString&scheme=dark')).toBeNull()
  })
})
