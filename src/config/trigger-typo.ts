import { builtInTriggers, type BuiltInTrigger } from './triggers.js'

/**
 * The built-in trigger an event name is most likely a typo of, if any. Contract §7: a name
 * within a typo of a built-in (`exit_itent`) is still a custom event, but worth a warning.
 * A typo is 1–2 edits (a transposition counts as one; `Page_View` is two); at most 1 for the short
 * names (`idle`, `click`), where 2 edits already reach ordinary words (`side`, `tick`).
 */
export function likelyTrigger(name: string): BuiltInTrigger | undefined {
  for (const edits of [0, 1, 2]) {
    const found = builtInTriggers.find((trigger) => edits <= (trigger.length > 5 ? 2 : 1) && isWithin(name, trigger, edits))
    // 0 edits: the trigger itself
    if (found) return edits ? found : undefined
  }
  return undefined
}

/** Is `a` at most `edits` insertions, deletions, substitutions or swaps of neighbours from `b`? */
function isWithin(a: string, b: string, edits: number): boolean {
  if (!a || !b) return (a + b).length <= edits // one of them is empty
  if (a[0] === b[0]) return isWithin(a.slice(1), b.slice(1), edits)
  const rest = edits - 1
  return (
    edits > 0 &&
    (isWithin(a.slice(1), b.slice(1), rest) ||
      isWithin(a.slice(1), b, rest) ||
      isWithin(a, b.slice(1), rest) ||
      (a[0] === b[1] && a[1] === b[0] && isWithin(a.slice(2), b.slice(2), rest)))
  )
}
