/**
 * What a page that draws an item with the real UI chunk (dist/ui.js, `mountItem`) needs to keep it
 * a picture: the scheme fixed to light or dark, no link followed or form sent, no focus taken.
 * Shared by the gallery's cells (frame.ts) and the studio's live preview (studio/preview-frame.ts).
 */
import type { GalleryScheme } from './matrix.js'

/**
 * The UI's dark palette sits under `@media (prefers-color-scheme: dark)`. The gallery shows both
 * schemes side by side, so each frame fixes its own: the media rule's inner rules apply always
 * (dark) or never (light). The real stylesheet, only its condition changed.
 */
export function fixScheme(sheet: CSSStyleSheet, scheme: GalleryScheme): void {
  for (let i = sheet.cssRules.length - 1; i >= 0; i--) {
    const rule = sheet.cssRules[i]
    if (!(rule instanceof CSSMediaRule) || !/prefers-color-scheme:\s*dark/.test(rule.conditionText)) continue
    const inner = [...rule.cssRules].map((inside) => inside.cssText)
    sheet.deleteRule(i)
    if (scheme === 'dark') inner.forEach((text) => sheet.insertRule(text, sheet.cssRules.length))
  }
}

/** Fixes the scheme of every item drawn in this document (each in its shadow root). */
export function fixItemsScheme(scheme: GalleryScheme): void {
  for (const element of document.querySelectorAll('[data-journeykit-item]')) {
    const shadow = element.shadowRoot
    for (const sheet of shadow?.adoptedStyleSheets ?? []) fixScheme(sheet, scheme)
    shadow?.querySelectorAll('style').forEach((style) => style.sheet && fixScheme(style.sheet, scheme))
  }
}

/**
 * Nothing leaves the frame: no link is followed, no form sent (the shadow root's clicks reach
 * window's capture listener first). A modal takes focus on a real page; in frames it would pull
 * the focus and scroll of the page around them, so here focus stays where the owner put it.
 */
export function keepInFrame(): void {
  addEventListener('click', (event) => event.composedPath().some((node) => node instanceof HTMLAnchorElement) && event.preventDefault(), true)
  addEventListener('submit', (event) => event.preventDefault(), true)
  HTMLElement.prototype.focus = () => undefined
}
