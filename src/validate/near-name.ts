import { builtInTriggers, type BuiltInTrigger } from '../config/trigger-names.js'

/**
 * The one "did you mean" of the validator (the runtime's check chunk and the CLI alike): the
 * name among `names` that `name` is most likely a typo of, the nearest first. A typo is 1–2
 * edits (a transposition counts as one), at most 1 for names of 5 characters or fewer, where 2
 * edits already reach other words (`idle` → `side`, `tick` → `click`). Case is no edit unless
 * `sameCase` (`Done` → `done`). Long names are not compared: suggestions are for typos.
 */
export function nearName(name: unknown, names: readonly string[], sameCase?: boolean): string | undefined {
  if (typeof name !== 'string' || name.length > 64) return undefined
  const fold = (text: string) => (sameCase ? text : text.toLowerCase())
  for (const edits of [0, 1, 2]) {
    const found = names.find((known) => edits <= (known.length > 5 ? 2 : 1) && isWithin(fold(name), fold(known), edits))
    if (found) return found
  }
  return undefined
}

/**
 * The built-in trigger an event name is most likely a typo of, if any. Contract §7: a name
 * within a typo of a built-in (`exit_itent`) is still a custom event, but worth a warning.
 * Case counts here (`Page_View` is two edits): an event name is free to differ only in case.
 */
export function likelyTrigger(name: string): BuiltInTrigger | undefined {
  const near = nearName(name, builtInTriggers, true) as BuiltInTrigger | undefined
  return near === name ? undefined : near // the trigger itself
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
