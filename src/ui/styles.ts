/**
 * The items' styles, one string. `:host` declarations are !important because, for
 * important rules, the shadow tree's win over the page's (CSS Scoping §3.2): a page with
 * `div { display: none !important }` cannot hide or restyle us. The host spans the viewport
 * but lets every click through (pointer-events), so it is "visible" to tools and a11y trees
 * without covering the page.
 */
export const css = `
:host{all:initial!important;display:block!important;position:fixed!important;inset:0!important;pointer-events:none!important;z-index:2147483647!important}
.backdrop,.panel{pointer-events:auto}
*{box-sizing:border-box}
.root{--jk-bg:#fff;--jk-fg:#1a1a1a;--jk-muted:#4a4a4a;--jk-accent:#1d4ed8;--jk-accent-fg:#fff;--jk-radius:12px;
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--jk-fg)}
@media (prefers-color-scheme:dark){.root{--jk-bg:#1f2937;--jk-fg:#f3f4f6;--jk-muted:#d1d5db;--jk-accent:#93c5fd;--jk-accent-fg:#111827}}
.backdrop{position:fixed;inset:0;background:rgba(0,0,0,.5);z-index:2147483646}
.panel{position:fixed;z-index:2147483647;background:var(--jk-bg);color:var(--jk-fg);border-radius:var(--jk-radius);
box-shadow:0 10px 40px rgba(0,0,0,.3);padding:24px;max-width:min(28rem,calc(100vw - 32px));width:100%;outline:none}
.modal .panel{top:50%;left:50%;transform:translate(-50%,-50%);max-height:calc(100vh - 32px);overflow:auto}
.bar .panel{left:0;right:0;bottom:0;max-width:none;border-radius:0;padding:12px 56px 12px 16px;display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center}
.slidein .panel{right:16px;bottom:16px}
.notification .panel{right:16px;top:16px;max-width:22rem;padding:16px}
.title{font-size:1.25em;font-weight:700;margin:0 0 8px;padding-right:64px}
.bar .title{font-size:1em;margin:0;padding:0}
.body{margin:0 0 16px;color:var(--jk-muted);white-space:pre-line}
.bar .body{margin:0}
.code{display:inline-block;font:700 1.1em/1.4 ui-monospace,monospace;border:2px dashed var(--jk-accent);border-radius:6px;padding:4px 12px;margin:0 0 16px;letter-spacing:.05em}
.actions{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.cta{display:inline-block;background:var(--jk-accent);color:var(--jk-accent-fg);text-decoration:none;font-weight:600;border-radius:8px;padding:10px 18px}
.close{position:absolute;top:12px;right:12px;background:none;border:0;color:var(--jk-muted);font:inherit;font-size:14px;cursor:pointer;padding:4px 8px;border-radius:6px}
.close span{font-size:18px;margin-right:4px}
button:focus-visible,a:focus-visible,input:focus-visible{outline:3px solid var(--jk-accent);outline-offset:2px}
@media (max-width:480px){.modal .panel{top:auto;bottom:0;left:0;transform:none;max-width:none;border-radius:var(--jk-radius) var(--jk-radius) 0 0}}
`

/**
 * Constructable stylesheets are outside CSP's style-src; where they are missing, a
 * `<style>` carrying the loader tag's nonce is the fallback.
 */
export function adoptStyles(root: ShadowRoot, nonce: string | undefined): void {
  try {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    root.adoptedStyleSheets = [sheet]
  } catch {
    const style = document.createElement('style')
    if (nonce) style.nonce = nonce
    style.textContent = css
    root.appendChild(style)
  }
}
