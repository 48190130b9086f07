/** after-ready.js: loaded just after ready: SPA route and activity watchers, the start of triggers, push and the preview, delivery's side in the page, carried calls. */
export { startAfterReady, startPush, applyCarried, identity } from '../engine/after-ready.js'
