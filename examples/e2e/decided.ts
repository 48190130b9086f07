import type { Page } from '@playwright/test'
import { expect, type Site } from './fixtures.js'

/**
 * Proof that something did NOT happen must wait for the moment it would have happened.
 * Calls run one at a time, in order, so a later call that reaches the collector proves the
 * earlier ones were decided; a later item that shows proves the lazy UI had time to show
 * an earlier one.
 */

type Config = { items?: Record<string, object>; rules?: object[] } & Record<string, unknown>
type Events = Array<Record<string, any>>

let markers = 0

/** Tracks a marker event and waits until it reached the collector: every call before it has run. */
export async function checkpoint(page: Page, site: Site): Promise<Events> {
  const marker = `checkpoint_${++markers}`
  await page.evaluate((name) => (window as any).journeykit.track(name), marker)
  return site.waitForEvents(page, (all) => all.some((e) => e.event === marker))
}

/** The config plus a `probe` bar that a rule shows on the `probe` event. */
export function withProbe<C extends Config>(config: C): C {
  return {
    ...config,
    items: { ...config.items, probe: { kind: 'focus', style: 'bar', title: 'Probe' } },
    rules: [...(config.rules ?? []), { id: 'probe', on: 'probe', show: 'probe' }],
  }
}

/** `item_shown` events other than the probe's. */
export const shownExceptProbe = (events: Events) => events.filter((e) => e.event === 'item_shown' && e.properties.item !== 'probe')

/**
 * Shows the probe through the same path a rule's item takes (call → rule → UI chunk →
 * `item_shown`), after every call the page made so far, and waits for its `item_shown` at the
 * collector. Then checks that no other item is on the page, hides the probe, and returns the
 * collector's events (for the caller's count of `shownExceptProbe`). Needs `withProbe`.
 */
export async function expectNothingElseShown(page: Page, site: Site): Promise<Events> {
  const probes = (all: Events) => all.filter((e) => e.event === 'item_shown' && e.properties.item === 'probe').length
  const before = probes(site.collector.events())
  await page.evaluate(() => (window as any).journeykit.track('probe'))
  const events = await site.waitForEvents(page, (all) => probes(all) > before)
  await expect(page.locator('[data-journeykit-item="probe"]')).toHaveCount(1)
  await expect(page.locator('[data-journeykit-item]:not([data-journeykit-item="probe"])')).toHaveCount(0)
  await page.evaluate(() => (window as any).journeykit.hide())
  return events
}
