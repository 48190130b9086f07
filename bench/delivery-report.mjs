// From the delivery runs (delivery.mjs) to the figures, targets, notes and the printed tables.
import { num, spread, stats, table } from './report.mjs'

const per = (total, count) => (typeof total === 'number' && count > 0 ? total / count : null)

export function summarizeDelivery(out, { calls, events }) {
  const track = out.track.map((run) => {
    const pick = (field) => stats(run.loops.map((l) => l[field]))
    return {
      rate: run.rate,
      loops: run.loops.length,
      perCallUs: pick('perCallUs'),
      outboxMs: pick('outboxMs'),
      mainThreadMs: pick('mainThreadMs'),
      longTasks: pick('longTasks'),
      longTaskMs: pick('longTaskMs'),
      // Each loop adds `calls` events to an outbox that nothing empties (offline).
      outboxMismatch: run.loops.filter((l, k) => l.outbox !== null && l.outbox !== (k + 1) * calls).length,
      outboxUnread: run.loops.filter((l) => l.outbox === null).length,
      waited: run.waited,
    }
  })
  const list = out.flush
  const pick = (read) => stats(list.map(read))
  const flush = {
    runs: list.length,
    events,
    deliveredS: pick((r) => (r.deliveredMs === null ? null : r.deliveredMs / 1000)),
    flushS: pick((r) => (r.flushMs === null ? null : r.flushMs / 1000)),
    flushUnresolved: list.filter((r) => r.flushMs === null).length,
    fillS: pick((r) => r.fillWrittenMs / 1000),
    posts: pick((r) => r.posts),
    eventsPerPost: pick((r) => per(r.delivered, r.posts)),
    bodyPerEvent: pick((r) => per(r.bodyBytes, r.delivered)),
    gzipPerEvent: pick((r) => per(r.gzipBytes, r.delivered)),
    headersPerEvent: pick((r) => per(r.headerBytes, r.delivered)),
    bodyBytes: pick((r) => r.bodyBytes),
    longTasks: pick((r) => r.longTasks),
    longestTaskMs: pick((r) => r.longestTaskMs),
    undelivered: list.filter((r) => r.deliveredMs === null).length,
    missing: list.filter((r) => r.distinct < r.events).length,
    arrivedOffline: list.filter((r) => r.arrivedOffline > 0).length,
    queuedShort: list.filter((r) => r.queued !== null && r.queued < r.events).length,
    leftInOutbox: list.filter((r) => r.left).length,
    bodiesUnread: list.filter((r) => r.bodiesRead < r.posts).length,
    failedPosts: list.reduce((sum, r) => sum + (r.failedPosts ?? 0), 0),
    statuses: [...new Set(list.flatMap((r) => Object.keys(r.statuses)))].sort(),
    notReady: list.filter((r) => !r.waited).length,
  }
  return { calls, track, flush }
}

export function deliveryTargets(t) {
  const check = (value, test) => (value === null || value === undefined ? null : test(value))
  const at = (rate) => t.track.find((r) => r.rate === rate)
  const rows = []
  for (const [rate, label] of [
    [1, 'F: track() per call, no throttling'],
    [4, 'F: track() per call, 4× CPU (info)'],
  ]) {
    const r = at(rate)
    rows.push({ what: label, limit: '≤ 20 µs', value: `${num(r?.perCallUs.median, 2)} µs`, ok: check(r?.perCallUs.median, (v) => v <= 20) })
  }
  const f = t.flush
  rows.push(
    {
      what: `F: ${f.events.toLocaleString('en-US')} queued events delivered, 4× CPU`,
      limit: '< 5 s',
      value: `${num(f.deliveredS.median, 2)} s`,
      // A run that never delivered them all fails the target, whatever the median says.
      ok: f.undelivered ? false : check(f.deliveredS.median, (v) => v < 5),
    },
    { what: 'F: long tasks during that flush (max)', limit: '0', value: num(f.longTasks.max, 0), ok: check(f.longTasks.max, (v) => v === 0) },
  )
  return rows
}

export function deliveryNotes(t, out, { loops, flushes }) {
  const notes = []
  for (const r of t.track) {
    if (r.loops < loops) notes.push(`track() at ${r.rate}×: ${r.loops} of ${loops} loops completed`)
    if (!r.waited) notes.push(`track() at ${r.rate}×: the page was not ready`)
    if (r.outboxMismatch) notes.push(`track() at ${r.rate}×: the outbox held an unexpected count after ${r.outboxMismatch} loop(s)`)
    if (r.outboxUnread) notes.push(`track() at ${r.rate}×: the outbox could not be counted after ${r.outboxUnread} loop(s)`)
  }
  const f = t.flush
  if (f.runs < flushes) notes.push(`flush: ${f.runs} of ${flushes} runs completed`)
  if (f.notReady) notes.push(`flush: the page was not ready in ${f.notReady} run(s)`)
  if (f.undelivered) notes.push(`flush: not every event reached the collector within 60 s in ${f.undelivered} run(s)`)
  if (f.flushUnresolved)
    notes.push(`flush: journeykit.flush() had not resolved 20 s after delivery ended in ${f.flushUnresolved} run(s); its long tasks were not read`)
  if (f.missing) notes.push(`flush: some events (by their i) were missing in ${f.missing} run(s)`)
  if (f.arrivedOffline) notes.push(`flush: events reached the collector while offline in ${f.arrivedOffline} run(s)`)
  if (f.queuedShort) notes.push(`flush: the outbox held fewer than ${f.events} events before the flush in ${f.queuedShort} run(s)`)
  if (f.leftInOutbox) notes.push(`flush: events were left in the outbox after the flush in ${f.leftInOutbox} run(s)`)
  if (f.bodiesUnread) notes.push(`flush: Playwright gave no body for some POSTs in ${f.bodiesUnread} run(s): bytes read low`)
  if (f.failedPosts) notes.push(`flush: ${f.failedPosts} POST(s) failed (left while still offline) and are not counted`)
  if (f.statuses.some((s) => s !== '200')) notes.push(`flush: the collector answered ${f.statuses.join(', ')}`)
  if (out.skipped) notes.push(`delivery: ${out.skipped} run(s) skipped: over the delivery time budget`)
  for (const failure of out.failures) notes.push(`delivery run failed: ${failure}`)
  return notes
}

export function renderDelivery(t, { cpu, loops }) {
  const lines = []
  const calls = t.calls.toLocaleString('en-US')
  lines.push(
    `delivery: track() (median (min–max) of ${loops} loops of ${calls} calls on one page per row; offline, so nothing is sent) — F: B's page and config`,
  )
  lines.push(
    table(
      ['CPU', 'track() µs / call', `${calls} in outbox: wall ms`, 'main-thread ms', 'long tasks'],
      t.track.map((r) => [`${r.rate}×`, spread(r.perCallUs, 2), spread(r.outboxMs, 0), spread(r.mainThreadMs, 0), spread(r.longTasks, 0)]),
    ),
  )
  lines.push(`  µs / call = one synchronous loop of ${calls} journeykit.track('bench', { i, sku, price }) / ${calls} (performance.now(),`)
  lines.push('  100 µs resolution: ±0.1 µs per call); track() only captures the call. in outbox = from the loop')
  lines.push('  start until `await journeykit.flush()` resolved: every call processed and written to IndexedDB,')
  lines.push("  plus one send attempt that fails at once offline; main-thread ms = union of the main thread's")
  lines.push('  tasks over that span (trace); all loops traced. The outbox is never emptied between loops.')
  lines.push('')
  const f = t.flush
  lines.push(`delivery: flush of ${f.events.toLocaleString('en-US')} queued events (median (min–max) of ${f.runs} runs, ${cpu}× CPU, loopback collector)`)
  lines.push(
    table(
      [
        'delivered s',
        'flush() s',
        'POSTs',
        'events / POST',
        'body B / event',
        'gzip B / event',
        'headers B / event',
        'long tasks',
        'longest task ms',
        'fill s (1×)',
      ],
      [
        [
          spread(f.deliveredS, 2),
          spread(f.flushS, 2),
          spread(f.posts, 0),
          spread(f.eventsPerPost, 0),
          spread(f.bodyPerEvent, 0),
          spread(f.gzipPerEvent, 0),
          spread(f.headersPerEvent, 1),
          spread(f.longTasks, 0),
          f.longTasks.max ? spread(f.longestTaskMs, 0) : '—',
          spread(f.fillS, 1),
        ],
      ],
      'rrrrrrrrrr',
    ),
  )
  lines.push('  filled offline at 1× (track() × N, then flush() resolved: all in IndexedDB), then 4× CPU; the clock')
  lines.push('  starts in Node before setOffline(false) + journeykit.flush() and stops when the collector has stored')
  lines.push('  all N (polled every 10 ms); flush() s = when the flush resolved in the page. Bytes: the POST bodies')
  lines.push('  as sent (Playwright postDataBuffer), gzip = the same bodies gzip -9 (journeykit sends them')
  lines.push('  uncompressed), headers = request headers (Playwright sizes()). Long tasks overlap the in-page flush.')
  return lines.join('\n')
}
