import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { maxSubject, subjectProblem } from './commit-subject.mjs'

/** The last commit before subjects were held to 72 characters: the history from here on is checked. */
const lastLongSubject = '3156ca8'

describe('commit subjects', () => {
  it.each([
    ['Exact page.path matches its trailing-slash twin\n\nWhy…', null],
    [`${'a'.repeat(maxSubject)}\n`, null],
    [`${'é'.repeat(maxSubject)}`, null],
    [`${'a'.repeat(maxSubject + 1)}\n\nbody`, /73 characters; keep it to 72/],
    ['# a comment git strips\nTitle', null],
    ['\n\nbody only', /empty/],
  ])('%j', (message, expected) => {
    const problem = subjectProblem(message)
    if (expected === null) expect(problem).toBeNull()
    else expect(problem).toMatch(expected)
  })

  it(`every commit since ${lastLongSubject} has a subject of at most ${maxSubject} characters`, () => {
    const log = spawnSync('git', ['log', '--format=%h %s', 'HEAD'], { encoding: 'utf8' })
    expect(log.status, 'git log runs in the clone').toBe(0)
    const lines = log.stdout.split('\n').filter(Boolean)
    const end = lines.findIndex((line) => line.startsWith(lastLongSubject))
    const since = end === -1 ? lines : lines.slice(0, end)
    const long = since.filter((line) => [...line.slice(line.indexOf(' ') + 1)].length > maxSubject)
    expect(long).toEqual([])
  })
})
