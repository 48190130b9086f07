/**
 * Live counts for the studio's canvas (`journeykit studio --collector <url>`): the collector's
 * own figures (GET <collector>/funnel.json, what its page draws on its maps), fetched by the
 * studio's server (the app may talk to its own origin only) and cut down to one line per box.
 */

/** Per journey, per box key (`@entry`, `step:<id>`, `@goal`, …): the words under the box. */
export type BoxCounts = Record<string, Record<string, string>>

interface StepRow {
  step: string
  entered: number
  waiting: number
}
interface JourneyRow {
  journey: string
  entered: number
  goal: number
  holdout?: { entered: number; goal: number }
  ended?: Record<string, number>
  steps?: StepRow[]
}

const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0)

/** The box lines of a collector's funnel.json (journeys-funnel.mjs's result); {} when it has none. */
export function boxCountsOf(funnel: unknown): BoxCounts {
  const rows = (funnel as { journeys?: unknown } | null)?.journeys
  if (!Array.isArray(rows)) return {}
  const counts: BoxCounts = {}
  for (const row of rows as JourneyRow[]) {
    if (!row || typeof row.journey !== 'string') continue
    const boxes: Record<string, string> = {
      '@entry': `${count(row.entered)} entered`,
      '@goal': `${count(row.goal)} reached it`,
      '@exits': `${count(row.ended?.exit)} ended by exit`,
    }
    if (row.holdout) boxes['@holdout'] = `${count(row.holdout.entered)} entered · ${count(row.holdout.goal)} goal`
    for (const step of row.steps ?? []) boxes[`step:${step.step}`] = `${count(step.entered)} entered · ${count(step.waiting)} waiting`
    counts[row.journey] = boxes
  }
  return counts
}

/** The address of the collector's figures, from the address given (its page, or its batch URL). */
export const funnelUrl = (collector: string): string => new URL('/funnel.json', collector).href

/** Fetches the collector's figures as box lines; throws a sentence when it cannot. */
export async function fetchBoxCounts(collector: string, timeout = 5000): Promise<BoxCounts> {
  const url = funnelUrl(collector)
  let answer: Response
  try {
    answer = await fetch(url, { signal: AbortSignal.timeout(timeout), headers: { Accept: 'application/json' } })
  } catch (err) {
    throw new Error(`the collector at ${url} does not answer (${err instanceof Error ? err.message : String(err)})`, {
      cause: err,
    })
  }
  if (!answer.ok) throw new Error(`the collector at ${url} answered ${answer.status}`)
  return boxCountsOf(await answer.json())
}
