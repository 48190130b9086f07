import type { Visitor } from '../storage/visitor.js'
import type { Carried } from './carried.js'
import type { CapturedCall } from '../api/types.js'
import { keys } from '../storage/names.js'
import { buildMessage, messageOfCall } from '../engine/message.js'

const maxMessages = 100
const maxChars = 60_000

/**
 * Messages a page built but could not hand to the outbox before it went away (the runtime was
 * still loading, or a call was waiting on IndexedDB): kept in localStorage, which is written at
 * once, for the next page to send (src/delivery/carried.ts). Messages, not calls: nothing is
 * counted, no rule and no journey step runs twice (contract §7); a tracked call that had not
 * run at all is marked, and its effect on the visitor's state is applied there once
 * (src/engine/after-ready.ts). Never throws: storage may be full, refused or missing.
 */
export function carryMessages(messages: Carried[]): void {
  if (messages.length === 0) return
  try {
    const kept: unknown = JSON.parse(localStorage.getItem(keys.carried) ?? '[]')
    const text = JSON.stringify([...(Array.isArray(kept) ? kept : []), ...messages].slice(-maxMessages))
    // localStorage quotas are counted in UTF-16 units, so characters are the right measure here.
    if (text.length <= maxChars) localStorage.setItem(keys.carried, text)
  } catch {
    // no localStorage here: those messages are lost, as they would have been without it
  }
}

/**
 * The messages these unfinished calls would have sent, built now as they would have been
 * (an identify among them names the user of the calls after it).
 */
export function carriedFrom(calls: CapturedCall[], visitor: Visitor, visit: number, identified: boolean): Carried[] {
  let userId = visitor.userId
  const carried: Carried[] = []
  for (const call of calls) {
    const shape = messageOfCall(call)
    if (!shape || !call.id) continue
    if (call.method === 'identify') userId = call.args[0] as string
    carried.push({ message: buildMessage(shape.type, shape.fields, call.moment, { ...visitor, userId }, visit, call.id), identified, apply: true })
  }
  return carried
}
