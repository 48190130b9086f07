import type { Config } from '../../config/types.js'

/**
 * The simulated page's items, and the runtime's say on one more (src/actions/items.ts `canShow`,
 * src/actions/act.ts): not an item already on screen, never a second modal while one is open
 * (the first to act keeps the slot: rules by priority, then journeys), no push ask where push
 * is unsupported, at most `limits.perPage` items a page view. Each page view is a new page:
 * what was open is gone.
 */
export function createScreen(config: Config) {
  const limits = { perPage: 2, perVisit: 5, ...config.limits }
  const items = config.items ?? {}
  const itemOf = (id: string) => (Object.prototype.hasOwnProperty.call(items, id) ? items[id] : undefined)
  let page = 0
  // Open items and what showed them; every item shown on this page, closed ones too.
  let open = new Map<string, string>()
  let shown: string[] = []
  return {
    limits,
    /** The page view number: 0 before the first. */
    page: () => page,
    newPage(): void {
      page++
      open = new Map()
      shown = []
    },
    /** Why `id` could not open now (`canShow`, in words), or null. */
    blocked(id: string, pushUnsupported: boolean): string | null {
      const item = itemOf(id)
      if (!item) return `no item "${id}" in the config`
      if (open.has(id)) return `${id} is on screen already (${open.get(id)})`
      const modal = item.style === 'modal' && [...open].find(([other]) => itemOf(other)?.style === 'modal')
      if (modal) return `one modal at a time: ${modal[0]} (${modal[1]}) is open on this page`
      if (item.kind === 'push' && pushUnsupported) return `${id} asks for push notifications, and push.permission is "unsupported"`
      return null
    },
    /** Why this page takes no more items (`limits.perPage`), or null. */
    full(): string | null {
      return shown.length >= limits.perPage ? `limits.perPage: ${shown.length} item(s) shown on this page already (${shown.join(', ')})` : null
    },
    open(id: string, by: string): void {
      open.set(id, by)
      shown.push(id)
    },
    /** The visitor closed it (`item_dismissed`); false when it was not open. */
    close(id: string): boolean {
      return open.delete(id)
    },
  }
}

export type Screen = ReturnType<typeof createScreen>
