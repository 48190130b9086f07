/** Adds a passive listener and hands back the function that removes it. */
export function listen<E extends Event = Event>(
  target: EventTarget,
  type: string,
  handler: (event: E) => void,
  options: AddEventListenerOptions = {},
): () => void {
  const opts = { passive: true, ...options }
  target.addEventListener(type, handler as EventListener, opts)
  return () => target.removeEventListener(type, handler as EventListener, opts)
}
