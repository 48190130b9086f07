/** push.js: service worker registration, the soft ask, subscribing; loaded when a config has push. */
export * from '../push/index.js'
