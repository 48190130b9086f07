/** ui.js: Preact and the item views; loaded when an item first shows (prefetched when one may). */
export { mountItem, mount } from '../ui/mount.js'
