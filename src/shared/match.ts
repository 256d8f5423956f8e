/** Minimal WebExtension match-pattern matcher (scheme://host/path with * wildcards). */

export function matchPatternToRegExp(pattern: string): RegExp | null {
  if (pattern === '<all_urls>') return /^(https?|wss?|file|ftp):\/\//;
  const m = /^(\*|https?|wss?|file|ftp):\/\/(\*|\*\.[^/*]+|[^/*]+)?(\/.*)$/.exec(pattern);
  if (!m) return null;
  const [, scheme = '', host = '', path = ''] = m;
  const esc = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const schemeRe = scheme === '*' ? 'https?' : esc(scheme);
  let hostRe: string;
  if (host === '*') hostRe = '[^/]+';
  else if (host.startsWith('*.')) hostRe = `(?:[^/]+\\.)?${esc(host.slice(2))}(?::\\d+)?`;
  else hostRe = `${esc(host)}(?::\\d+)?`;
  const pathRe = path.split('*').map(esc).join('.*');
  return new RegExp(`^${schemeRe}://${hostRe}${pathRe}$`);
}

export function urlMatchesAny(url: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => matchPatternToRegExp(p)?.test(url) ?? false);
}
