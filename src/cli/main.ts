/**
 * `tactful check [FILE…]` — checks replies or macros from files or stdin.
 * Exit codes: 0 ok, 1 a finding at or above --fail-on, 2 usage or input error (never a stack trace).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createAnalyzer, formatProblems, MAX_CHECKED_CHARS, parsePack, SEVERITIES, type AnalysisResult, type Analyzer, type RulePack, type Severity } from '../engine/index';
import { formatText, sanitize, withPositions } from './format';

const USAGE_LINE = 'Usage: tactful check [options] [FILE…]';
const USAGE = `${USAGE_LINE}

Checks support replies for blame-shifting, defensive, lecturing, non-apologising
and vague phrasing. Reads FILEs, or standard input when none is given ("-" too).

Options:
  --format text|json     output format (default: text); json is an array of
                         {file, findings, tips, warnings?}, one per input, findings
                         with 1-based line and column beside start and end
  --input text|jsonl     input format; jsonl = one {"id","text"} object per line (default: text)
  --rules PACK.json      add a team rule pack (repeatable)
  --fail-on SEVERITY     exit 1 if any finding is at least info|warning|error
  --no-tips              leave out reply-level tips
  --no-color             no colour (also when NO_COLOR is set or output is not a terminal)
  -v, --version          print the version
  -h, --help             show this help

Only the first ${MAX_CHECKED_CHARS.toLocaleString('en-US')} characters of a reply's own text are checked; a longer one
gets a note saying where checking stopped.

Tips: the greeting and closing tips are shown only for an input that looks like a
whole reply (its first line is a greeting, or it has more than one paragraph), so a
one-paragraph macro is not told to say hello.

Exit codes: 0 no finding at or above --fail-on (or no --fail-on), 1 findings at or
above --fail-on, 2 bad usage, an unreadable file (the others are still checked),
invalid input or rule pack.`;

class UsageError extends Error {}
/** A problem with one input: reported on one line, the other inputs are still checked, exit 2. */
class InputError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

/** Reads a file or standard input as UTF-8 without a leading byte-order mark. */
function readInput(name: string): string {
  try {
    return readFileSync(name === '-' ? 0 : name, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new InputError(`cannot read ${name === '-' ? 'standard input' : sanitize(name)}: ${why}`);
  }
}

function loadPack(path: string): RulePack {
  let content: string;
  try {
    content = readInput(path);
  } catch (error) {
    return fail((error as Error).message);
  }
  const result = parsePack(content);
  if (!result.ok) fail(`invalid rule pack ${sanitize(path)}:\n${sanitize(formatProblems(result.problems))}`);
  return result.pack;
}

interface Item {
  name: string;
  /** jsonl: the row's own id (null stays null), or its line number when it has none. */
  id?: unknown;
  text: string;
}

function jsonlItems(name: string, content: string): Item[] {
  const items: Item[] = [];
  content.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new InputError(`${sanitize(name)}:${i + 1}: not valid JSON`);
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new InputError(`${sanitize(name)}:${i + 1}: each line must be a JSON object like {"id": "m1", "text": "…"}`);
    }
    const { text } = row as { text?: unknown };
    if (typeof text !== 'string') throw new InputError(`${sanitize(name)}:${i + 1}: each line needs a string "text" field`);
    const id = 'id' in row ? (row as { id: unknown }).id : i + 1;
    // Text output names a row by its id when it has a printable one, else by file:line.
    const label = typeof id === 'string' || typeof id === 'number' ? String(id) : `${name}:${i + 1}`;
    items.push({ name: label, id, text });
  });
  return items;
}

/** A whole reply, not a one-paragraph macro: a greeting first line or several paragraphs. */
const GREETING_LINE = /^\W*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b/i;
function looksLikeWholeReply(text: string): boolean {
  const t = text.trim();
  return GREETING_LINE.test(t) || /\n\s*\n\s*\S/.test(t);
}

function version(): string {
  // dist/cli/tactful.js and src/cli/main.ts both sit two folders below package.json.
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function parse(rest: string[]) {
  try {
    return parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        input: { type: 'string', default: 'text' },
        rules: { type: 'string', multiple: true, default: [] },
        'fail-on': { type: 'string' },
        'no-tips': { type: 'boolean', default: false },
        'no-color': { type: 'boolean', default: false },
        version: { type: 'boolean', short: 'v', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const option = /'([^']+)'/.exec((error as Error).message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') fail(`unknown option ${sanitize(option ?? '')}\n${USAGE_LINE}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') fail(`option ${sanitize(option ?? '')} needs a value\n${USAGE_LINE}`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') fail(`unexpected argument\n${USAGE_LINE}`);
    throw error;
  }
}

function run(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === '-v' || command === '--version') {
    console.log(version());
    return 0;
  }
  if (command === '-h' || command === '--help' || command === undefined) {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'check') fail(`unknown command "${sanitize(command)}" (try: tactful check --help)`);
  const { values, positionals } = parse(rest);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.version) {
    console.log(version());
    return 0;
  }
  if (values.format !== 'text' && values.format !== 'json') fail(`--format must be text or json, not "${sanitize(values.format ?? '')}"`);
  if (values.input !== 'text' && values.input !== 'jsonl') fail(`--input must be text or jsonl, not "${sanitize(values.input ?? '')}"`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && !SEVERITIES.includes(failOn as Severity)) {
    fail(`--fail-on must be one of ${SEVERITIES.join(', ')}, not "${sanitize(failOn)}"`);
  }
  const color = !values['no-color'] && !!process.stdout.isTTY && !process.env.NO_COLOR;
  const packs = (values.rules ?? []).map(loadPack);
  let analyzer: Analyzer;
  try {
    analyzer = createAnalyzer({ packs, tips: !values['no-tips'] });
  } catch (error) {
    return fail(`the rule packs could not be loaded: ${sanitize((error as Error).message ?? String(error))}`);
  }
  const names = positionals.length ? positionals : ['-'];
  let inputErrors = 0;
  const items: Item[] = names.flatMap((name) => {
    try {
      const content = readInput(name);
      const label = name === '-' ? '<stdin>' : name;
      return values.input === 'jsonl' ? jsonlItems(label, content) : [{ name: label, text: content }];
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // The readable inputs are still checked; the exit code says one was not.
      console.error(`tactful: ${error.message}`);
      inputErrors++;
      return [];
    }
  });

  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  let failing = false;
  const jsonOut: unknown[] = [];
  const textOut: string[] = [];
  let flaggedTexts = 0;
  let findingCount = 0;
  for (const item of items) {
    let result: AnalysisResult;
    try {
      result = analyzer.analyze(item.text);
    } catch (error) {
      // A team pack whose rule breaks the engine: one line naming the input, not a stack trace.
      throw new UsageError(`${sanitize(item.name)}: the check failed: ${sanitize((error as Error).message ?? String(error))}`);
    }
    if (!looksLikeWholeReply(item.text)) {
      result = { ...result, tips: result.tips.filter((t) => t.id !== 'greeting' && t.id !== 'closing') };
    }
    findingCount += result.findings.length;
    if (result.findings.length) flaggedTexts++;
    if (failOn && result.findings.some((f) => rank(f.severity) >= rank(failOn as Severity))) failing = true;
    const findings = withPositions(item.text, result);
    const warnings = result.warnings?.length ? { warnings: result.warnings } : {};
    if (values.input === 'jsonl' && values.format === 'json') {
      jsonOut.push({ id: item.id, findings, tips: result.tips, ...warnings });
    } else if (values.format === 'json') {
      jsonOut.push({ file: item.name, findings, tips: result.tips, ...warnings });
    } else {
      const block = formatText(item.name, item.text, result, { color });
      if (block) textOut.push(block);
    }
  }
  if (values.format === 'json') {
    // jsonl input → one JSON line per input, so results can be joined back by id; otherwise
    // always an array (one element per input, also for a single file), as eslint prints.
    if (values.input === 'jsonl') for (const row of jsonOut) console.log(JSON.stringify(row));
    else console.log(JSON.stringify(jsonOut, null, 2));
  } else {
    if (textOut.length) console.log(`${textOut.join('\n\n')}\n`);
    const total = items.length;
    const texts = (n: number) => `${n} ${n === 1 ? 'text' : 'texts'}`;
    console.log(
      findingCount
        ? `${findingCount} ${findingCount === 1 ? 'finding' : 'findings'} in ${flaggedTexts} of ${texts(total)}.`
        : `No tone issues found in ${texts(total)}.`,
    );
  }
  if (inputErrors) return 2;
  return failing ? 1 : 0;
}

try {
  process.exitCode = run(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || error instanceof InputError) {
    console.error(`tactful: ${error.message}`);
  } else {
    // Anything else is a bug in tactful, still reported on one line with the input-error code
    // (1 means "findings", and CI must not read a crash as a tone problem).
    console.error(`tactful: internal error: ${sanitize((error as Error)?.message ?? String(error))}`);
  }
  process.exitCode = 2;
}
