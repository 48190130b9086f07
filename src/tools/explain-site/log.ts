/** An item that showed: which, and what showed it (`rule welcome`, `journey cart-rescue`). */
export interface Shown {
  item: string
  by: string
  variant?: string
}

/** What a rule or step would have done but did not, and why (a cap, a limit, the modal slot). */
export interface Held {
  by: string
  /** The item it would have shown. */
  item?: string
  reason: string
  /** The page view it was held back on (a delay a page view cuts: the page before). */
  page: number
}

/** What one simulated call did, for a program to read (the lines say the same in words). */
export interface Outcome {
  shown: Shown[]
  held: Held[]
  /** Events rules and steps tracked, and push requests. */
  tracked: Array<{ event: string; by: string }>
  /** Stage moves and traits set: `stage consideration → purchase (rule paid)`. */
  changed: string[]
  /** Where a count read on this page misses what the page tracks after (issue 24). */
  notes: string[]
}

export const emptyOutcome = (): Outcome => ({ shown: [], held: [], tracked: [], changed: [], notes: [] })

/**
 * Lines in a tree: what an action sets off is written under it, indented, and a heading that
 * nothing came under is left out.
 */
export function createLog() {
  let stack: string[][] = [[]]
  const line = (text: string) => void stack[stack.length - 1]!.push(text)
  return {
    line,
    /** Runs `work`; the lines it writes go under `heading` (or the line before), indented. */
    nest(heading: string | null, work: () => void): void {
      stack.push([])
      try {
        work()
      } finally {
        const lines = stack.pop()!
        if (lines.length && heading !== null) line(heading)
        for (const text of lines) line(`  ${text}`)
      }
    },
    /** The lines written since the last take. */
    take(): string[] {
      const lines = stack[0]!
      stack = [[]]
      return lines
    },
  }
}

export type Log = ReturnType<typeof createLog>
