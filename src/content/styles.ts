/** Styles of the overlay's shadow root (badge, card, panel, overlay marks). */
import { CATEGORY_IDS, CATEGORY_STYLES } from './categories';

const markRules = CATEGORY_IDS.map((c) => {
  const s = CATEGORY_STYLES[c];
  return `[data-tactful="mark"][data-category="${c}"]{text-decoration:underline ${s.line} ${s.color};text-decoration-thickness:2px;text-underline-offset:3px;text-decoration-skip-ink:none;background:${s.tint};}
.box-mark[data-category="${c}"]{border-bottom:${s.line === 'wavy' ? 'dashed' : s.line === 'double' ? 'double' : s.line} ${s.line === 'double' ? 4 : 2}px ${s.color};background:${s.tint};}
.swatch[data-category="${c}"]{border-bottom:3px ${s.line === 'wavy' ? 'dashed' : s.line} ${s.color};color:${s.color};}`;
}).join('\n');

export const OVERLAY_CSS = `
:host{all:initial;position:fixed;left:0;top:0;width:0;height:0;z-index:2147483647;pointer-events:none;}
*{box-sizing:border-box;}
.layer{position:fixed;left:0;top:0;width:0;height:0;}
.mirror{position:fixed;overflow:hidden;color:transparent;pointer-events:none;white-space:pre-wrap;overflow-wrap:break-word;border-color:transparent !important;background:transparent !important;}
.mirror.stale [data-tactful="mark"]{text-decoration:none;background:none;}
.box-mark{position:fixed;pointer-events:none;}
${markRules}
.ui{font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;pointer-events:auto;}
[data-tactful="badge"]{position:fixed;min-width:22px;height:22px;padding:0 6px;border-radius:11px;border:1px solid #6d28d9;background:#6d28d9;color:#fff;font-weight:600;font-size:12px;line-height:20px;text-align:center;cursor:pointer;box-shadow:0 1px 3px rgba(0,0,0,.25);}
[data-tactful="badge"][data-count="0"]{background:#fff;color:#15803d;border-color:#15803d;}
[data-tactful="badge"]:focus-visible,button:focus-visible{outline:2px solid #2563eb;outline-offset:2px;}
[data-tactful="card"],[data-tactful="panel"]{position:fixed;width:340px;max-width:calc(100vw - 16px);background:#fff;border:1px solid #d0d7de;border-radius:10px;box-shadow:0 8px 24px rgba(0,0,0,.18);padding:12px;}
[data-tactful="panel"]{width:380px;max-height:min(480px,calc(100vh - 16px));overflow:auto;}
.head{display:flex;align-items:center;justify-content:space-between;gap:8px;margin-bottom:6px;}
.swatch{font-weight:700;font-size:12px;text-transform:uppercase;letter-spacing:.03em;padding-bottom:1px;}
.close{border:0;background:transparent;font-size:18px;line-height:1;cursor:pointer;color:#57606a;padding:2px 6px;border-radius:4px;}
.message{margin:0 0 8px;}
.phrase{margin:0 0 8px;color:#57606a;font-style:italic;}
.suggestions{display:flex;flex-direction:column;gap:6px;margin-bottom:8px;}
[data-tactful="suggestion"]{text-align:left;border:1px solid #16a34a;background:#f0fdf4;color:#14532d;border-radius:6px;padding:6px 8px;cursor:pointer;font:inherit;}
[data-tactful="suggestion"]:hover{background:#dcfce7;}
.actions{display:flex;flex-wrap:wrap;gap:6px;border-top:1px solid #eaeef2;padding-top:8px;}
.actions button,.panel-item button{border:1px solid #d0d7de;background:#f6f8fa;color:#24292f;border-radius:6px;padding:4px 8px;cursor:pointer;font:inherit;font-size:12px;}
.error{color:#b91c1c;margin:6px 0 0;}
.hint{margin:6px 0 0;font-size:11px;color:#57606a;}
.also{border-top:1px solid #eaeef2;padding-top:8px;margin-bottom:8px;}
[data-tactful="also-suggestion"]{text-align:left;border:1px solid #16a34a;background:#f0fdf4;color:#14532d;border-radius:6px;padding:6px 8px;cursor:pointer;font:inherit;}
.panel-list{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px;}
.panel-item{border:1px solid #eaeef2;border-radius:6px;padding:6px 8px;}
.panel-item p{margin:2px 0;}
h2{font-size:13px;margin:10px 0 6px;}
.tips{margin:0;padding-left:18px;}
.empty{color:#57606a;margin:0;}
.notes{margin:0 0 8px;padding:6px 8px 6px 24px;border-radius:6px;background:#fff8c5;color:#4d2d00;font-size:12px;}
@media (prefers-color-scheme: dark){
 .ui{color:#e6edf3;}
 [data-tactful="card"],[data-tactful="panel"]{background:#161b22;border-color:#30363d;}
 .actions button,.panel-item button{background:#21262d;color:#e6edf3;border-color:#30363d;}
 [data-tactful="suggestion"],[data-tactful="also-suggestion"]{background:#052e16;color:#bbf7d0;}
 .phrase,.empty,.hint{color:#9da7b3;}
 .notes{background:#3b2e00;color:#f8e3a1;}
}
`;
