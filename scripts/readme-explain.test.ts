import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { runCli } from '../src/tools/cli.js'
import { templates } from '../src/tools/templates.js'

/** The README's site-wide explain example is what the command prints for the shop template. */
describe('README: What will each page show?', () => {
  it('prints the lines it shows for the timeline it gives', () => {
    const readme = readFileSync('README.md', 'utf8')
    const section = readme.slice(readme.indexOf('#### What will each page show?'))
    // Its blocks in order: the command, the timeline, what it prints.
    const [, timeline, shown] = [...section.matchAll(/^```\w*\n([\s\S]*?)^```$/gm)].map((block) => block[1]!)
    const files: Record<string, string> = { 'journeykit.json': JSON.stringify(templates.shop), 'timeline.json': timeline! }
    const { code, output } = runCli(['explain', 'journeykit.json', '--timeline', 'timeline.json'], (path) => files[path]!)
    expect(code).toBe(0)
    const lines = shown!.split('\n').filter((line) => line && line !== '…')
    expect(lines.length).toBeGreaterThan(10)
    expect(output.split('\n')).toEqual(expect.arrayContaining(lines))
  })
})
