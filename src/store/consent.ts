/**
 * The consent chunk (dist/consent.js), loaded when consent changes: what a grant merges and
 * what a denial erases. Not in the core: most pages never see consent change.
 */
export { adoptStoredVisitor } from './adopt.js'
export { eraseStoredData } from './erase.js'
