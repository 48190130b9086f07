import { expect, type Locator, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { startStudio as StartStudio } from '../../src/tools/studio/server.js'
// @ts-expect-error the built studio server (npm run build), plain ESM without types here
import { startStudio as startBuiltStudio } from '../../dist/studio/server.js'

/**
 * What the studio's view specs share: a studio started on a file of their own, the owner's way of
 * typing into a field, and axe.
 */
export const startStudio = startBuiltStudio as typeof StartStudio

export interface StudioFixture {
  studio: { open(config: unknown): Promise<string> }
}

/**
 * The `studio` fixture: `open(config)` writes the config to a new journeykit.json, starts the studio
 * on it and opens it at `viewport` (then waits for `opened`, if given); the studio stops after the test.
 */
export function studioFixture(prefix: string, viewport: { width: number; height: number }, opened?: (page: Page) => Promise<void>) {
  return async ({ page }: { page: Page }, use: (studio: StudioFixture['studio']) => Promise<void>) => {
    const file = join(mkdtempSync(join(tmpdir(), prefix)), 'journeykit.json')
    let close = async () => {}
    await use({
      async open(config) {
        writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`)
        const server = await startStudio({ file })
        close = server.close
        await page.setViewportSize(viewport)
        await page.goto(server.url)
        await opened?.(page)
        return file
      },
    })
    await close()
  }
}

/** Types into a field and leaves it with Enter, as an owner does: one edit. */
export async function type(field: Locator, text: string) {
  await field.fill(text)
  await field.press('Enter')
}

export async function axe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([])
}
