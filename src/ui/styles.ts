/**
 * The items' styles, one string. `:host` declarations are !important because, for
 * important rules, the shadow tree's win over the page's (CSS Scoping §3.2): a page with
 * `div { display: none !important }` cannot hide or restyle us. The host spans the viewport
 * but lets every click through (pointer-events), so it is "visible" to tools and a11y trees
 * without covering the page.
 */
export const css = `
:host{all:initial!important;display:block!important;position:fixed!important;inset:0!important;pointer-events:none!important;z-index:2147483647!important}
*{box-sizing:border-box;margin:0}
.backdrop,.panel{pointer-events:auto}
.root{--jk-bg:#fff;--jk-fg:#1a1a1a;--jk-muted:#4a4a4a;--jk-accent:#1d4ed8;--jk-accent-fg:#fff;--jk-error:#b91c1c;--jk-radius:12px;
--jk-font:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font:16px/1.5 var(--jk-font);color:var(--jk-fg)}
@media (prefers-color-scheme:dark){.root{--jk-bg:#1f2937;--jk-fg:#f3f4f6;--jk-muted:#d1d5db;--jk-accent:#93c5fd;--jk-accent-fg:#111827;--jk-error:#fca5a5}}
.backdrop{position:fixed;inset:0;background:rgba(0,0,0,.5)}
.panel{position:fixed;background:var(--jk-bg);color:var(--jk-fg);border-radius:var(--jk-radius);box-shadow:0 10px 40px rgba(0,0,0,.3);
padding:24px;width:min(28rem,calc(100vw - 32px));max-height:calc(100vh - 32px);overflow:auto;outline:none;display:flex;flex-direction:column;gap:12px;animation:jk-in .2s ease-out}
@keyframes jk-in{from{opacity:0;transform:translateY(8px)}}
.modal .panel{top:50%;left:50%;transform:translate(-50%,-50%);animation:none}
.bar .panel{left:0;right:0;bottom:0;width:auto;border-radius:0;padding:12px 96px 12px 16px;flex-flow:row wrap;align-items:center}
.bar.top .panel{top:0;bottom:auto}
.slidein .panel{right:16px;bottom:16px}
.slidein.bottom-left .panel{right:auto;left:16px}
.notification .panel{right:16px;top:16px;width:min(22rem,calc(100vw - 32px));padding:16px}
.title{font-size:1.25em;font-weight:700;line-height:1.3;padding-right:72px}
.bar .title{font-size:1em;padding:0}
.body{color:var(--jk-muted);white-space:pre-line}
.image{max-width:100%;height:auto;border-radius:calc(var(--jk-radius) / 2)}
.code-row{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.code{font:700 1.1em/1.4 ui-monospace,monospace;border:2px dashed var(--jk-accent);border-radius:6px;padding:4px 12px;letter-spacing:.05em}
.countdown{font-weight:600}
.status:empty{display:none}
.status,.success{color:var(--jk-fg);font-weight:600}
.actions{display:flex;flex-wrap:wrap;gap:8px}
button,input{font:inherit;color:inherit}
.primary{display:inline-block;background:var(--jk-accent);color:var(--jk-accent-fg);text-decoration:none;font-weight:600;border:0;border-radius:8px;padding:10px 18px;cursor:pointer;text-align:center}
.secondary,.copy{background:none;border:1px solid currentColor;border-radius:8px;padding:8px 14px;cursor:pointer;color:var(--jk-fg)}
.secondary{border:0;text-decoration:underline;padding:4px;align-self:flex-start}
.close{position:absolute;top:12px;right:12px;background:none;border:0;color:var(--jk-muted);font-size:14px;cursor:pointer;padding:4px 8px;border-radius:6px}
.close span{font-size:18px;margin-right:4px}
.form{display:flex;flex-direction:column;gap:8px}
.form label{display:flex;flex-direction:column;gap:4px;font-weight:600;font-size:.9em}
.form .check{flex-direction:row;align-items:flex-start;gap:8px;font-weight:400}
.form input:not([type=checkbox]){border:1px solid var(--jk-muted);border-radius:8px;padding:8px 10px;background:var(--jk-bg)}
.form input[aria-invalid=true]{border-color:var(--jk-error)}
.error{color:var(--jk-error);font-size:.9em}
button:focus-visible,a:focus-visible,input:focus-visible{outline:3px solid var(--jk-accent);outline-offset:2px}
@media (max-width:480px){.modal .panel{top:auto;bottom:0;left:0;transform:none;width:100%;border-radius:var(--jk-radius) var(--jk-radius) 0 0}}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}
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
