/**
 * Macro (canned response) import and audit: pure functions, no DOM.
 *   - plain text: macros separated by blank lines (a first line ending in ':' or starting
 *     with '#' is the title, otherwise the title is the macro's first words);
 *   - CSV with a header row naming title and body columns (papaparse; also `name`/`content`…);
 *   - JSON: an array of { title, body } (or a help-desk export wrapping one: { macros: [...] }).
 */
import Papa from 'papaparse';
import type { Analyzer } from '../engine/analyzer';
import { CATEGORIES, type Category, type Finding } from '../engine/types';

export interface Macro {
  title: string;
  body: string;
}

export type MacroFormat = 'text' | 'csv' | 'json';

export interface ParsedMacros {
  format: MacroFormat;
  macros: Macro[];
  problems: string[];
}

export const MAX_MACROS = 5000;
const TITLE_KEYS = ['title', 'name', 'subject', 'macro', 'label'];
const BODY_KEYS = ['body', 'content', 'text', 'comment', 'value', 'html_body', 'reply'];

function titleFrom(body: string): string {
  const words = body.replace(/\s+/g, ' ').trim();
  return words.length > 60 ? `${words.slice(0, 57)}…` : words;
}

function pick(obj: Record<string, unknown>, keys: string[]): string | null {
  const lower = new Map(Object.keys(obj).map((k) => [k.trim().toLowerCase(), k]));
  for (const k of keys) {
    const real = lower.get(k);
    if (real !== undefined && typeof obj[real] === 'string') return obj[real] as string;
  }
  return null;
}

export function detectFormat(text: string, fileName?: string): MacroFormat {
  const name = fileName?.toLowerCase() ?? '';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.csv')) return 'csv';
  const t = text.trimStart();
  if (t.startsWith('[') || t.startsWith('{')) return 'json';
  const first = t.split(/\r?\n/, 1)[0]?.toLowerCase() ?? '';
  const cells = first.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, ''));
  if (cells.length > 1 && cells.some((c) => TITLE_KEYS.includes(c)) && cells.some((c) => BODY_KEYS.includes(c))) return 'csv';
  return 'text';
}

export function parseTextMacros(text: string): ParsedMacros {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n+/).map((b) => b.trim()).filter(Boolean);
  const macros = blocks.map((block): Macro => {
    const lines = block.split('\n');
    const first = lines[0]!.trim();
    if (lines.length > 1 && (/^#+\s*\S/.test(first) || /^[^.!?]{1,80}:$/.test(first))) {
      return { title: first.replace(/^#+\s*/, '').replace(/:$/, '').trim(), body: lines.slice(1).join('\n').trim() };
    }
    return { title: titleFrom(block), body: block };
  });
  return { format: 'text', macros, problems: [] };
}

export function parseCsvMacros(text: string): ParsedMacros {
  const res = Papa.parse<Record<string, unknown>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const problems = res.errors.slice(0, 10).map((e) => `row ${(e.row ?? 0) + 2}: ${e.message}`);
  const fields = (res.meta.fields ?? []).map((f) => f.trim().toLowerCase());
  const hasBody = fields.some((f) => BODY_KEYS.includes(f));
  if (!hasBody) {
    return { format: 'csv', macros: [], problems: [`no body column: the header row needs one of ${BODY_KEYS.join(', ')} (found: ${fields.join(', ') || 'nothing'})`] };
  }
  const macros: Macro[] = [];
  res.data.forEach((row, i) => {
    const body = pick(row, BODY_KEYS)?.trim() ?? '';
    if (!body) {
      problems.push(`row ${i + 2}: empty body, skipped`);
      return;
    }
    macros.push({ title: pick(row, TITLE_KEYS)?.trim() || titleFrom(body), body });
  });
  return { format: 'csv', macros, problems };
}

export function parseJsonMacros(text: string): ParsedMacros {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { format: 'json', macros: [], problems: [`not valid JSON: ${(e as Error).message}`] };
  }
  if (!Array.isArray(data) && typeof data === 'object' && data !== null) {
    const wrapped = Object.values(data).find(Array.isArray); // { macros: [...] }, { canned_responses: [...] }
    if (wrapped) data = wrapped;
  }
  if (!Array.isArray(data)) return { format: 'json', macros: [], problems: ['expected an array of { "title", "body" } objects'] };
  const macros: Macro[] = [];
  const problems: string[] = [];
  data.forEach((item, i) => {
    if (typeof item === 'string') {
      if (item.trim()) macros.push({ title: titleFrom(item), body: item.trim() });
      return;
    }
    if (typeof item !== 'object' || item === null) {
      problems.push(`[${i}]: not an object, skipped`);
      return;
    }
    const body = pick(item as Record<string, unknown>, BODY_KEYS)?.trim();
    if (!body) {
      problems.push(`[${i}]: no "body" text, skipped`);
      return;
    }
    macros.push({ title: pick(item as Record<string, unknown>, TITLE_KEYS)?.trim() || titleFrom(body), body });
  });
  return { format: 'json', macros, problems };
}

/** Parses pasted or imported macros in any of the supported formats. */
export function parseMacros(text: string, fileName?: string): ParsedMacros {
  const format = detectFormat(text, fileName);
  const out = format === 'json' ? parseJsonMacros(text) : format === 'csv' ? parseCsvMacros(text) : parseTextMacros(text);
  if (out.macros.length > MAX_MACROS) {
    out.problems.push(`only the first ${MAX_MACROS} of ${out.macros.length} macros are audited`);
    out.macros = out.macros.slice(0, MAX_MACROS);
  }
  out.macros = out.macros.map((m) => ({ title: m.title, body: stripHtml(m.body) }));
  return out;
}

/** Help-desk exports often carry HTML bodies; audit their text. */
export function stripHtml(body: string): string {
  if (!/<\/?[a-z][^>]*>/i.test(body)) return body;
  return body
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// ——— audit ———

export interface AuditRow {
  index: number;
  title: string;
  body: string;
  findings: Finding[];
  byCategory: Record<Category, number>;
  total: number;
  /** The body with the first rewrite of every finding applied (null when nothing is flagged). */
  rewrite: string | null;
}

export function zeroByCategory(): Record<Category, number> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
}

/** Applies the first suggestion of each finding, right to left (findings never overlap within a category; overlapping ones are skipped). */
export function applyFirstRewrites(text: string, findings: readonly Finding[]): string {
  const withFix = findings.filter((f) => f.suggestions.length > 0).sort((a, b) => b.start - a.start);
  let out = text;
  let limit = Infinity;
  for (const f of withFix) {
    if (f.end > limit) continue;
    out = out.slice(0, f.start) + f.suggestions[0]!.replacement + out.slice(f.end);
    limit = f.start;
  }
  return out;
}

export function auditMacro(m: Macro, index: number, analyzer: Pick<Analyzer, 'analyzeFresh'>): AuditRow {
  const { findings } = analyzer.analyzeFresh(m.body);
  const byCategory = zeroByCategory();
  for (const f of findings) byCategory[f.category]++;
  return {
    index,
    title: m.title,
    body: m.body,
    findings,
    byCategory,
    total: findings.length,
    rewrite: findings.some((f) => f.suggestions.length) ? applyFirstRewrites(m.body, findings) : null,
  };
}

export function totals(rows: readonly AuditRow[]): Record<Category, number> {
  const t = zeroByCategory();
  for (const r of rows) for (const c of CATEGORIES) t[c] += r.byCategory[c];
  return t;
}

export type SortKey = 'index' | 'title' | 'total' | Category;

export function sortRows(rows: readonly AuditRow[], key: SortKey, dir: 'asc' | 'desc'): AuditRow[] {
  const val = (r: AuditRow): number | string =>
    key === 'index' ? r.index : key === 'title' ? r.title.toLowerCase() : key === 'total' ? r.total : r.byCategory[key];
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = val(a);
    const y = val(b);
    return (x < y ? -1 : x > y ? 1 : 0) * sign || a.index - b.index;
  });
}

/** CSV of the audit: one row per macro, counts per category, rules that fired, suggested rewrite. */
export function auditCsv(rows: readonly AuditRow[]): string {
  return Papa.unparse({
    fields: ['title', 'body', ...CATEGORIES, 'total', 'rules', 'suggested_rewrite'],
    data: rows.map((r) => [
      r.title,
      r.body,
      ...CATEGORIES.map((c) => r.byCategory[c]),
      r.total,
      [...new Set(r.findings.map((f) => f.ruleId))].join(' '),
      r.rewrite ?? '',
    ]),
  });
}

/**
 * Audits macros in chunks, yielding to the event loop between chunks so a page stays
 * responsive (1,000 macros); `onProgress(done, total)` after each chunk. Cancel with the signal.
 */
export async function auditInChunks(
  macros: readonly Macro[],
  analyzer: Pick<Analyzer, 'analyzeFresh'>,
  onProgress: (done: number, total: number, rows: AuditRow[]) => void,
  opts: { chunkMs?: number; signal?: AbortSignal; yieldFn?: () => Promise<void> } = {},
): Promise<AuditRow[]> {
  const chunkMs = opts.chunkMs ?? 12;
  const yieldFn = opts.yieldFn ?? (() => new Promise<void>((r) => setTimeout(r, 0)));
  const rows: AuditRow[] = [];
  let i = 0;
  while (i < macros.length) {
    if (opts.signal?.aborted) break;
    const t0 = Date.now();
    do {
      rows.push(auditMacro(macros[i]!, i, analyzer));
      i++;
    } while (i < macros.length && Date.now() - t0 < chunkMs);
    onProgress(i, macros.length, rows);
    if (i < macros.length) await yieldFn();
  }
  return rows;
}
