/**
 * `npm test`: builds, then runs every `test:*` script of package.json in order (types, unit,
 * size, e2e), going on after a failure so one run shows everything. Ends with one line that
 * sums every runner's results: `N passed, M failed`.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'

const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
const steps = Object.keys(pkg.scripts).filter((name) => name.startsWith('test:'))
rmSync('.reports', { recursive: true, force: true })

const npm = (script) => spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' }).status === 0
const counts = { passed: 0, failed: 0 }
const lines = []

if (!npm('build')) {
  console.log('\nbuild failed: nothing to test')
  console.log('0 passed, 1 failed')
  process.exit(1)
}
for (const step of steps) {
  const ok = npm(step)
  const { passed, failed } = countOf(step, ok)
  counts.passed += passed
  counts.failed += failed
  lines.push(`${ok ? '✓' : '✗'} ${step}: ${passed} passed, ${failed} failed`)
}

console.log(`\n${lines.join('\n')}`)
console.log(`${counts.passed} passed, ${counts.failed} failed`)
process.exit(counts.failed > 0 || lines.some((line) => line.startsWith('✗')) ? 1 : 0)

/** Each runner's own counts, read from the report it wrote; a step without one counts as one check. */
function countOf(step, ok) {
  const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null)
  if (step === 'test:unit') {
    const report = read('.reports/unit.json')
    if (report) return { passed: report.numPassedTests, failed: report.numFailedTests + (ok ? 0 : report.numFailedTests ? 0 : 1) }
  }
  if (step === 'test:e2e') {
    const report = read('.reports/e2e.json')
    if (report) {
      const { expected = 0, unexpected = 0, flaky = 0 } = report.stats
      return { passed: expected + flaky, failed: unexpected + (ok || unexpected ? 0 : 1) }
    }
  }
  if (step === 'test:size') {
    const report = read('.reports/size.json')
    if (report) return { passed: report.filter((r) => r.passed).length, failed: report.filter((r) => !r.passed).length }
  }
  return ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 }
}
