/**
 * Contract §7: CTA, asset and notification URLs must be https:, http: or relative.
 * Returns the absolute URL when allowed, or null (javascript:, data:, blob:, garbage).
 */
export function safeUrl(raw: unknown, base: string): string | null {
  if (typeof raw !== 'string' || raw.trim() === '') return null
  try {
    const url = new URL(raw, base)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null
  } catch {
    return null
  }
}

/** Images: `https:` anywhere, or the page's own origin (no mixed content, no http trackers). */
export function safeImageUrl(raw: unknown, base: string): string | null {
  const url = safeUrl(raw, base)
  return url && (url.startsWith('https:') || new URL(url).origin === new URL(base).origin) ? url : null
}
