/**
 * The consent chunk (dist/consent.js), loaded when consent changes: a grant, which merges a
 * visitor known from an earlier grant, and what a denial erases. Not in the core: most pages
 * never see consent change.
 */
export { grantConsent } from '../api/grant.js'
export { eraseStoredData } from './erase.js'
