// The human format of `struktur check`:
//
//   examples/a.struct:12:7 error S1203 Unknown section "IPE30". Did you mean "IPE300"?
//      12 | member B1 N1 N2 IPE30
//         |                 ^^^^^
//     examples/a.struct:4:9 note: first declared here
//
//   2 errors, 1 warning in 6 files
//
// Lines and columns are the LSP ones plus one (columns count UTF-16 code units, as in the
// JSON and SARIF formats, so all formats name the same column). The excerpt appears only
// when the file's `lines` are given.
import { orderedFiles, plural, summarize } from './summary';
import type { CheckDiagnostic, CheckReport, FormatOptions, Position, Severity } from './types';

type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'blue' | 'cyan' | 'green' | 'gray';

const ANSI: Record<Style, [string, string]> = {
  bold: ['\x1b[1m', '\x1b[22m'],
  dim: ['\x1b[2m', '\x1b[22m'],
  red: ['\x1b[31m', '\x1b[39m'],
  yellow: ['\x1b[33m', '\x1b[39m'],
  blue: ['\x1b[34m', '\x1b[39m'],
  cyan: ['\x1b[36m', '\x1b[39m'],
  green: ['\x1b[32m', '\x1b[39m'],
  gray: ['\x1b[90m', '\x1b[39m'],
};

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue', hint: 'gray' };

type Paint = (text: string, ...styles: Style[]) => string;

function painter(color: boolean): Paint {
  if (!color) return (text) => text;
  return (text, ...styles) =>
    text === '' ? text : styles.reduce((t, s) => ANSI[s][0] + t + ANSI[s][1], text);
}

// A file or a message must not be able to drive the terminal: C0/C1 controls (ESC above
// all) and lone surrogates become U+FFFD. Each replaced unit is one UTF-16 code unit, so
// columns into the cleaned string are still the LSP columns.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function clean(text: string): string {
  return text.replace(UNSAFE, '\uFFFD');
}

/** Message lines after the first are indented to stay under their diagnostic. */
function messageText(message: string, indent: string): string {
  return clean(message.replace(/\r\n?/g, '\n')).split('\n').join(`\n${indent}`);
}

export function location(path: string, position: Position): string {
  return `${clean(path)}:${position.line + 1}:${position.character + 1}`;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const ZERO_WIDTH = /^(?:\p{M}|\p{Cf}|[\uFE00-\uFE0F])+$/u;
const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F/u;

function isWide(codePoint: number): boolean {
  // East Asian Wide and Fullwidth blocks (an approximation of UAX #11 good enough for carets).
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf && codePoint !== 0x303f) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}

function graphemeWidth(grapheme: string): number {
  if (ZERO_WIDTH.test(grapheme)) return 0;
  if (EMOJI.test(grapheme) || isWide(grapheme.codePointAt(0) ?? 0)) return 2;
  return 1;
}

/**
 * The blank run that puts a caret under a given column of `text` on a terminal: a tab stays
 * a tab (so it lines up whatever the tab width), every other grapheme becomes as many spaces
 * as the columns it takes.
 */
function blankOut(text: string): string {
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    out += segment === '\t' ? '\t' : ' '.repeat(graphemeWidth(segment));
  }
  return out;
}

function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of segmenter.segment(text)) width += segment === '\t' ? 1 : graphemeWidth(segment);
  return width;
}

function excerpt(lines: string[], d: CheckDiagnostic, paint: Paint): string[] {
  const { start, end } = d.range;
  const raw = lines[start.line];
  if (raw === undefined) return [];
  const line = clean(raw.replace(/\r?\n$/, ''));
  const from = Math.min(start.character, line.length);
  const to = end.line === start.line ? Math.min(Math.max(end.character, from), line.length) : line.length;
  const carets = '^'.repeat(Math.max(1, displayWidth(line.slice(from, to))));
  const number = String(start.line + 1);
  const gutter = ' '.repeat(number.length);
  return [
    `  ${paint(number, 'dim')} ${paint('|', 'dim')} ${line}`,
    `  ${gutter} ${paint('|', 'dim')} ${blankOut(line.slice(0, from))}${paint(carets, SEVERITY_STYLE[d.severity])}`,
  ];
}

function summaryLine(report: CheckReport, paint: Paint): string {
  const s = summarize(report);
  const files = plural(s.files, 'file');
  if (s.errors + s.warnings + s.infos === 0) return paint(`No problems in ${files}.`, 'green');
  const parts: string[] = [];
  if (s.errors > 0) parts.push(paint(plural(s.errors, 'error'), 'bold', 'red'));
  if (s.warnings > 0) parts.push(paint(plural(s.warnings, 'warning'), 'bold', 'yellow'));
  if (s.infos > 0) parts.push(paint(plural(s.infos, 'info'), 'bold', 'blue'));
  return `${parts.join(', ')} in ${files}`;
}

export function formatText(report: CheckReport, options: FormatOptions = {}): string {
  const paint = painter(options.color === true);
  const out: string[] = [];
  for (const file of orderedFiles(report)) {
    for (const d of file.diagnostics) {
      const code = d.code === '' ? '' : ` ${paint(clean(d.code), 'gray')}`;
      out.push(
        `${paint(location(file.path, d.range.start), 'bold')} ${paint(d.severity, SEVERITY_STYLE[d.severity])}${code} ${messageText(d.message, '  ')}`,
      );
      if (file.lines) out.push(...excerpt(file.lines, d, paint));
      for (const r of d.related ?? []) {
        out.push(`  ${paint(location(r.path, r.range.start), 'bold')} ${paint('note:', 'cyan')} ${messageText(r.message, '    ')}`);
      }
    }
  }
  if (out.length > 0) out.push('');
  out.push(summaryLine(report, paint));
  return `${out.join('\n')}\n`;
}
