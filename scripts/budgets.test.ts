import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'

/** README's budget table says what size-limit.json enforces (STYLE §3.8). */
describe('README budgets', () => {
  it('match size-limit.json', () => {
    const readme = readFileSync('README.md', 'utf8')
    const budgets: Array<{ path: string | string[]; limit: string; import?: string }> = JSON.parse(readFileSync('size-limit.json', 'utf8'))
    const table = readme.slice(readme.indexOf('## Budgets'), readme.indexOf('## Browser support'))
    const rows = [...table.matchAll(/^\| (.+?) \| ([\d.]+ KB) \|$/gm)].map((m) => m[2])
    const enforced = budgets.filter((b) => !b.import).map((b) => b.limit)
    expect(rows).toEqual(enforced)
  })
})
