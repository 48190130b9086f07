/**
 * Finds a Chromium for the browser tests: $CHROMIUM_PATH, then Playwright's own download,
 * then the system one. With `--install`, tries `npx playwright install chromium`, then (on
 * Debian, as root) `apt-get install -y chromium`, else explains what to do.
 */
import { existsSync } from 'node:fs'
import { execSync } from 'node:child_process'

const systemPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']

export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH || process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH
  if (fromEnv && existsSync(fromEnv)) return fromEnv
  try {
    const { chromium } = await import('playwright-core')
    const own = chromium.executablePath()
    if (own && existsSync(own)) return own
  } catch {
    // no Playwright browser downloaded
  }
  return systemPaths.find((path) => existsSync(path)) ?? null
}

function tryRun(command) {
  try {
    console.log(`> ${command}`)
    execSync(command, { stdio: 'inherit', timeout: 600_000 })
    return true
  } catch {
    return false
  }
}

export async function ensureChromium() {
  let found = await findChromium()
  if (found) return found
  tryRun('npx playwright install chromium')
  found = await findChromium()
  if (found) return found
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    if (tryRun('apt-get update -qq')) tryRun('DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium')
    found = await findChromium()
    if (found) return found
  }
  throw new Error(
    'No Chromium found for the browser tests. Install one (Debian: `sudo apt-get install chromium`; ' +
      'elsewhere: `npx playwright install chromium`) or set CHROMIUM_PATH to its executable.',
  )
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureChromium().then(
    (path) => console.log(path),
    (err) => {
      console.error(err.message)
      process.exit(1)
    },
  )
}
