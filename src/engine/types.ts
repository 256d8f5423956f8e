/** Public types of the Tactful engine. Pure data: no DOM, no browser APIs. */

export const CATEGORIES = [
  'blame-shifting',
  'defensive',
  'lecturing',
  'non-apology',
  'vague-commitment',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Suggestion {
  replacement: string;
  label?: string;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  /** UTF-16 offsets into the analysed input; text === input.slice(start, end). */
  start: number;
  end: number;
  text: string;
  message: string;
  suggestions: Suggestion[];
}

export const TIP_IDS = ['greeting', 'thanks', 'ownership', 'next-step', 'closing'] as const;
export type TipId = (typeof TIP_IDS)[number];

export interface Tip {
  id: TipId;
  message: string;
}

export interface AnalysisResult {
  findings: Finding[];
  tips: Tip[];
}
