/**
 * Checks a batch the way the pipelines' own code reads it (contract §5): Segment's
 * `@segment/loosely-validate-event` on each message in the in-memory form analytics-node
 * holds (`timestamp` parsed to a `Date`, as a collector does), and every field read back
 * through `@segment/facade`. Jitsu publishes types only (`@jitsu/protocols`): those are
 * checked by the compiler, see `jitsuProblems` and `captured/ingest-batches.ts`.
 *
 * Each check returns the problems it found, one sentence each naming the event, so a test
 * reads `expect(problems).toEqual([])` and a failure says what disagreed.
 */
import validate from '@segment/loosely-validate-event'
import { Identify, Page, Track } from '@segment/facade'
import { isDeepStrictEqual } from 'node:util'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

/** A message as it came off the wire: JSON, nothing more assumed. */
export type WireMessage = Record<string, any>
export interface WireBatch {
  sentAt: string
  writeKey?: string
  batch: WireMessage[]
}

const root = fileURLToPath(new URL('../..', import.meta.url))

/** `track:item_shown`, `page`, `identify`: how problems and coverage name a message. */
export const kindOf = (message: WireMessage): string => (message.type === 'track' ? `track:${message.event}` : String(message.type))

/** The envelope: what Segment's batch endpoint (and RudderStack's, Jitsu's copy of it) requires. */
export function envelopeProblems(envelope: WireBatch): string[] {
  const problems: string[] = []
  if (!Array.isArray(envelope.batch) || envelope.batch.length === 0) problems.push('envelope: `batch` is not a non-empty array')
  if (typeof envelope.sentAt !== 'string' || Number.isNaN(Date.parse(envelope.sentAt))) problems.push('envelope: `sentAt` is not an ISO date')
  if (envelope.writeKey !== undefined && typeof envelope.writeKey !== 'string') problems.push('envelope: `writeKey` is not a string')
  const bytes = Buffer.byteLength(JSON.stringify(envelope), 'utf8')
  if (bytes > 500 * 1024) problems.push(`envelope: ${bytes} bytes, over Segment's 500 KB batch limit`)
  return problems
}

/** The message as Segment's integrations read it: a Track, Page or Identify facade. */
export function facadeOf(wire: WireMessage): Track | Page | Identify {
  const copy = structuredClone(wire)
  return wire.type === 'track' ? new Track(copy) : wire.type === 'page' ? new Page(copy) : new Identify(copy)
}

/** One message through Segment's validator, then every field read back through its facade. */
export function segmentProblems(wire: WireMessage): string[] {
  const name = kindOf(wire)
  const problems: string[] = []
  const fail = (what: string) => problems.push(`${name}: ${what}`)
  if (typeof wire.timestamp !== 'string' || Number.isNaN(Date.parse(wire.timestamp))) fail('`timestamp` is not an ISO 8601 string on the wire')
  // The in-memory form: a collector parses `timestamp` into a Date before validating.
  const parsed: WireMessage = { ...structuredClone(wire), timestamp: new Date(wire.timestamp) }
  try {
    validate(parsed)
  } catch (err) {
    fail(`loosely-validate-event refused it: ${(err as Error).message}`)
  }
  if (typeof wire.messageId !== 'string' || !wire.messageId) fail('no `messageId` (pipelines drop duplicates by it)')

  const facade = facadeOf(wire)
  const same = (what: string, got: unknown, want: unknown) => {
    // The facade reads ISO date strings as Dates (push_requested's `sendAt`): compared as the JSON it sends on.
    const read = got === undefined ? got : JSON.parse(JSON.stringify(got))
    if (!isDeepStrictEqual(read, want)) fail(`facade ${what} gave ${JSON.stringify(got)}, the wire has ${JSON.stringify(want)}`)
  }
  same('userId()', facade.userId(), wire.userId)
  same('anonymousId()', facade.anonymousId(), wire.anonymousId)
  const time = facade.timestamp() as unknown
  if (!(time instanceof Date) || time.getTime() !== Date.parse(wire.timestamp))
    fail(`facade timestamp() gave ${String(time)}, not the wire's ${wire.timestamp}`)
  same('library()', facade.library(), wire.context?.library)
  same("proxy('context.page')", facade.proxy('context.page'), wire.context?.page)
  same('userAgent()', facade.userAgent(), wire.context?.userAgent)
  if (facade instanceof Track) {
    same('event()', facade.event(), wire.event)
    same('properties()', facade.properties(), wire.properties ?? {})
    if (wire.event === 'lead_captured') same('email()', facade.email(), wire.properties?.email)
  } else if (facade instanceof Page) {
    // Page.properties() adds the page's `name`; the rest must be the wire's own.
    same('properties()', facade.properties(), { ...wire.properties, ...(wire.name ? { name: wire.name } : {}) })
    same('name()', facade.name(), wire.name)
    same('url()', facade.url(), wire.properties?.url)
    same('path()', facade.path(), wire.properties?.path)
    same('title()', facade.title(), wire.properties?.title)
    same('referrer()', facade.referrer(), wire.context?.page?.referrer || wire.properties?.referrer)
  } else {
    if (wire.type !== 'identify') fail(`type ${JSON.stringify(wire.type)} is none of page, track, identify`)
    same('traits()', facade.traits(), { ...wire.traits, ...(wire.userId ? { id: wire.userId } : {}) })
    if (wire.traits?.email) same('email()', facade.email(), wire.traits.email)
  }
  return problems
}

/** Every problem in a list of envelopes, Segment's view. */
export function batchProblems(envelopes: WireBatch[]): string[] {
  return envelopes.flatMap((envelope) => [...envelopeProblems(envelope), ...envelope.batch.flatMap(segmentProblems)])
}

/** The TypeScript source that assigns captured envelopes to Jitsu's event type. */
export function jitsuSource(envelopes: WireBatch[], note: string): string {
  return `// ${note}
// Compiled by \`npm run test:types\`: Jitsu publishes its event shape as types only
// (@jitsu/protocols), so the compiler is its validator. Regenerate with
// UPDATE_INGEST_FIXTURE=1 npx playwright test examples/e2e/ingest.spec.ts
import type { AnalyticsClientEvent } from '@jitsu/protocols/analytics'
import type { ISO8601Date } from '@jitsu/protocols/iso8601'

/** Segment's batch envelope around Jitsu's client events (Jitsu ingests Segment's /v1/batch). */
export interface JitsuBatch {
  sentAt: ISO8601Date
  writeKey?: string
  batch: AnalyticsClientEvent[]
}

export const captured: JitsuBatch[] = ${JSON.stringify(envelopes, null, 2)}
`
}

/**
 * Type-checks `source` (from `jitsuSource`) against `@jitsu/protocols` with the project's own
 * compiler options, in a scratch file under `dir`; returns the compiler's complaints.
 */
export function jitsuProblems(source: string, dir: string): string[] {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'jitsu-check.ts')
  writeFileSync(file, source)
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })
  const options = { ...config?.options, noEmit: true, types: [] }
  const program = ts.createProgram([file], options)
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file?.fileName === file || !diagnostic.file)
    .map((diagnostic) => `jitsu: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`)
}

/** Where the committed capture lives (compiled by `npm run test:types`, read by unit tests). */
export const fixturePath = join(root, 'examples/e2e/captured/ingest-batches.ts')
export const fixtureDir = dirname(fixturePath)
