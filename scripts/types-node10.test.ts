import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * An app on TypeScript's older `moduleResolution: "node"` (node10) reads no `exports`: without
 * `typesVersions`, `journeykit/validate`, `journeykit/explain` and `journeykit/stores` had no
 * types there (issue 28). This installs the package as npm lays it out (package.json and dist/,
 * its dependencies beside it in node_modules) and type-checks a small app with tsc.
 */
const root = resolve(import.meta.dirname, '..')
const tsc = join(root, 'node_modules/.bin/tsc')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>
const dirs: string[] = []

const app = `
import { init, type Config } from 'journeykit'
import { validateConfig } from 'journeykit/validate'
import { explainRules, explainJourney } from 'journeykit/explain'
import { $stage, $segments } from 'journeykit/stores'

const config: Config = { version: 1, rules: [] }
const problems: readonly unknown[] = validateConfig(config).problems
const fired: boolean = explainRules(config, 'page_view', {}, 0).every((rule) => rule.fires)
const stage: string | undefined = $stage.get()
const segments: readonly string[] = $segments.get()
void init({ config }).then((jk) => jk.track('signup'))
export { problems, fired, stage, segments, explainJourney }
`

/** A fresh app with journeykit installed from `manifest`, type-checked under node10 resolution. */
function typeCheck(manifest: Record<string, unknown>): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'journeykit-node10-'))
  dirs.push(dir)
  const installed = join(dir, 'node_modules/journeykit')
  mkdirSync(installed, { recursive: true })
  writeFileSync(join(installed, 'package.json'), JSON.stringify(manifest))
  symlinkSync(join(root, 'dist'), join(installed, 'dist'), 'dir')
  for (const dependency of Object.keys(manifest.dependencies as Record<string, string>)) {
    const target = join(dir, 'node_modules', dependency)
    mkdirSync(resolve(target, '..'), { recursive: true })
    symlinkSync(join(root, 'node_modules', dependency), target, 'dir')
  }
  const compilerOptions = { module: 'commonjs', moduleResolution: 'node', target: 'es2020', lib: ['es2020', 'dom'], strict: true, noEmit: true, types: [] }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['app.ts'] }))
  writeFileSync(join(dir, 'app.ts'), app)
  const run = spawnSync(tsc, ['-p', dir], { encoding: 'utf8' })
  return { status: run.status, output: `${run.stdout}${run.stderr}` }
}

describe('types under moduleResolution "node" (node10)', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist/types/stores.d.ts'))) throw new Error('dist/types is not built: run `npm run build` first')
  })
  afterAll(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

  it('resolves journeykit and its subpaths from the installed package', () => {
    expect(typeCheck(pkg)).toEqual({ status: 0, output: '' })
  }, 30_000)

  it('would not without typesVersions (so the check above proves something)', () => {
    const { typesVersions: _, ...without } = pkg
    const { status, output } = typeCheck(without)
    expect(status).not.toBe(0)
    expect(output).toContain("Cannot find module 'journeykit/validate'")
    expect(output).toContain("Cannot find module 'journeykit/stores'")
  }, 30_000)
})
