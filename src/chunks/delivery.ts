/** delivery.js: the outbox, batching and retries; downloaded and started when the page is idle after ready. */
export * from '../delivery/index.js'
