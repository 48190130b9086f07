/**
 * The page a view is counted for (`page.views`): the URL's path only — query and hash never
 * make a new page — with repeated slashes collapsed, a trailing slash dropped (but for the
 * root) and a final `index.html` read as its folder. `/Cart/` and `/cart` stay different:
 * servers may treat case as meaningful.
 */
export function normalizePath(pathname: string): string {
  // A last slash goes, with an `index.html` after it; what is left of the root is ''.
  return pathname.replace(/\/+/g, '/').replace(/\/(index\.html?)?$/i, '') || '/'
}
