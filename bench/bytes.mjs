// Byte counts of the built artifacts: raw, gzip (zlib level 9) and brotli (max quality).
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import { gzipSync, brotliCompressSync, constants } from 'node:zlib'

export function sizesOf(buffer) {
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      },
    }).length,
  }
}

/**
 * Every `dist/*.js` plus `dist/npm/index.js`, read once: a Map from URL path
 * (`/dist/core.js`) to contents. The bench measures these bytes and serves these same
 * bytes to the browser, so a rebuild during the run cannot mix two builds.
 */
export function snapshotDist(root) {
  const dist = join(root, 'dist')
  const names = readdirSync(dist)
    .filter((name) => name.endsWith('.js'))
    .sort()
  const files = new Map(names.map((name) => [`/dist/${name}`, readFileSync(join(dist, name))]))
  const npm = join(dist, 'npm', 'index.js')
  if (existsSync(npm)) files.set('/dist/npm/index.js', readFileSync(npm))
  return files
}

/** `{ file, raw, gzip, brotli }` for each file of a snapshot. */
export function artifactSizes(snapshot) {
  return [...snapshot].map(([path, contents]) => ({ file: path.slice(1), ...sizesOf(contents) }))
}

/**
 * Gzip total of the JS files among `paths` (URL paths on the static server), each counted
 * once and compressed on its own, as a server would send it: from the snapshot, else from disk.
 */
export function gzipTotalOf(root, paths, snapshot = new Map()) {
  const files = [...new Set(paths.filter((path) => path.endsWith('.js')))].sort()
  const rows = []
  for (const path of files) {
    let contents = snapshot.get(path)
    if (!contents) {
      const file = resolve(root, '.' + decodeURIComponent(path))
      if (!file.startsWith(resolve(root) + sep) || !existsSync(file)) continue
      contents = readFileSync(file)
    }
    rows.push({ path, ...sizesOf(contents) })
  }
  return { files: rows, gzip: rows.reduce((sum, row) => sum + row.gzip, 0) }
}
