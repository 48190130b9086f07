/**
 * The studio server's HTTP API, as the app calls it. Every request carries the token the server
 * printed (a header; the event stream, which cannot send headers, in its URL). Paths are relative
 * to the page, so the app works wherever the server mounts it.
 */
import type { Problem } from '../../../config/types.js'
import type { Edit } from './draft.js'
import type { Template, TryRequest } from '../protocol.js'
import type { TriedPath } from '../try-path.js'

/** GET api/file: the file as it is on disk now. */
export interface FileState {
  file: string
  text: string
  /** sha256 of `text`: what a save says it started from. */
  hash: string
  config: unknown
  jsonError: { line: number; column: number; reason: string } | null
  problems: Problem[]
  warnings: Problem[]
  /** No file yet: the studio starts one. */
  missing?: boolean
}

export type SaveAnswer =
  | { kind: 'saved'; state: FileState }
  /** 409: the file changed on disk since `baseHash`; it was left as it is. */
  | { kind: 'conflict'; error: string; state: FileState }
  /** 422: the edits would give a file with problems; it was left as it is. */
  | { kind: 'refused'; error: string; problems: Problem[] }
  | { kind: 'failed'; error: string }

/** POST api/try: the narration and the path, or what could not be read. */
export type TryResult = { kind: 'tried'; lines: string[]; path: TriedPath } | { kind: 'failed'; error: string }

export interface StudioApi {
  load(): Promise<FileState>
  save(baseHash: string, edits: Edit[], seal: boolean): Promise<SaveAnswer>
  /** Calls `changed` whenever the server sees the file change on disk; returns the stop. */
  watch(changed: () => void): () => void
  /** A made-up visitor through one journey of the draft, by the real stepper (on the server). */
  tryJourney(request: TryRequest): Promise<TryResult>
  /** GET api/templates: the journeys a new one can start from. */
  templates(): Promise<Template[]>
  /** The address of a preview frame of the Items view (preview.html), light or dark. */
  previewFrame(scheme: 'light' | 'dark'): string
}

async function errorOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null
  return typeof body?.error === 'string' ? body.error : `the studio server answered ${response.status}`
}

export function studioApi(token: string): StudioApi {
  const headers = { 'X-Journeykit-Token': token }
  return {
    async load() {
      const response = await fetch('api/file', { headers, cache: 'no-store' })
      if (!response.ok) throw new Error(await errorOf(response))
      return (await response.json()) as FileState
    },
    async save(baseHash, edits, seal) {
      const body = JSON.stringify({ baseHash, edits, ...(seal && { seal }) })
      const response = await fetch('api/save', { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body }).catch(
        (err: unknown) => err as Error,
      )
      if (response instanceof Error) return { kind: 'failed', error: `the studio server cannot be reached (${response.message})` }
      if (response.ok) return { kind: 'saved', state: (await response.json()) as FileState }
      if (response.status === 409 || response.status === 422) {
        const answer = (await response.json().catch(() => ({}))) as { error?: string; state?: FileState; problems?: Problem[] }
        const error = answer.error ?? ''
        if (response.status === 409 && answer.state) return { kind: 'conflict', error, state: answer.state }
        if (response.status === 422) return { kind: 'refused', error, problems: answer.problems ?? [] }
        return { kind: 'conflict', error, state: await this.load() }
      }
      return { kind: 'failed', error: await errorOf(response) }
    },
    async templates() {
      const response = await fetch('api/templates', { headers })
      if (!response.ok) throw new Error(await errorOf(response))
      return (await response.json()) as Template[]
    },
    async tryJourney(request) {
      const body = JSON.stringify(request)
      const response = await fetch('api/try', { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body }).catch(
        (err: unknown) => err as Error,
      )
      if (response instanceof Error) return { kind: 'failed', error: `the studio server cannot be reached (${response.message})` }
      if (!response.ok) return { kind: 'failed', error: await errorOf(response) }
      const answer = (await response.json()) as { lines: string[]; path: TriedPath }
      return { kind: 'tried', ...answer }
    },
    previewFrame: (scheme) => `preview.html?scheme=${scheme}&token=${encodeURIComponent(token)}`,
    watch(changed) {
      if (typeof EventSource === 'undefined') return () => {}
      const source = new EventSource(`api/events?token=${encodeURIComponent(token)}`)
      source.addEventListener('change', changed)
      return () => source.close()
    },
  }
}
