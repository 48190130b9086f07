import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cyclesOf, importEdges, importGraph, sourceFiles, staticallyReached } from './import-graph.mjs'

const files = sourceFiles(['src', 'sdk-loader', 'service-worker'])
const edges = importEdges(files)
const runtime = 'src/engine/runtime.ts'
/** The start chunk, core.js: src/boot.ts and what it imports by value (rollup.config.mjs). */
const start = staticallyReached(edges, ['src/boot.ts'])
/** Each lazy chunk, by its entry in src/chunks/: the files it brings that the start chunk has not. */
const lazyChunks = new Map(
  files.filter((file) => file.startsWith('src/chunks/')).map((entry) => [entry, [...staticallyReached(edges, [entry])].filter((file) => !start.has(file))]),
)

describe('the structure of the sources (STYLE §1, §2)', () => {
  it('has no import cycle, type-only and dynamic imports included (`node scripts/import-graph.mjs` prints them)', () => {
    expect(cyclesOf(importGraph(files)).map((cycle) => cycle.join(' → '))).toEqual([])
  })

  it('no file of a lazy chunk imports engine/runtime.ts: each declares the narrow deps it uses', () => {
    const offenders = [...lazyChunks].flatMap(([entry, chunk]) =>
      chunk.filter((file) => edges.get(file)?.some(({ target }) => target === runtime)).map((file) => `${file} (in ${entry})`),
    )
    expect(offenders).toEqual([])
  })

  it('nothing a page loads reaches src/tools/ (the CLI, gallery, map and explainers; eslint says so too)', () => {
    const page = new Set([...start, ...[...lazyChunks.values()].flat()])
    expect([...page].filter((file) => file.startsWith('src/tools/'))).toEqual([])
    expect(page.size).toBeGreaterThan(50)
  })

  it('api/types.ts, which every part imports, imports only modules that import nothing', () => {
    const imported = edges.get('src/api/types.ts')!.map(({ target }) => target)
    expect(imported.filter((file) => edges.get(file)?.length)).toEqual([])
  })

  it('tells the start chunk from the lazy ones, as the build does', () => {
    expect(start).toContain('src/engine/create.ts')
    expect(start).toContain('src/engine/engine.ts')
    expect(start).not.toContain('src/actions/act.ts')
    expect(lazyChunks.get('src/chunks/actions.ts')).toEqual(expect.arrayContaining(['src/actions/actions.ts', 'src/actions/act.ts']))
    expect(lazyChunks.get('src/chunks/journeys.ts')).toContain('src/journeys/runtime.ts')
    expect(lazyChunks.get('src/chunks/consent.ts')).toEqual(expect.arrayContaining(['src/engine/grant.ts', 'src/engine/after-ready.ts']))
  })
})

describe('importEdges', () => {
  const source = [
    "import { b } from './b.js'",
    "import type { C } from './c.js'",
    "export type { D } from './d.js'",
    "export * from './e.js'",
    "import './f.js'",
    "type G = typeof import('./g.js')",
    "const h = () => import('./h.js')",
    "import { i, type I } from './i.js'",
    "// import { j } from './j.js'",
    "/* export { k } from './k.js' */",
    "export interface L { word: 'from' }",
    'export type M = number',
    "export {\n  n,\n} from './n.js'",
    "import { x } from 'preact'",
  ].join('\n')

  it.each([
    ['b', 'value'],
    ['c', 'type'],
    ['d', 'type'],
    ['e', 'value'],
    ['f', 'value'],
    ['g', 'type'],
    ['h', 'dynamic'],
    ['i', 'value'],
    ['j', 'none'],
    ['k', 'none'],
    ['n', 'value'],
  ])('%s.ts: %s', (name, kind) => {
    const dir = mkdtempSync(join(tmpdir(), 'import-graph-'))
    try {
      writeFileSync(join(dir, 'a.ts'), source)
      for (const other of 'bcdefghijkn') writeFileSync(join(dir, `${other}.ts`), '')
      const found = importEdges([join(dir, 'a.ts')], dir).get('a.ts') ?? []
      expect(found.filter(({ target }) => target === `${name}.ts`).map((edge) => edge.kind)).toEqual(kind === 'none' ? [] : [kind])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
