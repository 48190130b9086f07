import { listen } from '../lib/listen.js'

/** What this needs of the Navigation API (Chromium; TypeScript's DOM types lack `navigation`). */
interface SessionHistory {
  currentEntry: NavigationHistoryEntry | null
  entries(): NavigationHistoryEntry[]
}

/**
 * The URLs this document went through up to now, from its own first history entry: each
 * entry the app pushed, in order, where the browser lists them (the Navigation API); else
 * the current URL alone.
 */
export function visitedUrls(history = (globalThis as { navigation?: SessionHistory }).navigation): string[] {
  try {
    const current = history?.currentEntry
    if (current) {
      const entries = history.entries()
      let first = current.index
      while (first > 0 && entries[first - 1]?.sameDocument) first--
      return entries.slice(first, current.index + 1).map((entry) => entry.url ?? location.href)
    }
  } catch {
    // a Navigation API that refuses (an opaque origin): the current URL, as without one
  }
  return [location.href]
}

/**
 * Calls `onPage` once per real URL change of a single-page app (pushState, replaceState,
 * popstate, hashchange) and when a page comes back from the back/forward cache, for the
 * page's life (a runtime never stops): the history methods are wrapped. It starts after
 * `ready` (src/engine/after-ready.ts): the changes made since `since`, the URL of the load's page
 * view, are reported first, one per URL the app pushed (see `visitedUrls`).
 */
export function watchNavigation(onPage: (url: string) => void, since: string): void {
  let lastUrl = since
  const visit = (url: string) => {
    if (url === lastUrl) return
    lastUrl = url
    onPage(url)
  }
  const check = () => visit(location.href)
  for (const method of ['pushState', 'replaceState'] as const) {
    const original = history[method]
    history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args)
      try {
        check()
      } catch {
        // our bookkeeping must never break the app's navigation
      }
      return result
    }
  }
  visitedUrls().forEach(visit)
  check()
  listen(window, 'popstate', check)
  listen(window, 'hashchange', check)
  listen<PageTransitionEvent>(window, 'pageshow', (event) => {
    if (!event.persisted) return
    lastUrl = location.href
    onPage(lastUrl)
  })
}
