#!/usr/bin/env node
/**
 * Sends a web push to every subscription the reference collector stored (the latest
 * `push_subscribed` of each visitor in its NDJSON file).
 *
 *   VAPID_PUBLIC_KEY=… VAPID_PRIVATE_KEY=… VAPID_SUBJECT=mailto:you@example.com \
 *     node examples/push/send.mjs '{"title":"Price drop","body":"Linen shirt: €39","url":"/p/linen"}'
 *
 * Keys: `npx web-push generate-vapid-keys`; the public one goes in journeykit.json's
 * `push.vapidPublicKey`. FILE points at another events file.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import webpush from 'web-push'

export function latestSubscriptions(ndjson) {
  const byVisitor = new Map()
  for (const line of ndjson.split('\n')) {
    if (!line.trim()) continue
    let event
    try {
      event = JSON.parse(line)
    } catch {
      continue // a torn line
    }
    const subscription = event.event === 'push_subscribed' ? event.properties?.subscription : null
    if (subscription?.endpoint) byVisitor.set(event.userId ?? event.anonymousId, subscription)
  }
  return [...byVisitor.values()]
}

async function main() {
  const { VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT = 'mailto:shop@example.com' } = process.env
  if (!VAPID_PUBLIC_KEY || !VAPID_PRIVATE_KEY) {
    console.error('Set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY (npx web-push generate-vapid-keys).')
    process.exit(2)
  }
  const payload = process.argv[2] ?? JSON.stringify({ title: 'Hello from journeykit', body: 'A test push', url: '/' })
  try {
    if (typeof JSON.parse(payload).title !== 'string') throw new Error('no title')
  } catch {
    console.error('The payload must be JSON with a "title" (docs/reference.md §5b).')
    process.exit(2)
  }
  webpush.setVapidDetails(VAPID_SUBJECT, VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY)
  const file = process.env.FILE ?? fileURLToPath(new URL('../collector/events.ndjson', import.meta.url))
  const subscriptions = latestSubscriptions(readFileSync(file, 'utf8'))
  let sent = 0
  for (const subscription of subscriptions) {
    try {
      await webpush.sendNotification(subscription, payload)
      sent++
    } catch (err) {
      // 404/410: the subscription is gone (the visitor unsubscribed or the browser renewed it)
      console.error(`${subscription.endpoint.slice(0, 60)}…: ${err.statusCode ?? ''} ${err.body ?? err.message}`)
    }
  }
  console.log(`sent ${sent} of ${subscriptions.length} subscription(s)`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
