/** regex.js: the linear-time $regex engine; loaded only for configs that use $regex. */
export * from '../rules/regex.js'
