// The peers: other browser SDKs measured in the same run as journeykit, with the same
// runOnce(), on the same kind of page as scenario B (the blank page plus one tag). Each is
// installed as a devDependency and served from node_modules by the bench's static server,
// loaded the way its own snippet loads it. Every request they make is answered on
// 127.0.0.1: their settings / feature payloads by the static server, their event POSTs by
// a small sink (startSink). "ready" is each one's own readiness signal; the page's snippet
// calls window.__jkBench.peerReady() (probe.mjs) when it comes.
import { createServer } from 'node:http'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

const SEGMENT_KEY = 'benchWriteKey'
const GROWTHBOOK_KEY = 'sdk-bench'

const modules = (root, ...parts) => join(root, 'node_modules', ...parts)

/**
 * The peers' JS, read once (like dist/): a Map from URL path to contents. These are the
 * bytes served and the bytes measured.
 */
export function peerSnapshot(root) {
  const files = new Map()
  files.set('/bench/peers/empty.js', Buffer.alloc(0))
  files.set('/bench/peers/plausible.js', readFileSync(modules(root, '@plausible-analytics', 'tracker', 'plausible.js')))
  files.set('/bench/peers/growthbook/auto.min.js', readFileSync(modules(root, '@growthbook', 'growthbook', 'dist', 'bundles', 'auto.min.js')))
  const umd = modules(root, '@segment', 'analytics-next', 'dist', 'umd')
  // The snippet's URL: <cdn>/analytics.js/v1/<write key>/analytics.min.js is the standalone build.
  files.set(`/analytics.js/v1/${SEGMENT_KEY}/analytics.min.js`, readFileSync(join(umd, 'standalone.js')))
  // Its lazy chunks, which it fetches from <cdn>/analytics-next/bundles/.
  for (const name of readdirSync(umd).filter((n) => /\.bundle\.[0-9a-f]+\.js$/.test(n))) {
    files.set(`/analytics-next/bundles/${name}`, readFileSync(join(umd, name)))
  }
  return files
}

/** Answers every request (any method, any path) with 200 and CORS headers, and counts them. */
export async function startSink() {
  const seen = []
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://sink')
    req.resume()
    req.on('end', () => {
      seen.push(`${req.method} ${pathname}`)
      res.writeHead(req.method === 'OPTIONS' ? 204 : 200, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type, Authorization',
        'Content-Type': 'application/json',
      })
      res.end(req.method === 'OPTIONS' ? undefined : '{"success":true}')
    })
  })
  await new Promise((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address()
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests: () => [...seen],
    clear: () => void (seen.length = 0),
    close: () =>
      new Promise((done) => {
        server.close(() => done())
        server.closeAllConnections()
      }),
  }
}

// Segment's snippet (5.2.x), as its docs give it, with two documented changes: `_cdn` set
// to the local server (the snippet's option for a proxied CDN) and the script URL built
// from it. `analytics.ready` is analytics-next's own readiness signal.
const segmentSnippet = (cdn) => `<script>
!function(){var i="analytics",analytics=window[i]=window[i]||[];if(!analytics.initialize)if(analytics.invoked)window.console&&console.error&&console.error("Segment snippet included twice.");else{analytics.invoked=!0;analytics.methods=["trackSubmit","trackClick","trackLink","trackForm","pageview","identify","reset","group","track","ready","alias","debug","page","screen","once","off","on","addSourceMiddleware","addIntegrationMiddleware","setAnonymousId","addDestinationMiddleware","register"];analytics.factory=function(e){return function(){if(window[i].initialized)return window[i][e].apply(window[i],arguments);var n=Array.prototype.slice.call(arguments);if(["track","screen","alias","group","page","identify"].indexOf(e)>-1){var c=document.querySelector("link[rel='canonical']");n.push({__t:"bpc",c:c&&c.getAttribute("href")||void 0,p:location.pathname,u:location.href,s:location.search,t:document.title,r:document.referrer})}n.unshift(e);analytics.push(n);return analytics}};for(var n=0;n<analytics.methods.length;n++){var key=analytics.methods[n];analytics[key]=analytics.factory(key)}analytics.load=function(key,n){var t=document.createElement("script");t.type="text/javascript";t.async=!0;t.setAttribute("data-global-segment-analytics-key",i);t.src=analytics._cdn+"/analytics.js/v1/"+key+"/analytics.min.js";var r=document.getElementsByTagName("script")[0];r.parentNode.insertBefore(t,r);analytics._loadOptions=n};analytics._cdn=${JSON.stringify(cdn)};analytics._writeKey="${SEGMENT_KEY}";analytics.SNIPPET_VERSION="5.2.0";
analytics.load("${SEGMENT_KEY}");
analytics.page();
analytics.ready(function(){window.__jkBench.peerReady()});
}}();
</script>`

/**
 * Serves the peers' pages, files and stubs, and returns their scenarios (keys P0–P3).
 * `blank` is scenario A's markup; each page is it plus the peer's tag.
 */
export function peerPages(server, sink, snapshot, blank) {
  for (const [path, contents] of snapshot) server.setPage(path, { body: contents, type: 'text/javascript; charset=utf-8' })
  const json = (path, value) => server.setPage(path, { type: 'application/json; charset=utf-8', body: JSON.stringify(value) })

  // GrowthBook: one feature with one rule that does not match this page (no variation
  // served), like B's one rule that shows nothing. Fetched from <api host>/api/features/<key>.
  json(`/api/features/${GROWTHBOOK_KEY}`, {
    status: 200,
    features: { banner: { defaultValue: false, rules: [{ condition: { url: { $regex: '/never' } }, force: true }] } },
    dateUpdated: '2026-01-01T00:00:00.000Z',
  })
  // analytics-next: its CDN settings, with only the Segment.io destination, pointed at the sink.
  json(`/v1/projects/${SEGMENT_KEY}/settings`, {
    integrations: {
      'Segment.io': {
        apiKey: SEGMENT_KEY,
        apiHost: `${sink.host}/v1`,
        protocol: 'http',
        unbundledIntegrations: [],
        addBundledMetadata: true,
        maybeBundledConfigIds: {},
        versionSettings: { version: '4.4.7', componentTypes: ['browser'] },
      },
    },
    plan: { track: { __default: { enabled: true, integrations: {} } }, identify: { __default: { enabled: true } }, group: { __default: { enabled: true } } },
    edgeFunction: {},
    analyticsNextEnabled: true,
    middlewareSettings: {},
    enabledMiddleware: {},
    metrics: { sampleRate: 0 },
    legacyVideoPluginsEnabled: false,
    remotePlugins: [],
  })

  const peers = [
    {
      key: 'P0',
      name: 'empty async script',
      ready: 'the script ran (its load event)',
      body: `<script async src="/bench/peers/empty.js" onload="window.__jkBench.peerReady()"></script>`,
    },
    {
      key: 'P1',
      name: 'Plausible',
      ready: 'init() returned: the script ran and its pageview POST was issued',
      body: `<script type="module" async>import { init } from '/bench/peers/plausible.js'
init({ domain: 'bench.test', endpoint: '${sink.url}/api/event', captureOnLocalhost: true })
window.__jkBench.peerReady()</script>`,
    },
    {
      key: 'P2',
      name: 'GrowthBook',
      ready: "features loaded: auto.js's first 'growthbookdata' render event, gb.ready true",
      body: `<script>document.addEventListener('growthbookdata', function () { if (window._growthbook && window._growthbook.ready) window.__jkBench.peerReady() })</script>
<script async data-api-host="${server.url}" data-client-key="${GROWTHBOOK_KEY}" src="/bench/peers/growthbook/auto.min.js"></script>`,
    },
    {
      key: 'P3',
      name: 'Segment analytics-next',
      ready: 'analytics.ready() callback (settings fetched, plugins loaded)',
      body: segmentSnippet(server.url),
    },
  ]
  return peers.map(({ key, name, ready, body }) => {
    const path = `/bench/${key.toLowerCase()}.html`
    server.setPage(path, { body: blank + body })
    return { key, name, ready, path, waitFor: 'ready', peer: true }
  })
}
