/**
 * The gallery's matrix, pure: every item of a config, in each of the four styles, at a desktop
 * and a phone width, light and dark. Shared by the gallery page (what to draw) and its tests.
 */
export const galleryStyles = ['modal', 'bar', 'slidein', 'notification'] as const
export const galleryWidths = { desktop: { width: 1024, height: 640 }, phone: { width: 375, height: 667 } } as const
export const gallerySchemes = ['light', 'dark'] as const

export type GalleryStyle = (typeof galleryStyles)[number]
export type GalleryWidth = keyof typeof galleryWidths
export type GalleryScheme = (typeof gallerySchemes)[number]

export interface GalleryCell {
  item: string
  style: GalleryStyle
  width: GalleryWidth
  scheme: GalleryScheme
}

/** The items a config has that can be drawn (plain objects), in the config's order. */
export function galleryItems(config: unknown): string[] {
  const items = (config as { items?: unknown } | null)?.items
  if (typeof items !== 'object' || items === null || Array.isArray(items)) return []
  return Object.entries(items)
    .filter(([, item]) => typeof item === 'object' && item !== null && !Array.isArray(item))
    .map(([id]) => id)
}

/**
 * Every cell, item by item, then style, width, scheme.
 *
 * @example
 * galleryMatrix({ items: { welcome: {…} } }).length // 16: 4 styles × 2 widths × 2 schemes
 */
export function galleryMatrix(config: unknown): GalleryCell[] {
  const widths = Object.keys(galleryWidths) as GalleryWidth[]
  return galleryItems(config).flatMap((item) =>
    galleryStyles.flatMap((style) => widths.flatMap((width) => gallerySchemes.map((scheme) => ({ item, style, width, scheme })))),
  )
}

/** The frame page's query for one cell, and back. */
export function cellQuery({ item, style, width, scheme }: GalleryCell): string {
  return `?${new URLSearchParams({ item, style, width, scheme })}`
}

export function cellOf(search: string): GalleryCell | null {
  const query = new URLSearchParams(search)
  const [item, style, width, scheme] = ['item', 'style', 'width', 'scheme'].map((key) => query.get(key))
  if (
    item === null ||
    item === undefined ||
    !galleryStyles.includes(style as GalleryStyle) ||
    !Object.prototype.hasOwnProperty.call(galleryWidths, width ?? '') ||
    !gallerySchemes.includes(scheme as GalleryScheme)
  )
    return null
  return { item, style: style as GalleryStyle, width: width as GalleryWidth, scheme: scheme as GalleryScheme }
}

/** "welcome as a modal, phone width, dark": a frame's accessible name. */
export function cellLabel({ item, style, width, scheme }: GalleryCell): string {
  return `${item} as ${style}, ${width}, ${scheme}`
}
