// `struktur check --format junit`: JUnit XML for CI test-report views (GitLab, Jenkins,
// Azure Pipelines…). One <testsuite> per file, one <testcase> per problem.
//
// Mapping, chosen so that the report passes exactly when the CLI exits 0:
// - an error diagnostic is a <failure type=CODE> (a JUnit "error" means the test itself
//   crashed, which a diagnostic is not, so `errors` is always 0);
// - a warning is a passing testcase whose <system-out> holds the warning: visible in the
//   report, but it does not fail a build that the exit code lets pass;
// - info and hint diagnostics are not problems and are left out;
// - a file with neither errors nor warnings gets one passing testcase, "no problems", so that
//   every checked file appears as a test.
import { location } from './text';
import { orderedFiles } from './summary';
import type { CheckDiagnostic, CheckReport } from './types';

// Characters XML 1.0 does not allow at all, not even as character references; lone
// surrogates included (the `u` flag makes them one code point each).
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also escape quotes, and whitespace that parsers would normalise away. */
export function xmlAttr(text: string): string {
  return xmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

function detail(path: string, d: CheckDiagnostic): string {
  const lines = [`${location(path, d.range.start)} ${d.severity} ${d.code} ${d.message}`];
  for (const r of d.related ?? []) lines.push(`  ${location(r.path, r.range.start)} note: ${r.message}`);
  return lines.join('\n');
}

function testcaseName(d: CheckDiagnostic): string {
  return oneLine(`${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`);
}

export function formatJunit(report: CheckReport): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const file of orderedFiles(report)) {
    const cases: string[] = [];
    let fileTests = 0;
    let fileFailures = 0;
    for (const d of file.diagnostics) {
      if (d.severity !== 'error' && d.severity !== 'warning') continue;
      fileTests++;
      const head = `    <testcase${attrs({ classname: file.path, name: testcaseName(d) })}>`;
      if (d.severity === 'error') {
        fileFailures++;
        cases.push(head, `      <failure${attrs({ message: d.message, type: d.code })}>${xmlText(detail(file.path, d))}</failure>`, '    </testcase>');
      } else {
        cases.push(head, `      <system-out>${xmlText(detail(file.path, d))}</system-out>`, '    </testcase>');
      }
    }
    if (fileTests === 0) {
      fileTests = 1;
      cases.push(`    <testcase${attrs({ classname: file.path, name: 'no problems' })}/>`);
    }
    tests += fileTests;
    failures += fileFailures;
    suites.push(
      `  <testsuite${attrs({ name: file.path, tests: fileTests, failures: fileFailures, errors: 0, skipped: 0 })}>`,
      ...cases,
      '  </testsuite>',
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: 'struktur check', tests, failures, errors: 0 })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
