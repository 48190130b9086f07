/** The Try panel's rules, and the path it lights on the canvas: a green ring on boxes passed, amber and thicker where the visitor is. */
export const tryCss = `
.box.tried::after{content:"";position:absolute;inset:-7px;border:3px solid #15803d;border-radius:10px;pointer-events:none}
.box.here::after{border:4px solid #c2410c}
.try-rows{width:100%;border-collapse:collapse;margin:0 0 8px;font-size:13px}
.try-rows th{text-align:left;font-weight:600;padding:2px}
.try-rows td{padding:2px}
.try-rows input{width:100%;padding:3px 4px;border:1px solid #8a8a8a;border-radius:4px}
.try-lines{white-space:pre-wrap;font:12px/1.45 ui-monospace,SFMono-Regular,Menlo,monospace;background:#f8fafc;border:1px solid #d4d4d8;border-radius:6px;padding:8px;margin:0}
.try-lines:empty{display:none}
`
