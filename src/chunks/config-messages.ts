/** config-messages.js: the words of the validator's messages; loaded only when a config has something to report. */
export { reportFindings } from '../validate/report.js'
