import { listen } from '../lib/listen.js'

/**
 * Calls `onPage` once per real URL change of a single-page app (pushState, replaceState,
 * popstate, hashchange) and when a page comes back from the back/forward cache. History
 * methods are wrapped while the watcher runs and restored by `stop` when still ours.
 */
export function watchNavigation(onPage: (reason: 'history' | 'bfcache') => void) {
  let lastUrl = location.href
  const check = () => {
    if (location.href === lastUrl) return
    lastUrl = location.href
    onPage('history')
  }
  const wrap = (method: 'pushState' | 'replaceState') => {
    const original = history[method]
    const wrapped = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args)
      try {
        check()
      } catch {
        // our bookkeeping must never break the app's navigation
      }
      return result
    }
    history[method] = wrapped
    return () => {
      if (history[method] === wrapped) history[method] = original
    }
  }
  const stops = [
    wrap('pushState'),
    wrap('replaceState'),
    listen(window, 'popstate', check),
    listen(window, 'hashchange', check),
    listen<PageTransitionEvent>(window, 'pageshow', (event) => {
      if (!event.persisted) return
      lastUrl = location.href
      onPage('bfcache')
    }),
  ]
  return () => stops.forEach((stop) => stop())
}
