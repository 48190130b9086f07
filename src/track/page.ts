import type { PageContext } from '../delivery/envelope.js'

/** The page as the contract reports it, read now. */
export function readPage(): PageContext {
  return {
    url: location.href,
    path: location.pathname,
    referrer: document.referrer,
    title: document.title,
    search: location.search,
  }
}

/** Page facts for rules: `page.url`, `page.path`, `page.query.<k>`, `page.referrer`, `page.title`. */
export function pageFacts(page: PageContext): Record<string, unknown> {
  // No prototype: a parameter named `constructor` or `__proto__` is a fact like any other.
  const query: Record<string, string> = Object.create(null)
  try {
    new URL(page.url).searchParams.forEach((value, key) => {
      if (!(key in query)) query[key] = value
    })
  } catch {
    // an unparsable URL simply has no query facts
  }
  return { url: page.url, path: page.path, referrer: page.referrer, title: page.title, query }
}

/** The page context at another URL, for calls captured before the runtime loaded. */
export function pageAt(url: string, title: string, referrer: string): PageContext {
  try {
    const parsed = new URL(url)
    return { url, path: parsed.pathname, referrer, title, search: parsed.search }
  } catch {
    return { url, path: '', referrer, title, search: '' }
  }
}
