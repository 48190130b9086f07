import { reportError } from '../lib/log.js'

export type Handler<T> = (payload: T) => void

/** A tiny event emitter; one throwing handler never stops the others. */
export function createEmitter<T>() {
  const handlers = new Map<string, Set<Handler<T>>>()
  return {
    on(name: string, handler: Handler<T>): () => void {
      let set = handlers.get(name)
      if (!set) handlers.set(name, (set = new Set()))
      set.add(handler)
      return () => void set.delete(handler)
    },
    emit(name: string, payload: T): void {
      for (const key of [name, '*']) {
        handlers.get(key)?.forEach((handler) => {
          try {
            handler(payload)
          } catch (err) {
            reportError(`on('${name}') handler`, err)
          }
        })
      }
    },
  }
}
