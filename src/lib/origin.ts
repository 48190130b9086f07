/**
 * Whether `value` is exactly a web origin, `https://shop.example` or `http://localhost:8080`:
 * an http(s) scheme and a host, no path, query, user or trailing slash, written the way the
 * URL parser writes `origin` (lowercase host, no default port). Such strings can be compared
 * with `URL.origin` by equality (`push.allowedOrigins`, contract §7).
 */
export function isWebOrigin(value: unknown): value is string {
  try {
    // new URL() throws on what does not parse; only a string can equal the parsed origin
    return /^https?:/.test(value as string) && new URL(value as string).origin === value
  } catch {
    return false
  }
}
