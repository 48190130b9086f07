/**
 * What a save does, decided before anything is written: the edits applied to the file's text as
 * it is now, checked as `journeykit validate` checks it, and sealed as `journeykit build` seals
 * it when asked. A file changed on disk since the studio read it, a file that is not JSON, or
 * a result with problems is refused, and nothing is written. Pure of the disk.
 */
import type { Edit, FileState, SaveRefusal, SaveRequest } from './protocol.js'
import { EditError, editShapeError } from './draft.js'
import { editText } from './edits.js'
import { stateOf } from './state.js'
import { sealKey, sealOf } from '../../config/seal.js'

export type SaveDecision = { status: 200; text: string; state: FileState } | { status: 400 | 409 | 422; refusal: SaveRefusal }

/** Why `body` (from the wire: anything) is not a save request, or null. */
function requestError(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return 'a save is a JSON object { baseHash, edits, seal? }'
  const { baseHash, edits, seal, allowWarnings } = body as Record<string, unknown>
  if (typeof baseHash !== 'string') return 'baseHash: the hash of the file the edits were made on'
  if (!Array.isArray(edits)) return 'edits: a list of { path, value } or { path, remove: true }'
  if (![undefined, true, false].includes(seal as boolean) || ![undefined, true, false].includes(allowWarnings as boolean))
    return 'seal and allowWarnings are true or false'
  return edits.map(editShapeError).find(Boolean) ?? null
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`

/**
 * The save of `body` on `file`, whose text on disk is `current` (null: no file yet).
 *
 * @example decideSave('journeykit.json', null, { baseHash: hashOf(''), edits: [{ path: ['version'], value: 1 }] }) // { status: 200, text: '{\n  "version": 1\n}\n', … }
 */
export function decideSave(file: string, current: string | null, body: unknown): SaveDecision {
  const malformed = requestError(body)
  if (malformed) return { status: 400, refusal: { error: malformed } }
  const { baseHash, edits, seal, allowWarnings } = body as SaveRequest
  const now = stateOf(file, current)
  if (now.hash !== baseHash)
    return { status: 409, refusal: { error: `${now.file} changed on disk since the studio read it: reload it to see what is there now`, state: now } }
  if (now.jsonError) {
    const { line, column, reason } = now.jsonError
    return {
      status: 422,
      refusal: { error: `${now.file} is not JSON (line ${line}, column ${column}: ${reason}): fix it in a text editor first`, problems: [] },
    }
  }
  let text: string
  try {
    text = editText(now.text, edits as Edit[])
  } catch (err) {
    if (err instanceof EditError) return { status: 400, refusal: { error: err.message } }
    throw err
  }
  let state = stateOf(file, text)
  if (!state.config && !state.problems.length) return { status: 422, refusal: { error: 'the config is empty: nothing to write', problems: [] } }
  const { problems } = state
  if (problems.length)
    return { status: 422, refusal: { error: `${plural(problems.length, 'problem')}: nothing was written`, problems, warnings: state.warnings } }
  if (seal) {
    // As `journeykit build`: a warning is what the page would ignore in silence; sealing it is a choice.
    const warnings = state.warnings.filter((warning) => warning.path !== sealKey)
    if (warnings.length && !allowWarnings)
      return { status: 422, refusal: { error: `${plural(warnings.length, 'warning')}: fix them, or seal with the warnings`, problems: [], warnings } }
    text = editText(text, [{ path: [sealKey], value: sealOf(state.config!) }])
    state = stateOf(file, text)
  }
  return { status: 200, text, state }
}
