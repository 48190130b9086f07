/** The gallery's two pages. Static: everything the config says is set later, as text. */

export const galleryPage = (): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>journeykit gallery</title>
<style>
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827;background:#fff}
header,main{padding:16px 24px}
header{border-bottom:1px solid #d1d5db}
h1{font-size:1.4em;margin:0}
h2{font-size:1.2em;margin:24px 0 4px}
h3{font-size:1em;margin:0;width:9em;flex:none}
.problems ul{padding-left:20px}
.problems .problem strong{color:#b91c1c}
.problems .warning strong{color:#92400e}
code{font:13px ui-monospace,monospace;background:#f3f4f6;padding:1px 4px;border-radius:4px}
.about{margin:0 0 8px;color:#374151}
.row{display:flex;gap:12px;align-items:flex-start;margin:8px 0;flex-wrap:wrap}
figure{margin:0}
.box{overflow:hidden;border:1px solid #9ca3af;border-radius:4px}
iframe{border:0;transform:scale(.3);transform-origin:0 0;pointer-events:none}
figcaption{font-size:13px;color:#374151}
[role=status]{min-height:1.5em;margin:8px 0 0;color:#374151}
</style>
<script type="module" src="page.js"></script>
</head>
<body>
<header><h1>journeykit gallery</h1>
<p>Every item of the config, in each style, at desktop and phone widths, light and dark: drawn by journeykit's own UI code, with the config's theme. Redrawn when the file changes. Clicks here send nothing.</p>
<p role="status"></p></header>
<main></main>
</body>
</html>
`

/**
 * A page of the owner's site, sketched, for an item to be drawn on: a gallery cell, or the studio's
 * live preview (`script` draws the item; `title` names the page). The script's URL is the caller's.
 */
export const framePage = (script = 'frame.js', title = 'journeykit gallery cell'): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
html{background:#f9fafb;color:#374151;font:16px/1.5 system-ui,sans-serif}
html[data-scheme=dark]{background:#111827;color:#d1d5db}
body{margin:0;padding:32px}
.line{height:14px;border-radius:7px;background:currentColor;opacity:.15;margin:12px 0}
</style>
<script type="module" src="${script}"></script>
</head>
<body>
<p>A page of your site</p>
<div class="line" style="width:80%"></div><div class="line" style="width:65%"></div><div class="line" style="width:72%"></div>
</body>
</html>
`
