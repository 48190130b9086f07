import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
// @ts-expect-error plain .mjs example without types
import { appendEvents, readEvents } from './events-file.mjs'

describe('the events file', () => {
  it('reads every event back in order, skipping a torn last line and closing it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'jk-file-')), 'events.ndjson')
    writeFileSync(file, '{"messageId":"a"}\n\n{"messageId":"b"}\n{"messageId":"c"')
    const read: unknown[] = []
    readEvents(file, (event: unknown) => read.push(event))
    expect(read).toEqual([{ messageId: 'a' }, { messageId: 'b' }])
    appendEvents(file, '{"messageId":"d"}\n', true)
    expect(readFileSync(file, 'utf8').split('\n').slice(-3)).toEqual(['{"messageId":"c"', '{"messageId":"d"}', ''])
  })

  it('reads nothing from a file that is not there yet, and creates it on the first append', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'jk-file-')), 'new', 'events.ndjson')
    readEvents(file, () => {
      throw new Error('no events')
    })
    appendEvents(file, '{"messageId":"a"}\n')
    expect(readFileSync(file, 'utf8')).toBe('{"messageId":"a"}\n')
  })
})
