/** `npm run test:e2e`: makes sure a Chromium exists, then runs the Playwright specs against dist/. */
import { spawnSync } from 'node:child_process'
import { ensureChromium } from './find-chromium.mjs'

try {
  process.env.CHROMIUM_PATH = await ensureChromium()
} catch (err) {
  console.error(err.message)
  process.exit(1)
}
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit', env: process.env })
process.exit(result.status ?? 1)
