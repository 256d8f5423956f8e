/**
 * `tactful check [FILE…]` — checks replies or macros from files or stdin.
 * Exit codes: 0 ok, 1 a finding at or above --fail-on, 2 usage or input error.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createAnalyzer, formatProblems, parsePack, SEVERITIES, type Analyzer, type RulePack, type Severity } from '../engine/index';
import { formatText } from './format';

const USAGE = `Usage: tactful check [options] [FILE…]

Checks support replies for blame-shifting, defensive, lecturing, non-apologising
and vague phrasing. Reads FILEs, or standard input when none is given ("-" too).

Options:
  --format text|json     output format (default: text)
  --input text|jsonl     input format; jsonl = one {"id","text"} object per line (default: text)
  --rules PACK.json      add a team rule pack (repeatable)
  --fail-on SEVERITY     exit 1 if any finding is at least info|warning|error
  --no-tips              leave out reply-level tips
  -h, --help             show this help

Exit codes: 0 no finding at or above --fail-on (or no --fail-on), 1 findings at or
above --fail-on, 2 bad usage, unreadable file or invalid rule pack.`;

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

function readInput(name: string): string {
  try {
    return readFileSync(name === '-' ? 0 : name, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    return fail(`cannot read ${name === '-' ? 'standard input' : name}: ${why}`);
  }
}

function loadPack(path: string): RulePack {
  const result = parsePack(readInput(path));
  if (!result.ok) fail(`invalid rule pack ${path}:\n${formatProblems(result.problems)}`);
  return result.pack;
}

interface Item {
  name: string;
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
      fail(`${name}:${i + 1}: not valid JSON`);
    }
    const text = (row as { text?: unknown }).text;
    if (typeof text !== 'string') fail(`${name}:${i + 1}: each line needs a string "text" field`);
    items.push({ name: `${name}:${i + 1}`, id: (row as { id?: unknown }).id ?? i + 1, text });
  });
  return items;
}

function run(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === undefined) {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'check') fail(`unknown command "${command}" (try: tactful check --help)`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      input: { type: 'string', default: 'text' },
      rules: { type: 'string', multiple: true, default: [] },
      'fail-on': { type: 'string' },
      'no-tips': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.format !== 'text' && values.format !== 'json') fail(`--format must be text or json, not "${values.format}"`);
  if (values.input !== 'text' && values.input !== 'jsonl') fail(`--input must be text or jsonl, not "${values.input}"`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && !SEVERITIES.includes(failOn as Severity)) {
    fail(`--fail-on must be one of ${SEVERITIES.join(', ')}, not "${failOn}"`);
  }
  const packs = (values.rules ?? []).map(loadPack);
  const analyzer: Analyzer = createAnalyzer({ packs, tips: !values['no-tips'] });
  const names = positionals.length ? positionals : ['-'];
  const items: Item[] = names.flatMap((name) => {
    const content = readInput(name);
    const label = name === '-' ? '<stdin>' : name;
    return values.input === 'jsonl' ? jsonlItems(label, content) : [{ name: label, text: content }];
  });

  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  let failing = false;
  const jsonOut: unknown[] = [];
  const textOut: string[] = [];
  let flaggedTexts = 0;
  let findingCount = 0;
  for (const item of items) {
    const result = analyzer.analyze(item.text);
    findingCount += result.findings.length;
    if (result.findings.length) flaggedTexts++;
    if (failOn && result.findings.some((f) => rank(f.severity) >= rank(failOn as Severity))) failing = true;
    if (values.input === 'jsonl' && values.format === 'json') {
      jsonOut.push({ id: item.id, findings: result.findings, tips: result.tips });
    } else if (values.format === 'json') {
      jsonOut.push({ file: item.name, findings: result.findings, tips: result.tips });
    } else {
      const block = formatText(item.name, item.text, result);
      if (block) textOut.push(block);
    }
  }
  if (values.format === 'json') {
    // jsonl input → one JSON line per input, so results can be joined back by id.
    if (values.input === 'jsonl') for (const row of jsonOut) console.log(JSON.stringify(row));
    else console.log(JSON.stringify(jsonOut.length === 1 ? jsonOut[0] : jsonOut, null, 2));
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
  return failing ? 1 : 0;
}

try {
  process.exitCode = run(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`tactful: ${(error as Error).message}`);
    process.exitCode = 2;
  } else throw error;
}
