/**
 * One value with get/set. The store's state lived in nanostores atoms; nothing subscribes to
 * them (the runtime reads state when a call runs), so the 300 bytes of a reactive atom bought
 * nothing and the core chunk's 8 KB budget needed them back.
 */
export interface Cell<T> {
  get(): T
  set(value: T): void
}

export function cell<T>(initial: T): Cell<T> {
  let value = initial
  return {
    get: () => value,
    set: (next) => void (value = next),
  }
}
