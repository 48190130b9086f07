/**
 * The studio's page shell: the app (dist/studio/app.js, a Preact bundle) draws into
 * `#studio`, which carries the token its requests must send. Until the app is built the shell
 * says so instead (and /app.js answers 404).
 */
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The HTML of `/` for `file` (its base name), with the app's script and stylesheet if built, and the site to preview on. */
export function studioPage({
  file,
  token,
  hasApp,
  hasStyles,
  site,
}: {
  file: string
  token: string
  hasApp: boolean
  hasStyles: boolean
  site?: string | undefined
}): string {
  const query = `?token=${encodeURIComponent(token)}`
  const missing = '<p>The studio app is not built yet (no dist/studio/app.js): run <code>npm run build</code> in the journeykit folder, then reload.</p>'
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>journeykit studio: ${escape(file)}</title>
<link rel="icon" href="data:,">
${hasStyles ? `<link rel="stylesheet" href="/app.css${query}">\n` : ''}</head>
<body>
<div id="studio" data-token="${escape(token)}" data-file="${escape(file)}"${site ? ` data-site="${escape(site)}"` : ''}>${hasApp ? '' : missing}</div>
<script type="module" src="/app.js${query}"></script>
</body>
</html>
`
}
