// Scenario B's page for the start-up tools (ready-steps.mjs, ab.mjs): the blank page with the
// loader tag and a config sealed by `journeykit build` whose one rule shows nothing, served
// from this checkout's dist/ at /bench/b.html and from each other build's at /bench/b-base<i>.html.
import { snapshotDist } from './bytes.mjs'

export const blank = '<!doctype html><title>blank</title><p>hello</p>'
const script = (contents) => ({ body: contents, type: 'text/javascript; charset=utf-8' })

export async function serveNoItemPages(server, collector, root, bases = []) {
  for (const [path, contents] of snapshotDist(root)) server.setPage(path, script(contents))
  const { sealConfig } = await import('../dist/cli.js')
  const config = sealConfig({
    version: 1,
    items: { x: { kind: 'focus', style: 'modal', title: 'Hi' } },
    rules: [{ id: 'r', on: 'page_view', if: { 'page.path': '/never' }, show: 'x' }],
  })
  server.setPage('/bench/b.json', { type: 'application/json; charset=utf-8', body: JSON.stringify(config) })
  const tag = (dist) => `<script async src="${dist}/loader.js" data-config="/bench/b.json" data-collector="${collector.batchUrl}"></script>`
  server.setPage('/bench/b.html', { body: blank + tag('/dist') })
  bases.forEach((base, i) => {
    for (const [path, contents] of snapshotDist(base)) server.setPage(`/base${i}${path}`, script(contents))
    server.setPage(`/bench/b-base${i}.html`, { body: blank + tag(`/base${i}/dist`) })
  })
}
