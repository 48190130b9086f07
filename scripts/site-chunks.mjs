/**
 * The site flavour of the runtime's chunks (contract §2, §9: `journeykit build --site`), as Rollup
 * output plugins. Rollup writes ES modules; a built site's journeykit.js must be one classic
 * script, which can neither export bindings nor resolve a relative import() against its own URL.
 * So, once a chunk is minified and before its hash is taken:
 *
 * - the start chunk (the entry) is wrapped in a function: its `export{…}` becomes one object on
 *   `self[Symbol.for("journeykit.site")]`, and each `import("./x.js")` resolves against the
 *   script's own URL, read from document.currentScript as it starts;
 * - each lazy chunk's import from the start chunk, `import{a as t}from"./start.js"`, becomes
 *   `const{a:t}=self[Symbol.for("journeykit.site")];`. Imports between lazy chunks stay as they are.
 *
 * The edits are made on the parsed chunk (Rollup's parser), not by patterns over minified text.
 */
import { parseAst } from 'rollup/parseAst'

export const globalKey = 'self[Symbol.for("journeykit.site")]'
/** The start chunk's resolver of chunk URLs; a name terser never gives (checked below). */
const resolver = '$jk'

/** Every node of an ESTree, depth first. */
function* nodes(node) {
  if (!node || typeof node.type !== 'string') return
  yield node
  for (const [key, value] of Object.entries(node)) {
    if (key === 'start' || key === 'end') continue
    if (Array.isArray(value)) for (const child of value) yield* nodes(child)
    else if (value && typeof value === 'object') yield* nodes(value)
  }
}

/** `code` with each [start, end, text] edit made (edits do not overlap). */
function splice(code, edits) {
  let out = ''
  let at = 0
  for (const [start, end, text] of [...edits].sort((a, b) => a[0] - b[0])) {
    out += code.slice(at, start) + text
    at = end
  }
  return out + code.slice(at)
}

/** `{imported: local}`'s entry: `a:t`, or `t` alone when the names are the same. */
const property = (imported, local) => (imported === local ? local : `${/^[A-Za-z_$][\w$]*$/.test(imported) ? imported : JSON.stringify(imported)}:${local}`)

/** The names the top level declares with `let` or `var`: only those can be reassigned. */
const variables = (ast) =>
  new Set(
    ast.body
      .filter((node) => node.type === 'VariableDeclaration' && node.kind !== 'const')
      .flatMap((node) => node.declarations.flatMap((declarator) => [...nodes(declarator.id)].filter((id) => id.type === 'Identifier').map((id) => id.name))),
  )

/**
 * The start chunk as a classic script. Throws when it holds what a classic script cannot do
 * (a static import, import.meta), or exports a binding it reassigns: the lazy chunks read each
 * export once, as they start.
 */
export function classicStart(code) {
  const ast = parseAst(code)
  const edits = []
  const reassigned = new Set()
  for (const node of nodes(ast)) {
    if (node.type === 'Identifier' && node.name === resolver) throw new Error(`site start chunk: it already uses the name ${resolver}`)
    if (node.type === 'MetaProperty') throw new Error('site start chunk: import.meta has no meaning in a classic script')
    if (node.type === 'ImportDeclaration') throw new Error(`site start chunk: a static import of ${node.source.value}`)
    if (node.type === 'ImportExpression') edits.push([node.source.start, node.source.start, `${resolver}(`], [node.source.end, node.source.end, ')'])
    if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier') reassigned.add(node.left.name)
    if (node.type === 'UpdateExpression' && node.argument.type === 'Identifier') reassigned.add(node.argument.name)
  }
  // By name, whatever the scope: a false alarm at worst (the build then says which export).
  const mutable = variables(ast)
  for (const node of ast.body.filter(({ type }) => type.startsWith('Export'))) {
    if (node.type !== 'ExportNamedDeclaration' || node.declaration || node.source) throw new Error('site start chunk: only `export{…}` is expected')
    const properties = node.specifiers.map(({ local, exported }) => {
      if (mutable.has(local.name) && reassigned.has(local.name))
        throw new Error(`site start chunk: export ${exported.name} (${local.name}) is reassigned; lazy chunks would keep its first value`)
      return property(exported.name ?? exported.value, local.name)
    })
    edits.push([node.start, node.end, `${globalKey}=${globalKey}||{${properties.join(',')}};`])
  }
  const body = splice(code, edits)
  return `!function(${resolver}){"use strict";${body}}(function(b){return function(n){return new URL(n,b).href}}((document.currentScript||{}).src));`
}

/** A lazy chunk whose imports from the start chunk (`./${start}`) read its exports from the global instead. */
export function lazyFromGlobal(code, start) {
  const ast = parseAst(code)
  const edits = []
  for (const node of ast.body) {
    if (node.type === 'ExportAllDeclaration' && node.source.value === `./${start}`) throw new Error(`export * from the start chunk in a lazy chunk`)
    if (node.type === 'ExportNamedDeclaration' && node.source?.value === `./${start}`) throw new Error(`a re-export from the start chunk in a lazy chunk`)
    if (node.type !== 'ImportDeclaration' || node.source.value !== `./${start}`) continue
    const properties = node.specifiers.map((specifier) => {
      if (specifier.type === 'ImportNamespaceSpecifier') throw new Error('a namespace import of the start chunk in a lazy chunk')
      const imported = specifier.type === 'ImportDefaultSpecifier' ? 'default' : (specifier.imported.name ?? specifier.imported.value)
      return property(imported, specifier.local.name)
    })
    edits.push([node.start, node.end, properties.length ? `const{${properties.join(',')}}=${globalKey};` : ''])
  }
  return splice(code, edits)
}

/**
 * The output plugin: after the minifier, the entry becomes the classic start and every other
 * chunk reads the entry's exports from the global; manifest.json lists the files for the CLI.
 */
export const siteChunks = () => ({
  name: 'site-chunks',
  renderChunk(code, chunk, _options, meta) {
    if (chunk.isEntry) return { code: classicStart(code), map: null }
    const start = Object.values(meta.chunks).find((other) => other.isEntry)
    return { code: lazyFromGlobal(code, start.fileName), map: null }
  },
  generateBundle(_options, bundle) {
    const chunks = Object.values(bundle).filter((file) => file.type === 'chunk')
    const manifest = {
      start: chunks.find((chunk) => chunk.isEntry).fileName,
      chunks: chunks
        .filter((chunk) => !chunk.isEntry)
        .map((chunk) => chunk.fileName)
        .sort(),
    }
    this.emitFile({ type: 'asset', fileName: 'manifest.json', source: `${JSON.stringify(manifest, null, 2)}\n` })
  },
})
