import { listen } from '../lib/listen.js'

/**
 * Calls `onPage` once per real URL change of a single-page app (pushState, replaceState,
 * popstate, hashchange) and when a page comes back from the back/forward cache, for the
 * page's life (a runtime never stops): the history methods are wrapped.
 */
export function watchNavigation(onPage: (reason: 'history' | 'bfcache') => void): void {
  let lastUrl = location.href
  const check = () => {
    if (location.href === lastUrl) return
    lastUrl = location.href
    onPage('history')
  }
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
  listen(window, 'popstate', check)
  listen(window, 'hashchange', check)
  listen<PageTransitionEvent>(window, 'pageshow', (event) => {
    if (!event.persisted) return
    lastUrl = location.href
    onPage('bfcache')
  })
}
