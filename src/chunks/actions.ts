/** actions.js: what rules and steps do (show, push, set, push requests); loaded when one first acts. */
export { createActionKit, isCapped } from '../actions/actions.js'
