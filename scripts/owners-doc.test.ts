import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import type { Config } from '../src/validate.js'
import { validateConfig } from '../src/validate.js'
import { explainRules } from '../src/explain.js'
import { runCli } from '../src/tools/cli.js'
import { templates } from '../src/tools/templates.js'

/** docs/owners.md is copied by people who cannot fix a broken recipe: every block must be a valid config. */
const doc = readFileSync('docs/owners.md', 'utf8')
const blocks = [...doc.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((match) => match[1]!)
const configs = blocks.map((text) => JSON.parse(text) as Config)
const ruleIds = (config: Config) => (config.rules ?? []).map((rule) => rule.id)
const recipe = (id: string) => {
  const found = configs.find((config) => ruleIds(config).includes(id))
  if (!found) throw new Error(`no recipe in docs/owners.md has the rule "${id}"`)
  return found
}

describe('docs/owners.md', () => {
  it('has the five goals and the two no-code recipes as JSON blocks', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(7)
  })

  it.each(blocks.map((text, i) => [i + 1, text]))('block %i is a config journeykit accepts without a warning', (_, text) => {
    expect(validateConfig(JSON.parse(text))).toEqual({ problems: [], warnings: [] })
  })

  it('shows the cart exit offer on a Thursday at 10:00 shop time, and not on a Wednesday or at 21:00', () => {
    const config = recipe('thursday-cart-exit')
    const onCart = { page: { path: '/cart' }, visit: { count: 1 } }
    const at = (iso: string) => explainRules(config, 'exit_intent', onCart, Date.parse(iso)).find((rule) => rule.rule === 'thursday-cart-exit')!
    expect(at('2026-11-26T10:00:00+01:00')).toMatchObject({ fires: true, action: expect.stringMatching(/^show cart-offer/) })
    expect(at('2026-11-25T10:00:00+01:00').fires).toBe(false)
    expect(at('2026-11-26T21:00:00+01:00').fires).toBe(false)
    expect(explainRules(config, 'exit_intent', { page: { path: '/products/boot' } }, Date.parse('2026-11-26T10:00:00+01:00'))[0]!.fires).toBe(false)
  })

  it('says so with the explain command the page gives, run as written', () => {
    const command = doc.match(/^npx journeykit (explain journeykit\.json --on exit_intent .*--at \S+)$/m)![1]!
    const { code, output } = runCli(command.split(' '), () => JSON.stringify(recipe('thursday-cart-exit')))
    expect(code).toBe(0)
    expect(output.split('\n')).toContain('✔ thursday-cart-exit: show cart-offer (if under its frequency cap {"limit":1,"per":"7d"})')
  })

  it('turns a click and a page into the events the cart-rescue journey listens for', () => {
    const journey = configs.find((config) => config.journeys?.['cart-rescue'])!.journeys!['cart-rescue']!
    const click = explainRules(recipe('button-adds-to-cart'), 'click', {}, 0)[0]!
    const page = explainRules(recipe('thank-you-is-an-order'), 'page_view', { page: { path: '/checkout/thank-you' } }, 0)[0]!
    expect([click.fires, click.action]).toEqual([true, `track ${journey.entry?.on}`])
    expect([page.fires, page.action]).toEqual([true, `track ${journey.exit![0]!.on}`])
  })

  it('plays the made-up visit it gives through the shop: the welcome pop-up keeps the Thursday offer out', () => {
    const visit = doc.match(/`visit\.json`:\n`(\[[^`]*\])`/)![1]!
    const command = doc.match(/`npx journeykit (explain journeykit\.json --timeline visit\.json)`/)![1]!
    const files: Record<string, string> = { 'journeykit.json': JSON.stringify(templates.shop), 'visit.json': visit }
    const { code, output } = runCli(command.split(' '), (path) => files[path]!)
    expect(code).toBe(0)
    expect(output.split('\n')).toContain(
      '    held back: cart-offer (rule thursday-cart-exit): one modal at a time: welcome (rule welcome-first-visit) is open on this page',
    )
  })

  it('is what init --template shop writes: the recipes in one file', () => {
    const shop = templates.shop as Config
    expect(shop.items).toEqual(Object.assign({}, ...configs.map((config) => config.items ?? {})))
    expect(shop.rules).toEqual(configs.flatMap((config) => config.rules ?? []))
    expect(shop.journeys).toEqual(Object.assign({}, ...configs.map((config) => config.journeys ?? {})))
    expect(shop.push).toEqual(configs.find((config) => config.push)!.push)
  })
})
