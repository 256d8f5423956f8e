/** Styles of the overlay's shadow root (badge, card, panel, overlay marks). */
import { CATEGORY_IDS, CATEGORY_STYLES, SEVERITIES } from './categories';
import { paletteCss, v } from './palette';
import { DEFAULT_LOOKS } from './underline-colours';
import { lineVar, tintVar } from './field-tone';

// Overlay marks take their colours from custom properties a field with a non-default tone sets
// on its mirror or mark layer (field-tone.ts), and the default tone's colours otherwise.
const markRules = CATEGORY_IDS.map((c) => {
  const s = CATEGORY_STYLES[c];
  const box = s.line === 'wavy' ? 'dashed' : s.line;
  const bySeverity = SEVERITIES.map((sev) => {
    const l = DEFAULT_LOOKS[c][sev];
    const color = `var(${lineVar(c, sev)},${l.color})`;
    const tint = `var(${tintVar(c, sev)},${l.tint})`;
    const sel = `[data-category="${c}"][data-severity="${sev}"]`;
    // A double border needs 3 px or more to show as two lines.
    const width = s.line === 'double' ? l.thickness + 2 : l.thickness;
    return `[data-tactful="mark"]${sel}{text-decoration:underline ${s.line} ${color};text-decoration-thickness:${l.thickness}px;text-underline-offset:3px;text-decoration-skip-ink:none;background:${tint};}
.box-mark${sel}{border-bottom:${box} ${width}px ${color};background:${tint};}`;
  }).join('\n');
  return `${bySeverity}
.swatch[data-category="${c}"]{border-bottom:3px ${box} ${v(`category.${c}`)};color:${v(`category.${c}`)};}`;
}).join('\n');

export const OVERLAY_CSS = `
:host{all:initial;position:fixed;left:0;top:0;width:0;height:0;z-index:2147483647;pointer-events:none;}
*{box-sizing:border-box;}
.layer{position:fixed;left:0;top:0;width:0;height:0;}
.mirror{position:fixed;overflow:hidden;color:transparent;pointer-events:none;white-space:pre-wrap;overflow-wrap:break-word;border-color:transparent !important;background:transparent !important;}
.mirror.stale [data-tactful="mark"][data-category][data-severity]{text-decoration:none;background:none;}
.box-mark{position:fixed;pointer-events:none;}
${markRules}
.ui{font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;pointer-events:auto;}
${paletteCss()}
[data-tactful="card"],[data-tactful="panel"]{color:${v('fg')};}
[data-tactful="badge"]{position:fixed;min-width:22px;height:22px;padding:0 6px;border-radius:11px;border:1px solid ${v('badgeWarningBg')};background:${v('badgeWarningBg')};color:${v('badgeWarningFg')};font-weight:600;font-size:12px;line-height:20px;text-align:center;cursor:pointer;box-shadow:0 1px 3px rgba(0,0,0,.25);}
[data-tactful="badge"][data-severity="info"]{background:${v('badgeInfoBg')};color:${v('badgeInfoFg')};border:1px dashed ${v('badgeInfoFg')};font-weight:500;}
[data-tactful="badge"][data-severity="error"]{background:${v('badgeErrorBg')};color:${v('badgeErrorFg')};border-color:${v('badgeErrorBg')};box-shadow:0 0 0 2px ${v('badgeErrorBg')}66,0 1px 3px rgba(0,0,0,.25);font-weight:700;}
[data-tactful="badge"][data-count="0"]{background:${v('badgeOkBg')};color:${v('badgeOkFg')};border:1px solid ${v('badgeOkFg')};box-shadow:0 1px 3px rgba(0,0,0,.25);}
[data-tactful="badge"]:focus-visible,button:focus-visible{outline:2px solid ${v('focus')};outline-offset:2px;}
[data-tactful="card"],[data-tactful="panel"]{position:fixed;width:340px;max-width:calc(100vw - 16px);background:${v('bg')};border:1px solid ${v('border')};border-radius:10px;box-shadow:0 8px 24px rgba(0,0,0,.18);padding:12px;}
[data-tactful="panel"]{width:380px;max-height:min(480px,calc(100vh - 16px));overflow:auto;}
.head{display:flex;align-items:center;justify-content:space-between;gap:8px;margin-bottom:6px;}
.swatch{font-weight:700;font-size:12px;text-transform:uppercase;letter-spacing:.03em;padding-bottom:1px;}
.close{border:0;background:transparent;font-size:18px;line-height:1;cursor:pointer;color:${v('muted')};padding:2px 6px;border-radius:4px;}
.message{margin:0 0 8px;}
.phrase{margin:0 0 8px;color:${v('muted')};font-style:italic;}
.suggestions{display:flex;flex-direction:column;gap:6px;margin-bottom:8px;}
[data-tactful="suggestion"],[data-tactful="also-suggestion"]{text-align:left;border:1px solid ${v('rewriteBorder')};background:${v('rewriteBg')};color:${v('rewriteFg')};border-radius:6px;padding:6px 8px;cursor:pointer;font:inherit;}
[data-tactful="suggestion"]:hover,[data-tactful="also-suggestion"]:hover{background:${v('rewriteHover')};}
.actions{display:flex;flex-wrap:wrap;gap:6px;border-top:1px solid ${v('separator')};padding-top:8px;}
.actions button,.panel-item button{border:1px solid ${v('buttonBorder')};background:${v('buttonBg')};color:${v('buttonFg')};border-radius:6px;padding:4px 8px;cursor:pointer;font:inherit;font-size:12px;}
.error{color:${v('error')};margin:6px 0 0;}
.hint{margin:6px 0 0;font-size:11px;color:${v('muted')};}
.also{border-top:1px solid ${v('separator')};padding-top:8px;margin-bottom:8px;}
.panel-list{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px;}
.panel-item{border:1px solid ${v('separator')};border-radius:6px;padding:6px 8px;}
.panel-item p{margin:2px 0;}
h2{font-size:13px;margin:10px 0 6px;}
.tips{margin:0;padding-left:18px;}
.empty{color:${v('muted')};margin:0;}
.notes{margin:0 0 8px;padding:6px 8px 6px 24px;border-radius:6px;background:${v('noteBg')};color:${v('noteFg')};font-size:12px;}
`;
