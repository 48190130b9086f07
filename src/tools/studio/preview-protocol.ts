/**
 * What the studio's page and its preview frames (preview-frame.ts) say to each other, and where
 * the frames find the runtime's chunks. Shared by the app, the frame and the server.
 */
import type { Item, Theme } from '../../config/types.js'

/** Posted by the studio's page to each preview frame, at load and at each change of the draft. */
export interface PreviewMessage {
  journeykitStudio: 'draw'
  id: string
  /** The draft's item, as the owner has it now (saved or not). */
  item: Item
  theme?: Theme | undefined
}

/**
 * The runtime's chunks (dist/ui.js and what it imports) are served under a path that holds the
 * token: the chunks import each other by relative URLs, which keep the path but not a query.
 *
 * @example runtimePath('ab12', 'ui.js') // 'runtime/ab12/ui.js' (relative to the frame's page, as the app's paths are)
 */
export const runtimePath = (token: string, file: string): string => `runtime/${encodeURIComponent(token)}/${file}`

/** The token and the file of a runtime path, or null. */
export function runtimeFileOf(pathname: string): { token: string; file: string } | null {
  const found = /^\/runtime\/([^/]+)\/([\w-]+\.js)$/.exec(pathname)
  if (!found) return null
  try {
    return { token: decodeURIComponent(found[1]!), file: found[2]! }
  } catch {
    return null
  }
}
