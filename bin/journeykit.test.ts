import { afterEach, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

describe('bin/journeykit.mjs in a clone', () => {
  it('says to build, and exits 1, when dist/ is not there (an install that skipped prepare)', () => {
    const clone = mkdtempSync(join(tmpdir(), 'journeykit-clone-'))
    dirs.push(clone)
    mkdirSync(join(clone, 'bin'))
    copyFileSync('bin/journeykit.mjs', join(clone, 'bin', 'journeykit.mjs'))
    const run = spawnSync(process.execPath, [join(clone, 'bin', 'journeykit.mjs'), 'help'], { encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('the command line is not built yet (no dist/cli.js). Run `npm run build`')
    expect(run.stderr).not.toContain('at ') // a sentence, not a stack trace
  })
})
