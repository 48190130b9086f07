/**
 * The import graph of the sources, as their text says it: every `import … from`, `export …
 * from`, `import()` and `typeof import()`, type-only ones too (a cycle of types is still a
 * tangle for a reader). `node scripts/import-graph.mjs` prints the cycles; structure.test.ts
 * fails on any.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const importPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\1/g

/** Every .ts/.tsx file under `dirs`, tests left out. */
export function sourceFiles(dirs) {
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) return walk(path)
      return /\.tsx?$/.test(entry.name) && !/\.(test|spec|d)\.tsx?$/.test(entry.name) ? [path] : []
    })
  return dirs.flatMap(walk)
}

/** file → the files it imports (relative paths from the repository root). */
export function importGraph(files, root = process.cwd()) {
  const graph = new Map()
  for (const file of files) {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '')
    const targets = new Set()
    for (const [, , spec] of text.matchAll(importPattern)) {
      const base = resolve(dirname(file), spec).replace(/\.js$/, '')
      const found = ['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((path) => existsSync(path))
      if (found) targets.add(relative(root, found))
    }
    graph.set(relative(root, file), [...targets])
  }
  return graph
}

/** The cycles of a graph, each as a list of files that ends where it starts. */
export function cyclesOf(graph) {
  const state = new Map()
  const stack = []
  const cycles = []
  const visit = (node) => {
    state.set(node, 'open')
    stack.push(node)
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next])
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(node, 'done')
  }
  for (const node of graph.keys()) if (!state.has(node)) visit(node)
  return cycles
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cycles = cyclesOf(importGraph(sourceFiles(['src', 'sdk-loader', 'service-worker'])))
  for (const cycle of cycles) console.log(cycle.join(' → '))
  console.log(`${cycles.length} cycle(s)`)
}
