import { rollup } from 'rollup'
import typescript from '@rollup/plugin-typescript'
import resolve from '@rollup/plugin-node-resolve'
import { minify } from 'terser'
import { gzipSync } from 'node:zlib'
const b = await rollup({ input: 'src/boot.ts', preserveEntrySignatures: 'allow-extension', plugins: [resolve(), typescript({ tsconfig: './tsconfig.json', noEmit: false })], onwarn(){} })
const { output } = await b.generate({ format: 'es' })
for (const chunk of output) { if (chunk.type !== 'chunk') continue
  const rows = []
  for (const [id, m] of Object.entries(chunk.modules)) { if (!m.code) continue; const min = (await minify(m.code, { module: true, compress: { unused: false }, mangle: { toplevel: true } })).code ?? ''; rows.push([gzipSync(min).length, id.replace(process.cwd(), '')]) }
  rows.sort((a,b)=>b[0]-a[0]); console.log(chunk.fileName); for (const r of rows) console.log('  ', r[0], r[1]) }
