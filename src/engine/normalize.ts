/**
 * Folds typographic variants to ASCII one code unit for one code unit, so every
 * offset in the folded text is also an offset in the original.
 */
const FOLD: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'",
  '\u201C': '"', '\u201D': '"', '\u201F': '"', '\u2033': '"',
  '\u00A0': ' ', '\u2007': ' ', '\u202F': ' ', '\u2009': ' ', '\u200A': ' ', '\u2002': ' ', '\u2003': ' ',
  '\u2010': '-', '\u2011': '-',
  '\u200B': ' ', '\uFEFF': ' ',
};
const FOLD_RE = /[\u2018\u2019\u201B\u2032\u02BC\u201C\u201D\u201F\u2033\u00A0\u2007\u202F\u2009\u200A\u2002\u2003\u2010\u2011\u200B\uFEFF]/g;

export function foldTypography(text: string): string {
  return text.replace(FOLD_RE, (ch) => FOLD[ch] ?? ch);
}
