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

/**
 * Is `a` from `i` on at most `edits` insertions, deletions, substitutions or swaps of neighbours
 * from `b` from `j` on? Indices, not copies: the studio checks every event name at each edit.
 */
function isWithin(a: string, b: string, edits: number, i = 0, j = 0): boolean {
  if (!a[i] || !b[j]) return a.length - i + b.length - j <= edits // one is used up
  return a[i] == b[j]
    ? isWithin(a, b, edits, i + 1, j + 1)
    : edits > 0 &&
        (isWithin(a, b, edits - 1, i + 1, j + 1) ||
          isWithin(a, b, edits - 1, i + 1, j) ||
          isWithin(a, b, edits - 1, i, j + 1) ||
          (a[i] == b[j + 1] && a[i + 1] == b[j] && isWithin(a, b, edits - 1, i + 2, j + 2)))
}
