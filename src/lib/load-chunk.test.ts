import { afterEach, describe, expect, it, vi } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadChunk } from './load-chunk.js'

afterEach(() => vi.restoreAllMocks())

describe('loadChunk', () => {
  it('resolves with the chunk when it loads, and reports nothing', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(await loadChunk('journeys', async () => ({ start: 1 }))).toEqual({ start: 1 })
    expect(errors).not.toHaveBeenCalled()
  })

  it('names the feature that is off and the browser reason (which names the file), and resolves to null', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const failed = new TypeError('Failed to fetch dynamically imported module: https://cdn.example/journeykit/journeys.js')
    expect(await loadChunk('journeys', () => Promise.reject(failed))).toBeNull()
    expect(errors.mock.calls).toEqual([['journeykit.journeys: Failed to fetch dynamically imported module: https://cdn.example/journeykit/journeys.js']])
  })
})

describe('the lazy chunks', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) return entry.name === 'gallery' ? [] : sources(path)
      return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
    })
  const runtime = sources('src').map((path) => ({ path, text: readFileSync(path, 'utf8') }))
  const entries = readdirSync('src/chunks').map((name) => name.replace(/\.ts$/, ''))

  it('are the entry files of src/chunks/, one per dist file', () => {
    expect(entries.sort()).toEqual(
      [
        'actions',
        'after-ready',
        'config-check',
        'config-messages',
        'consent',
        'debug',
        'delivery',
        'journeys',
        'init-again',
        'journeys-check',
        'pacing',
        'preview',
        'push',
        'regex',
        'triggers',
        'ui',
      ].sort(),
    )
  })

  it('are imported only from src/chunks/, under the name of the file loadChunk reports', () => {
    const imports = runtime.flatMap(({ path, text }) => [...text.matchAll(/(?<!typeof )import\((['"])([\w./-]+)\1\)/g)].map((m) => ({ path, target: m[2]! })))
    expect(imports.filter(({ target }) => !target.startsWith('node:') && !/\/chunks\/[\w-]+\.js$/.test(target))).toEqual([])
    const calls = runtime.flatMap(({ path, text }) =>
      [...text.matchAll(/loadChunk\('([\w-]+)', \(\) => import\('[^']*\/chunks\/([\w-]+)\.js'\)\)/g)].map((m) => ({ path, name: m[1], file: m[2] })),
    )
    expect(calls.length).toBeGreaterThan(15)
    expect(calls.filter(({ name, file }) => name !== file)).toEqual([])
    expect(new Set(calls.map(({ file }) => file))).toEqual(new Set(entries))
  })
})
