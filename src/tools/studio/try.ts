/**
 * POST /api/try: a made-up visitor walked through one journey of the app's draft by the real
 * stepper (explainJourney, as `journeykit explain --journey --timeline` does), on the server:
 * the stepper, the narrator and the schedules stay out of the app's bundle. Answers the narrated
 * lines and the path for the canvas (try-path.ts). The run's step after each call comes from the
 * same explanation of the timeline cut after that call. Reads and writes no file.
 */
import type { Config } from '../../config/types.js'
import { explainJourney } from '../explain/journey.js'
import type { TryAnswer } from './protocol.js'
import { triedPath } from './try-path.js'
import { timelineOf, type TryRow } from './try-timeline.js'

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isRow = (row: unknown): row is TryRow => isRecord(row) && ['at', 'event', 'facts'].every((key) => typeof row[key] === 'string')

/**
 * The answer to a try request: 200 with the lines and the path, or 422 with what cannot be read
 * or run, said for the owner (`Row 2: the facts are not JSON…`).
 *
 * @example
 * tryJourney({ config, journey: 'cart-rescue', start: '2026-12-01T09:00:00Z', rows: [{ at: '+0m', event: 'add_to_cart', facts: '' }] })
 */
export function tryJourney(body: unknown): { status: 200 | 400 | 422; answer: TryAnswer | { error: string } } {
  if (
    !isRecord(body) ||
    !isRecord(body.config) ||
    typeof body.journey !== 'string' ||
    typeof body.start !== 'string' ||
    !Array.isArray(body.rows) ||
    !body.rows.every(isRow)
  )
    return { status: 400, answer: { error: 'a try needs { config, journey, start, rows: [{ at, event, facts }] }' } }
  const { journey, rows } = body
  const config = body.config as unknown as Config
  try {
    const from = Date.parse(body.start.trim())
    if (Number.isNaN(from)) throw new Error('Starts at: give an ISO time, like 2026-12-01T09:00:00Z')
    const timeline = timelineOf(rows)
    const explain = (calls: unknown[]) => explainJourney(config, journey, { timeline: calls, start: from })
    const whole = explain(timeline)
    const calls = whole.calls.map((call, index) => {
      const run = (index === timeline.length - 1 ? whole : explain(timeline.slice(0, index + 1))).state.journeys[journey]?.run
      return { effects: call.effects, at: run ? run.step : undefined }
    })
    const steps = config.journeys?.[journey]?.steps ?? []
    const exitSteps = new Set(steps.filter((step) => step.exit).map((step) => step.id))
    return {
      status: 200,
      answer: { lines: [...whole.calls.flatMap((call) => call.lines), `where the visitor is: ${whole.where}`], path: triedPath(calls, exitSteps) },
    }
  } catch (err) {
    return { status: 422, answer: { error: err instanceof Error ? err.message : String(err) } }
  }
}
