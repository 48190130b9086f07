import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

/**
 * The README and docs/ are read on GitHub and from the npm package, where nothing outside the
 * repository exists: their tables must render whole, and every link must reach a file (and a
 * heading) inside it. Issue 28 found a triggers table cut in two by a blank line, and pointers
 * to a contract file that shipped with neither.
 */
const root = resolve(import.meta.dirname, '..')
const inside = (dir: string) => readdirSync(join(root, dir)).filter((name) => name.endsWith('.md'))
const examples = readdirSync(join(root, 'examples'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, 'examples', entry.name, 'README.md')))
  .map((entry) => `examples/${entry.name}/README.md`)
const docs = ['README.md', 'CHANGELOG.md', ...inside('docs').map((name) => `docs/${name}`), ...examples]
const read = (file: string) => readFileSync(join(root, file), 'utf8')

/** The lines outside fenced code blocks, with their 1-based numbers. */
function prose(text: string): { line: string; number: number }[] {
  let fence: string | null = null
  const lines: { line: string; number: number }[] = []
  text.split('\n').forEach((line, i) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1]
    if (marker && (fence === null || marker.startsWith(fence))) fence = fence === null ? marker.slice(0, 3) : null
    else if (fence === null) lines.push({ line, number: i + 1 })
  })
  return lines
}

const isRow = (line: string) => /^\s*\|.*\|\s*$/.test(line)
const isDelimiter = (line: string) => /^\s*\|(\s*:?-+:?\s*\|)+\s*$/.test(line)

/**
 * Rows that a blank line cut off from the table above them: GitHub ends the table at the blank
 * line, and the rows after it, without a header and a delimiter row of their own, render as a
 * paragraph of pipes. Two tables one after the other (the second with its own header) are fine.
 */
function interruptedTables(text: string): number[] {
  const lines = text.split('\n')
  const kept = new Set(prose(text).map(({ number }) => number))
  const found: number[] = []
  for (let i = 0; i < lines.length; i++) {
    if (!kept.has(i + 1) || !isRow(lines[i]!) || lines[i - 1]?.trim() !== '') continue
    let before = i - 1
    while (before >= 0 && lines[before]!.trim() === '') before--
    const startsTable = isDelimiter(lines[i + 1] ?? '')
    if (before >= 0 && kept.has(before + 1) && isRow(lines[before]!) && !startsTable) found.push(i + 1)
  }
  return found
}

/** The anchor GitHub gives a heading: lower case, punctuation (and `§`) dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  const text = heading.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-')
}

function anchorsOf(text: string): Set<string> {
  const seen = new Map<string, number>()
  const anchors = new Set<string>()
  for (const { line } of prose(text)) {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line)?.[1]
    if (!heading) continue
    const base = anchorOf(heading)
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    anchors.add(count ? `${base}-${count}` : base)
  }
  return anchors
}

/** Every `[text](target)` and `![alt](target)` outside code, with its line. */
function linksOf(text: string): { target: string; number: number }[] {
  const links: { target: string; number: number }[] = []
  for (const { line, number } of prose(text)) {
    const plain = line.replace(/`[^`]*`/g, '')
    for (const match of plain.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) links.push({ target: match[1]!, number })
  }
  return links
}

describe('Markdown tables', () => {
  it('finds a table that a blank line cuts in two', () => {
    const table = '| trigger | fires |\n| --- | --- |\n| `page_view` | on every page view |\n'
    expect(interruptedTables(`${table}\n| \`visit_start\` | on a new visit |\n`)).toEqual([5])
    expect(interruptedTables(`${table}| \`visit_start\` | on a new visit |\n`)).toEqual([])
    expect(interruptedTables(`${table}\n| key | meaning |\n| --- | --- |\n| a | b |\n`)).toEqual([])
    expect(interruptedTables('```\n| a |\n\n| b |\n```\n')).toEqual([])
  })

  it.each(docs)('%s has no table interrupted by a blank line', (file) => {
    expect(interruptedTables(read(file)).map((line) => `${file}:${line}`)).toEqual([])
  })
})

describe('Markdown links', () => {
  it('makes anchors as GitHub does', () => {
    expect(anchorOf('§8 Journeys')).toBe('8-journeys')
    expect(anchorOf('§5a Many tabs, one visitor')).toBe('5a-many-tabs-one-visitor')
    expect(anchorOf('Publish it sealed: `npx journeykit build`')).toBe('publish-it-sealed-npx-journeykit-build')
    expect(anchorOf("Why did (or didn't) my pop-up show?")).toBe('why-did-or-didnt-my-pop-up-show')
  })

  it.each(docs)('%s points at nothing outside the repository', (file) => {
    const text = read(file)
    const named = text.split('\n').flatMap((line, i) => (/CONTRACT\.md|\.\.\/shared\//.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []))
    expect(named).toEqual([])
    const outside = linksOf(text)
      .filter(({ target }) => !/^[a-z]+:/i.test(target) && !target.startsWith('#'))
      .filter(({ target }) => relative(root, resolve(root, dirname(file), target.split('#')[0]!)).startsWith('..'))
    expect(outside.map(({ target, number }) => `${file}:${number}: ${target}`)).toEqual([])
  })

  it.each(docs)('%s links to files and headings that exist', (file) => {
    const broken: string[] = []
    for (const { target, number } of linksOf(read(file))) {
      if (/^[a-z]+:/i.test(target)) continue
      const [path, anchor] = target.split('#') as [string, string | undefined]
      const goal = path ? join(dirname(file), decodeURI(path)) : file
      if (!existsSync(join(root, goal))) broken.push(`${file}:${number}: ${target} (no such file)`)
      else if (anchor !== undefined && goal.endsWith('.md') && !anchorsOf(read(goal)).has(anchor))
        broken.push(`${file}:${number}: ${target} (no heading #${anchor} in ${goal})`)
    }
    expect(broken).toEqual([])
  })
})
