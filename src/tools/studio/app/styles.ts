/**
 * The studio's look, adopted as a constructed style sheet: it needs no <style> or stylesheet
 * from the server, and a Content-Security-Policy without 'unsafe-inline' does not block it. The
 * boxes' fonts, line heights and padding are the ones map/layout.ts sizes them with (13 px
 * headings on 17 px lines, 12 px text on 15 px lines, 8 px by 10 px padding).
 */
import { tryCss } from './try-styles.js'

const css = `
*,*::before,*::after{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f1f1f;background:#f4f4f5}
#studio{display:flex;flex-direction:column;height:100%}
h1{font-size:16px;margin:0}
h2{font-size:15px;margin:0 0 8px}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;background:#ececec;padding:0 3px;border-radius:3px;overflow-wrap:anywhere}
button,select,input,textarea{font:inherit;color:inherit}
button{cursor:pointer;border:1px solid #8a8a8a;background:#fff;border-radius:6px;padding:4px 10px}
button:hover:not(:disabled){background:#f0f0f0}
button:disabled{cursor:default;color:#6b6b6b;border-color:#c4c4c4}
button.primary{background:#1d4ed8;border-color:#1d4ed8;color:#fff}
button.primary:hover:not(:disabled){background:#1e40af}
button.primary:disabled{background:#e5e7eb;color:#4b5563;border-color:#c4c4c4}
button.danger{color:#b3261e;border-color:#b3261e}
button.link{border:0;background:none;padding:0;text-decoration:underline;color:#1d4ed8}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.bar{display:flex;flex-wrap:wrap;align-items:center;gap:8px 20px;padding:8px 16px;background:#fff;border-bottom:1px solid #d4d4d8}
.bar .file{font-weight:400;color:#4b5563;margin-left:6px}
.group{display:flex;align-items:center;gap:6px}
.check{display:flex;align-items:center;gap:4px}
.save-state{color:#4b5563}
.status{margin:0;padding:0 16px;min-height:0;color:#374151}
.status:not(:empty){padding:4px 16px;background:#eef2ff}
.notice{margin:8px 16px 0;padding:8px 12px;border:1px solid #b3261e;border-radius:6px;background:#fff5f5}
.notice p{margin:0 0 6px}
.workspace{flex:1;display:flex;min-height:0}
main{flex:1;overflow:auto;position:relative;min-width:0}
aside{width:380px;flex:none;overflow:auto;background:#fff;border-left:1px solid #d4d4d8;padding:12px 16px 24px}
.canvas{position:relative;margin:0 auto}
.arrows{position:absolute;left:0;top:0}
.arrows text{font:11px Arial,"Liberation Sans",Helvetica,sans-serif;fill:#4b5563}
.canvas-empty,.loading{margin:16px;color:#374151}
.picking-banner{position:sticky;top:0;z-index:2;margin:0;padding:6px 16px;background:#fff8d6;border-bottom:1px solid #8a7200}
.box{position:absolute;display:block;text-align:left;padding:8px 10px;border:1.5px solid;border-radius:6px;overflow:visible;white-space:nowrap;color:#1f1f1f;font-family:Arial,"Liberation Sans",Helvetica,sans-serif}
.box:hover:not(:disabled){filter:brightness(.97)}
.box .heading{display:block;font-weight:600;font-size:13px;line-height:17px}
.box .line,.box .note{display:block;font-size:12px;line-height:15px}
.box .note{color:#b3261e}
.box .count{display:block;margin-top:4px;font-size:11px;line-height:15px;color:#1d4f91;font-variant-numeric:tabular-nums}
.box .note.first{margin-top:8px}
.box.has-problems{border-style:dashed;border-width:2px}
.box[aria-pressed=true]{outline:3px solid #1d4ed8;outline-offset:2px}
.box:focus-visible{outline:3px solid #111827;outline-offset:4px}
.box .marker{position:absolute;white-space:normal;right:-9px;top:-9px;width:18px;height:18px;border-radius:50%;background:#b3261e;color:#fff;font:700 12px/18px system-ui,sans-serif;text-align:center}
.canvas.picking .box.step{cursor:crosshair}
.plus{position:absolute;z-index:1;width:22px;height:22px;padding:0;border-radius:50%;font:600 16px/18px system-ui,sans-serif;text-align:center;background:#fff;border-color:#4b5563}
.panel-section{margin-bottom:20px}
.panel-section h2:focus{outline:none}
.panel-section h2:focus-visible{outline:3px solid #1d4ed8}
.words{margin:-4px 0 8px;color:#4b5563}
.field{margin:0 0 10px;display:flex;flex-direction:column;gap:2px}
.field label{font-weight:600;font-size:13px}
.field input,.field select,.field textarea{width:100%;padding:4px 6px;border:1px solid #8a8a8a;border-radius:4px;background:#fff}
.field textarea{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;resize:vertical}
.field [aria-invalid=true]{border-color:#b3261e;border-width:2px}
.hint{margin:0;font-size:12px;color:#4b5563}
.field-problems{margin:2px 0 8px;padding-left:18px;color:#b3261e;font-size:12px}
.field-error{margin:0;color:#b3261e;font-size:12px}
fieldset{border:1px solid #d4d4d8;border-radius:6px;margin:0 0 12px;padding:6px 10px 2px}
legend{font-weight:600;padding:0 4px}
.option{border-bottom:1px dashed #d4d4d8;margin-bottom:8px;padding-bottom:8px}
.target button{margin:-4px 0 10px}
.step-actions{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0}
.problems{border-top:1px solid #d4d4d8;padding-top:12px}
.problems p{margin:0 0 6px}
.problems ul{margin:0;padding-left:18px}
.problems li{margin:0 0 6px}
.problems .problem strong{color:#b3261e}
.problems .warning strong{color:#8a5a00}
.workspace aside>.hint{margin:0 0 16px;font-size:14px}
.message{max-width:640px;margin:48px auto;padding:0 16px}
[hidden]{display:none!important}
.views{display:flex;gap:4px;padding:6px 16px;background:#fff;border-bottom:1px solid #d4d4d8}
.views button[aria-pressed=true]{background:#1d4ed8;border-color:#1d4ed8;color:#fff}
.rules{max-width:720px;margin:0 auto;padding:12px 16px}
.rule-list{list-style:none;margin:8px 0 12px;padding:0;display:flex;flex-direction:column;gap:8px}
.rule{display:block;width:100%;text-align:left;padding:8px 10px;border:1.5px solid #4b5563}
.rule .heading{display:block;font-weight:600}
.rule .line,.rule .note{display:block;font-size:12px}
.rule .note{color:#b3261e}
.rule.has-problems{border-style:dashed;border-width:2px;border-color:#b3261e}
.rule[aria-pressed=true]{outline:3px solid #1d4ed8;outline-offset:2px}
.condition{display:grid;grid-template-columns:1fr auto 1fr auto;gap:4px;margin:0 0 8px}
.condition input,.condition select{min-width:0;padding:4px 6px;border:1px solid #8a8a8a;border-radius:4px;background:#fff}
.condition [aria-invalid=true]{border-color:#b3261e;border-width:2px}
.condition .field-problems{grid-column:1/-1}
.days{display:flex;flex-wrap:wrap;gap:4px 10px;margin:0 0 8px}
.items{display:flex;flex-wrap:wrap;gap:16px 24px;padding:12px 16px}
.item-column{flex:0 1 280px;min-width:220px}
.item-column .field{margin-top:16px}
.preview{flex:1 1 520px;min-width:0}
.preview-row{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0}
.preview figure{margin:0}
.preview-box{overflow:hidden;border:1px solid #8a8a8a;border-radius:4px;background:#fff}
.preview iframe{border:0;transform-origin:0 0;display:block}
.preview figcaption{font-size:12px;color:#4b5563}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
`

/** Gives the document the studio's style sheet. */
export function adoptStyles(document: Document): void {
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(css + tryCss)
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
}
