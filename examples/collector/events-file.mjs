// The events file: one event per line, in arrival order (NDJSON). Read back whole at start;
// appended to with each accepted batch. For pushes it is also the schedule's write-ahead log,
// so those appends are fsynced before anything acts on them.
import { appendFileSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'

/** Calls `each(event)` for every event in the file, oldest first; a blank or torn line is skipped. */
export function readEvents(file, each) {
  if (!existsSync(file)) return
  const text = readFileSync(file, 'utf8')
  for (const line of text.split('\n')) {
    let event
    try {
      event = JSON.parse(line)
    } catch {
      continue // blank or torn line
    }
    if (event && typeof event === 'object') each(event)
  }
  if (text && !text.endsWith('\n')) appendFileSync(file, '\n') // a torn last line must not swallow the next event
}

/** Appends lines; with `durable`, they are on disk (fsync) when this returns, not only handed to the OS. */
export function appendEvents(file, text, durable = false) {
  mkdirSync(dirname(file), { recursive: true })
  if (!durable) return appendFileSync(file, text)
  const fd = openSync(file, 'a')
  try {
    appendFileSync(fd, text)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
