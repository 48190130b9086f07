/**
 * The import graph of the sources, as their text says it: every `import … from`, `export …
 * from`, `import()` and `typeof import()`, type-only ones too (a cycle of types is still a
 * tangle for a reader). `node scripts/import-graph.mjs` prints the cycles; structure.test.ts
 * fails on any.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

/**
 * An import of a relative path: a static import or re-export (`import … from`, `export … from`,
 * `import './x'`), type-only or not, or an `import()`, with or without `typeof` before it. The
 * span before `from` never crosses another import or export, nor a quote or semicolon.
 */
const importPattern =
  /\b(?:(?<statement>import|export)(?<typeOnly>\s+type\b)?(?:(?!\b(?:import|export)\b)[^'";])*?\bfrom\s*|(?<typeOf>typeof\s+)?(?<call>import)\s*\(\s*|import\s+)(?<quote>['"])(?<spec>\.{1,2}\/[^'"]+)\k<quote>/g

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

/**
 * file → what it imports (relative paths from the repository root), each with its kind:
 * `value`, a static import or re-export, which puts the target in the importer's chunk;
 * `type`, types only (`import type`, `export type`, `typeof import()`), gone once built;
 * `dynamic`, an `import()`, the entry of another chunk. A target imported two ways is listed
 * once per kind.
 */
export function importEdges(files, root = process.cwd()) {
  const edges = new Map()
  for (const file of files) {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '')
    const found = new Map()
    for (const { groups } of text.matchAll(importPattern)) {
      const base = resolve(dirname(file), groups.spec).replace(/\.js$/, '')
      const target = ['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((path) => existsSync(path))
      if (!target) continue
      const kind = groups.typeOnly || groups.typeOf ? 'type' : groups.call ? 'dynamic' : 'value'
      found.set(`${kind} ${target}`, { target: relative(root, target), kind })
    }
    edges.set(relative(root, file), [...found.values()])
  }
  return edges
}

/** file → the files it imports (relative paths from the repository root), of any kind. */
export function importGraph(files, root = process.cwd()) {
  return new Map([...importEdges(files, root)].map(([file, targets]) => [file, [...new Set(targets.map(({ target }) => target))]]))
}

/** The files `entries` bring into their chunk: themselves and what they import by value, transitively. */
export function staticallyReached(edges, entries) {
  const found = new Set()
  const visit = (file) => {
    if (found.has(file)) return
    found.add(file)
    for (const { target, kind } of edges.get(file) ?? []) if (kind === 'value') visit(target)
  }
  entries.forEach(visit)
  return found
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
