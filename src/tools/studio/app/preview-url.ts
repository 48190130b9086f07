/**
 * `<site>?journeykit_preview=journey:<id>` (src/preview/target.ts reads it): the site's own query
 * and hash kept. The site comes from `journeykit studio --site <url>`.
 *
 * @example
 * previewUrl('https://shop.example/cart', 'cart-rescue') // 'https://shop.example/cart?journeykit_preview=journey%3Acart-rescue'
 */
export function previewUrl(site: string, journeyId: string): string {
  const url = new URL(site)
  url.searchParams.set('journeykit_preview', `journey:${journeyId}`)
  return url.href
}
