/** consent.js: a grant (adopting a known visitor), a denial (erasing, ending the push subscription), told to the other tabs. */
export * from '../storage/consent.js'
