/** debug.js: ?journeykit_debug=1 and init({ debug }): each decision in the console. */
export { logDecisions, logJourney } from '../debug/log.js'
