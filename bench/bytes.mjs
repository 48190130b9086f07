// Byte counts of the built artifacts: raw, gzip (zlib level 9) and brotli (max quality).
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
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

/** Every `dist/*.js` plus `dist/npm/index.js`, as `{ file, raw, gzip, brotli }`, file relative to root. */
export function artifactSizes(root) {
  const dist = join(root, 'dist')
  const files = readdirSync(dist)
    .filter((name) => name.endsWith('.js'))
    .sort()
    .map((name) => join(dist, name))
  const npm = join(dist, 'npm', 'index.js')
  if (existsSync(npm)) files.push(npm)
  return files.map((file) => ({ file: relative(root, file).split(sep).join('/'), ...sizesOf(readFileSync(file)) }))
}

/**
 * Gzip total of the JS files among `paths` (URL paths on the static server, which serves `root`).
 * Each file counts once, compressed on its own, as a server would send it.
 */
export function gzipTotalOf(root, paths) {
  const files = [...new Set(paths.filter((path) => path.endsWith('.js')))].sort()
  const rows = []
  for (const path of files) {
    const file = resolve(root, '.' + decodeURIComponent(path))
    if (!file.startsWith(resolve(root) + sep) || !existsSync(file)) continue
    rows.push({ path, ...sizesOf(readFileSync(file)) })
  }
  return { files: rows, gzip: rows.reduce((sum, row) => sum + row.gzip, 0) }
}
