/** config-check.js: the validator; loaded for a config without a matching seal, and in debug mode. */
export { checkConfig } from '../validate/check.js'

// What journeys-check.js takes from this chunk (short names: they are what the two chunks'
// import and export say). Without them Rollup would put these modules in a chunk of their own,
// one request more before a config with journeys is checked.
export { walk as w } from '../validate/walk.js'
export { isPlainObject as i } from '../validate/query.js'
export { rule as r } from '../validate/shape.js'
export { nearName as n } from '../validate/near-name.js'
