import { atom } from 'nanostores'
import type { Stage } from '../config/types.js'
import { uuid } from '../lib/uuid.js'
import { keys, type Storage } from './storage.js'

export interface Visitor {
  anonymousId: string
  userId: string | null
  traits: Record<string, unknown>
  stage: Stage
}

export const newVisitor = (): Visitor => ({ anonymousId: uuid(), userId: null, traits: {}, stage: 'awareness' })

/** The visitor of one runtime: an atom, loaded once from storage and written back on change. */
export function createVisitorState(storage: Storage) {
  const $visitor = atom<Visitor>(newVisitor())
  return {
    $visitor,
    async load(): Promise<void> {
      const stored = await storage.read<Visitor>(keys.visitor)
      if (stored && typeof stored.anonymousId === 'string') $visitor.set({ ...newVisitor(), ...stored })
      storage.write(keys.visitor, $visitor.get())
    },
    update(change: Partial<Visitor>): void {
      $visitor.set({ ...$visitor.get(), ...change })
      storage.write(keys.visitor, $visitor.get())
    },
    reset(): void {
      $visitor.set(newVisitor())
      storage.write(keys.visitor, $visitor.get())
    },
  }
}
