/**
 * The page a view is counted for (`page.views`): the URL's path only — query and hash never
 * make a new page — with repeated slashes collapsed, a trailing slash dropped (but for the
 * root) and a final `index.html` read as its folder. `/Cart/` and `/cart` stay different:
 * servers may treat case as meaningful.
 */
export function normalizePath(pathname: string): string {
  let path = pathname.replace(/\/{2,}/g, '/').replace(/\/index\.html?$/i, '/')
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1)
  return path || '/'
}
