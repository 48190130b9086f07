import { describe, expect, it } from 'vitest'
import { snapshotOf } from './server.js'

describe('snapshotOf', () => {
  it('lists the problems with their JSON paths', () => {
    const text = JSON.stringify({ version: 1, items: { a: { kind: 'focus', style: 'popup', title: 'A' } } })
    const snapshot = snapshotOf('/site/journeykit.json', text)
    expect(snapshot.file).toBe('journeykit.json')
    expect(snapshot.problems.map((problem) => problem.path)).toContain('items.a.style')
  })
  it('says why a file that is not JSON cannot be drawn', () => {
    expect(snapshotOf('/site/journeykit.json', '{ nope').error).toMatch(/^line 1, column 3: /)
    expect(snapshotOf('/site/journeykit.json', '{\n  "version": 1,\n}').error).toBe('line 3, column 1: remove the comma before "}"')
    expect(snapshotOf('/site/journeykit.json', null, 'ENOENT')).toEqual({ file: 'journeykit.json', error: 'ENOENT', problems: [], warnings: [] })
  })
})
