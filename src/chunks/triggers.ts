/** triggers.js: exit intent, scroll, time, idle and click watchers; loaded after ready when a rule listens for one. */
export * from '../track/triggers.js'
