/** What the studio says in place of the canvas (a file it cannot open), and above it (a save that did not happen). */
import type { ComponentChildren } from 'preact'
import type { Problem } from '../../../config/types.js'
import type { FileState } from './api.js'

export type Notice =
  { kind: 'disk'; state: FileState; onSave: boolean } | { kind: 'refused'; error: string; problems: Problem[] } | { kind: 'failed'; error: string }

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export function Message({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <main class="message" aria-labelledby="message-title">
      <h1 id="message-title">{title}</h1>
      {children}
    </main>
  )
}

export function NoticeView({ notice, changes, reload, dismiss }: { notice: Notice; changes: number; reload(state: FileState): void; dismiss(): void }) {
  if (notice.kind === 'disk')
    return (
      <div class="notice" role="alert">
        <p>
          {notice.state.file} changed on disk since the studio opened it.{' '}
          {notice.onSave ? 'Nothing was saved, and the file was left as it is.' : 'Saving would not overwrite it.'}
        </p>
        <button type="button" onClick={() => reload(notice.state)}>
          Reload from disk{changes ? ` (drops your ${plural(changes, 'unsaved change')})` : ''}
        </button>{' '}
        <button type="button" onClick={dismiss}>
          Keep editing
        </button>
      </div>
    )
  if (notice.kind === 'refused')
    return (
      <div class="notice" role="alert">
        <p>Not saved: {notice.error || 'the file would have problems'}. The file was left as it is.</p>
        <ul>
          {notice.problems.map((problem) => (
            <li key={problem.path + problem.message}>
              <code>{problem.path}</code>: {problem.message}
            </li>
          ))}
        </ul>
        <button type="button" onClick={dismiss}>
          Close
        </button>
      </div>
    )
  return (
    <div class="notice" role="alert">
      <p>Not saved: {notice.error}</p>
      <button type="button" onClick={dismiss}>
        Close
      </button>
    </div>
  )
}
