import { listen } from './listen.js'

/**
 * Listens on `window` (passive; in the capture phase unless told otherwise) for the first of
 * `types`, calls `heard(false)`, then rests `restMs` without a listener, and calls `heard(true)`
 * as it listens again. A scroll or a pointer move fires 60 events a second: a watcher that only
 * needs to know that the visitor is active, or where the page is, pays one call per rest
 * instead of one per event. Hands back the function that stops it.
 */
export function listenSparsely(types: string[], restMs: number, heard: (rested: boolean) => void, capture = true): () => void {
  let stops: Array<() => void> = []
  let timer: ReturnType<typeof setTimeout> | undefined
  const stop = () => {
    clearTimeout(timer)
    stops.forEach((unlisten) => unlisten())
    stops = []
  }
  const wake = () => (stops = types.map((type) => listen(window, type, handle, { capture })))
  const handle = () => {
    stop()
    timer = setTimeout(() => (wake(), heard(true)), restMs)
    heard(false)
  }
  wake()
  return stop
}
