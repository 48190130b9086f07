import { get, set } from 'idb-keyval'
import { buildBatch, library, type Message } from '../src/delivery/envelope.js'
import { uuid } from '../src/lib/uuid.js'
import { pushStore, readSettings } from '../src/storage/push-settings.js'
import { pushKeys } from '../src/storage/push-settings.js'

const maxKept = 500

/**
 * Reports from the worker, at least once: each event joins a small outbox in IndexedDB first,
 * then everything waiting is posted; a failure keeps it for the next event. A click while the
 * site is closed is not lost.
 */
export async function report(event: string, properties: Record<string, unknown>): Promise<void> {
  const settings = await readSettings()
  if (!settings?.collector) return
  const message: Message = {
    type: 'track',
    event,
    messageId: uuid(),
    anonymousId: settings.anonymousId,
    userId: settings.userId,
    timestamp: new Date().toISOString(),
    properties,
    context: { library: { ...library } },
  }
  const db = pushStore()
  const waiting = [...((await get<Message[]>(pushKeys.workerOutbox, db).catch(() => undefined)) ?? []), message].slice(-maxKept)
  await set(pushKeys.workerOutbox, waiting, db).catch(() => undefined)
  try {
    const response = await fetch(settings.collector, {
      method: 'POST',
      body: JSON.stringify(buildBatch(waiting, settings.writeKey, new Date())),
      credentials: 'omit',
      headers: { 'Content-Type': 'text/plain' },
    })
    await response.text().catch(() => '')
    if (!response.ok) return
    const sent = new Set(waiting.map((m) => m.messageId))
    const left = ((await get<Message[]>(pushKeys.workerOutbox, db)) ?? []).filter((m) => !sent.has(m.messageId))
    await set(pushKeys.workerOutbox, left, db)
  } catch {
    // offline: what is waiting goes with the next report
  }
}
