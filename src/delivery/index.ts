/**
 * Delivery (the outbox in IndexedDB, batching, retries, beacons): the delivery chunk
 * (src/chunks/delivery.ts), which after-ready.js downloads when the page is first idle after
 * ready, and only when a collector is known (delivery/delivery.ts); until then messages wait in memory.
 */
export { createSender } from './sender.js'
export { createOutbox } from './outbox.js'
export { sendCarried } from './carried.js'
