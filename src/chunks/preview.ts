/** preview.js: ?journeykit_preview on the real site: items shown from the studio or gallery. */
export { startPreview } from '../preview/start.js'
