/**
 * Delivery (the outbox in IndexedDB, batching, retries, beacons): a chunk the core fetches as
 * soon as it starts, beside the config, and only when a collector is known.
 */
export { createSender } from './sender.js'
export { createOutbox } from './outbox.js'
export { sendCarried } from './carried.js'
