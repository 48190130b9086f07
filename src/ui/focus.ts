const focusable = 'a[href],button:not([disabled]),input:not([disabled]),select,textarea,[tabindex]:not([tabindex="-1"])'

/** Keeps Tab and Shift+Tab inside `container` (a modal's panel), cycling at both ends. */
export function trapTab(event: KeyboardEvent, container: HTMLElement): void {
  if (event.key !== 'Tab') return
  const elements = Array.from(container.querySelectorAll<HTMLElement>(focusable))
  if (elements.length === 0) return void event.preventDefault()
  const root = container.getRootNode() as ShadowRoot | Document
  const active = root.activeElement
  const first = elements[0]!
  const last = elements[elements.length - 1]!
  if (event.shiftKey && (active === first || active === container)) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && active === last) {
    event.preventDefault()
    first.focus()
  }
}
