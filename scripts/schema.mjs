/**
 * Writes the config's JSON Schema, generated from src/validate/shape.ts (src/tools/schema.ts):
 * dist/journeykit.schema.json (contract §1) and the committed src/config/journeykit.schema.json,
 * which a test keeps equal to what this generates. Run by `npm run build`.
 */
import { build } from 'esbuild'
import { mkdirSync, writeFileSync } from 'node:fs'
import { format, resolveConfig } from 'prettier'

const bundled = await build({ entryPoints: ['src/tools/schema.ts'], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'error' })
const { toSchema } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`)
const committed = 'src/config/journeykit.schema.json'
const text = await format(JSON.stringify(toSchema()), { ...(await resolveConfig(committed)), filepath: committed })
writeFileSync(committed, text)
mkdirSync('dist', { recursive: true })
writeFileSync('dist/journeykit.schema.json', text)
