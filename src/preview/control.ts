/**
 * The journey preview's control: which item of how many, and a Next button. Its own element
 * (`<div data-journeykit-preview>`) with an open shadow root, like the items (contract §6): no
 * style leaks either way, text set as text.
 */
const css = `:host{all:initial!important;position:fixed!important;top:12px!important;left:12px!important;z-index:2147483647!important}
.bar{display:flex;gap:12px;align-items:center;font:14px/1.4 system-ui,sans-serif;background:#111827;color:#f9fafb;padding:8px 12px;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.3)}
button{font:inherit;font-weight:600;background:#f9fafb;color:#111827;border:0;border-radius:6px;padding:6px 12px;cursor:pointer}
button:focus-visible{outline:3px solid #93c5fd;outline-offset:2px}`

export interface PreviewControl {
  /** Shows "journey: n of total: item" and what Next does. */
  update(text: string, next: string): void
  /** Puts the control back above the item that was just shown (both sit at the top z-index). */
  raise(): void
  remove(): void
}

export function mountControl(onNext: () => void): PreviewControl {
  const element = document.createElement('div')
  element.setAttribute('data-journeykit-preview', '')
  const shadow = element.attachShadow({ mode: 'open' })
  // Constructable stylesheets are outside CSP's style-src. Where they are missing (Safari before
  // 16.4) the control is unstyled but works: a preview is a tool for the store owner.
  try {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    shadow.adoptedStyleSheets = [sheet]
  } catch {
    // unstyled
  }
  const bar = document.createElement('div')
  bar.className = 'bar'
  bar.setAttribute('role', 'region')
  bar.setAttribute('aria-label', 'journeykit preview')
  const label = document.createElement('span')
  label.setAttribute('aria-live', 'polite')
  const button = document.createElement('button')
  button.type = 'button'
  button.addEventListener('click', onNext)
  bar.append(label, button)
  shadow.appendChild(bar)
  document.body.appendChild(element)
  return {
    update(text, next) {
      label.textContent = text
      button.textContent = next
    },
    raise: () => void document.body.appendChild(element),
    remove: () => element.remove(),
  }
}
