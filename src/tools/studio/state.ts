/**
 * The file as the studio shows it: its text and hash, the config, where it stops being JSON,
 * and the problems and warnings `journeykit validate` would print, with their JSON paths.
 */
import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import type { FileState } from './protocol.js'
import { checkConfig } from '../cli.js'
import { jsonSyntaxError } from '../json-error.js'
import { messages } from '../../validate/messages.js'
import { isSealed, sealKey } from '../../config/seal.js'

/** sha256 of the text, hex: what a save names as its base. */
export const hashOf = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/**
 * The state of `file` whose text is `text` (null: there is no such file yet).
 *
 * @example stateOf('/site/journeykit.json', null) // { file: 'journeykit.json', text: '', config: null, missing: true, … }
 */
export function stateOf(file: string, text: string | null): FileState {
  const base = { file: basename(file), text: text ?? '', hash: hashOf(text ?? ''), config: null, jsonError: null, problems: [], warnings: [] }
  if (text === null) return { ...base, missing: true }
  const json = text.replace(/^\uFEFF/, '')
  if (!json.trim()) return base
  let config: unknown
  try {
    config = JSON.parse(json)
  } catch (err) {
    return { ...base, jsonError: jsonSyntaxError(json, err instanceof Error ? err.message : String(err)) }
  }
  const { problems, warnings } = checkConfig(config)
  const object = typeof config === 'object' && config !== null && !Array.isArray(config) ? (config as Record<string, unknown>) : null
  // As `journeykit validate` says: a seal the page would not accept (edited since it was built).
  if (object && sealKey in object && !isSealed(object)) warnings.push({ path: sealKey, message: messages.staleSeal })
  return { ...base, config: object, problems, warnings }
}
