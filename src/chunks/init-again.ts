/** init-again.js: a second init() with other options: which of them it ignores, in a console.warn. */
export { warnIgnored } from '../api/init-again.js'
