/**
 * Who may talk to the studio: the studio writes a file on the owner's machine, so every request
 * must carry the token it printed (in `?token=`, the X-Journeykit-Token header, or for the
 * runtime's chunks its path, /runtime/<token>/ui.js: see preview-protocol.ts), name the
 * studio itself as its Host (a page of another site that points its own name at 127.0.0.1,
 * DNS rebinding, sends its own name), and come from the studio's page if it says where it
 * comes from (Origin). Pure: the request's facts in, the reason to refuse it (or null) out.
 */

import { runtimeFileOf } from './preview-protocol.js'

/** What the check reads of a request. */
export interface RequestFacts {
  /** The request's path and query (`/api/file?token=…`). */
  url: string
  host?: string | undefined
  origin?: string | undefined
  /** The X-Journeykit-Token header. */
  token?: string | undefined
}

/** The header the app sends the token in (EventSource cannot: it uses `?token=`). */
export const tokenHeader = 'x-journeykit-token'

/** Compares in a time that does not depend on where the strings differ. */
function sameSecret(given: string, secret: string): boolean {
  let difference = given.length ^ secret.length
  for (let i = 0; i < secret.length; i++) difference |= secret.charCodeAt(i) ^ (given.charCodeAt(i % (given.length || 1)) || 0)
  return difference === 0
}

/**
 * Why the studio on `port` refuses `request`, or null to answer it.
 *
 * @example refusalOf({ url: '/?token=ab', host: 'evil.example' }, 'ab', 4000) // 'the Host header is not the studio's (127.0.0.1:4000)'
 */
export function refusalOf(request: RequestFacts, token: string, port: number): string | null {
  // A browser leaves the default port out of Host and Origin.
  const hosts = ['127.0.0.1', 'localhost'].flatMap((name) => (port === 80 ? [`${name}:80`, name] : [`${name}:${port}`]))
  if (!hosts.includes((request.host ?? '').toLowerCase())) return `the Host header is not the studio's (${hosts[0]})`
  if (request.origin !== undefined && !hosts.some((host) => request.origin!.toLowerCase() === `http://${host}`))
    return 'the request comes from another site (its Origin header)'
  let query: string | null = null
  try {
    const url = new URL(request.url, 'http://studio')
    query = url.searchParams.get('token') ?? runtimeFileOf(url.pathname)?.token ?? null
  } catch {}
  const given = request.token ?? query
  if (given === null || !sameSecret(given, token)) return 'the token is missing or wrong: open the address `journeykit studio` printed'
  return null
}
