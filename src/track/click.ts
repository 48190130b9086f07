import { listen } from '../lib/listen.js'

/**
 * One delegated listener for every `click` rule: matches elements added later too, and
 * elements inside open shadow roots (through the event's composed path).
 */
export function watchClicks(selectors: string[], fire: (selector: string, element: Element) => void) {
  const unique = [...new Set(selectors)]
  const stop = listen<MouseEvent>(
    document,
    'click',
    (event) => {
      const path = event.composedPath().filter((node): node is Element => node instanceof Element)
      for (const selector of unique) {
        const element = path.find((node) => safeMatches(node, selector))
        if (element) fire(selector, element)
      }
    },
    { capture: true },
  )
  return { stop, rearm: () => undefined }
}

function safeMatches(element: Element, selector: string): boolean {
  try {
    return element.matches(selector)
  } catch {
    return false
  }
}
