import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FORMATS, formatReport, isFormat, summarize } from '../../language-server/src/cli/formats';
import type { CheckReport } from '../../language-server/src/cli/formats';
import { escapeData, escapeProperty } from '../../language-server/src/cli/formats/github';
import { CLEAN, fixtureReport, GREEK, PORTAL, portalLines, SHARED } from './formats.fixture';

const ESC = '\u001b';
const stripAnsi = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');

function emptyReport(paths: string[] = []): CheckReport {
  return { tool: { name: 'struktur', version: '0.1.0' }, rules: [], files: paths.map((p) => ({ path: p, diagnostics: [] })) };
}

describe('check output formats', () => {
  describe('summarize and formatReport', () => {
    it('counts files, errors, warnings, and info and hint together', () => {
      assert.deepEqual(summarize(fixtureReport()), { files: 3, errors: 3, warnings: 2, infos: 2 });
      assert.deepEqual(summarize(emptyReport()), { files: 0, errors: 0, warnings: 0, infos: 0 });
    });

    it('knows exactly the five formats', () => {
      assert.deepEqual([...FORMATS], ['text', 'json', 'sarif', 'junit', 'github']);
      for (const f of FORMATS) assert.ok(isFormat(f));
      assert.ok(!isFormat('xml'));
      assert.ok(!isFormat('TEXT'));
    });

    it('gives the same output whatever order the files and diagnostics come in', () => {
      const shuffled = fixtureReport();
      shuffled.files.reverse();
      for (const f of shuffled.files) f.diagnostics.reverse();
      for (const format of FORMATS) assert.equal(formatReport(shuffled, format), formatReport(fixtureReport(), format), format);
    });

    it('does not change its input', () => {
      const report = fixtureReport();
      for (const format of FORMATS) formatReport(report, format, { color: true });
      assert.deepEqual(report, fixtureReport());
    });
  });

  describe('text', () => {
    it('prints one line per diagnostic with excerpts, related locations and a summary', () => {
      const expected = [
        'examples/portal.struct:1:7 info S3001 Title has <, > & "quotes"\uFFFD',
        '  second line ]]>',
        '  1 | model "Two-bay <portal> & frame"',
        '    |       ^^^^^^^^^^^^^^^^^^^^^^^^^^',
        'examples/portal.struct:3:6 error S1101 Duplicate node "N1"',
        '  3 | node N1 6 0 0',
        '    |      ^^',
        '  examples/portal.struct:2:6 note: first declared here',
        "  lib/shared nodes.struct:1:1 note: also in <shared> & 'common'",
        'examples/portal.struct:4:17 error S1203 Unknown section "IPE30". Did you mean "IPE300"?',
        '  4 | member B1 N1 N2 IPE30',
        '    |                 ^^^^^',
        'examples/portal.struct:5:7 warning S2004 Load "ψ" = 12 kN/m² is 100% of the limit: check a, b',
        '  5 | \tload ψ = 12 kN/m² on B1',
        '    | \t     ^',
        // Column 10: "🚧" counts two UTF-16 code units; on screen it is two columns wide.
        'examples/portal.struct:6:10 hint S3002 Name "B2" follows an emoji 🚧; prefer ASCII names',
        '  6 | member 🚧B2 N1 N2 HEA200',
        '    |          ^^',
        'examples/σχέδιο β,v2.struct:1:6 warning S2004 Τάση σ > f_y 🏗️ "overstressed"',
        'examples/σχέδιο β,v2.struct:2:9 error S1301 Unstable structure: mechanism at node Ω\uFFFD[2J (check \uFFFDsupports)',
        '',
        '3 errors, 2 warnings, 2 infos in 3 files',
        '',
      ].join('\n');
      assert.equal(formatReport(fixtureReport(), 'text'), expected);
    });

    it('uses 1-based columns in UTF-16 code units, as the other formats do', () => {
      assert.equal(portalLines[5].slice(9, 11), 'B2');
      assert.match(formatReport(fixtureReport(), 'text'), /^examples\/portal\.struct:6:10 hint S3002 /m);
    });

    it('says when there are no problems, with singular and plural', () => {
      assert.equal(formatReport(emptyReport([CLEAN]), 'text'), 'No problems in 1 file.\n');
      assert.equal(formatReport(emptyReport([CLEAN, PORTAL, GREEK, SHARED, 'a.struct', 'b.struct']), 'text'), 'No problems in 6 files.\n');
      const one = emptyReport([CLEAN, PORTAL]);
      one.files[1].diagnostics.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 'warning', code: 'S2004', message: 'm' });
      assert.equal(formatReport(one, 'text'), 'examples/portal.struct:1:1 warning S2004 m\n\n1 warning in 2 files\n');
      one.files[1].diagnostics[0].severity = 'error';
      assert.match(formatReport(one, 'text'), /\n\n1 error in 2 files\n$/);
    });

    it('colours only when asked, and the colours add nothing but escapes', () => {
      const plain = formatReport(fixtureReport(), 'text');
      const coloured = formatReport(fixtureReport(), 'text', { color: true });
      assert.ok(!plain.includes(ESC), 'no escape in plain output, not even from a message');
      assert.equal(formatReport(fixtureReport(), 'text', { color: false }), plain);
      assert.ok(coloured.includes(`${ESC}[31merror${ESC}[39m`));
      assert.ok(coloured.includes(`${ESC}[33mwarning${ESC}[39m`));
      assert.equal(stripAnsi(coloured), plain);
      assert.equal(stripAnsi(formatReport(emptyReport([CLEAN]), 'text', { color: true })), 'No problems in 1 file.\n');
    });
  });

  describe('json', () => {
    const positionKeys = ['line', 'character'];
    function assertRange(value: unknown): void {
      const range = value as Record<string, Record<string, unknown>>;
      assert.deepEqual(Object.keys(range), ['start', 'end']);
      for (const end of [range.start, range.end]) {
        assert.deepEqual(Object.keys(end), positionKeys);
        for (const k of positionKeys) assert.ok(Number.isInteger(end[k]) && (end[k] as number) >= 0);
      }
    }

    it('has exactly the struktur-check/1 keys, in order, everywhere', () => {
      const text = formatReport(fixtureReport(), 'json');
      const doc = JSON.parse(text);
      assert.deepEqual(Object.keys(doc), ['format', 'files', 'summary']);
      assert.equal(doc.format, 'struktur-check/1');
      assert.deepEqual(Object.keys(doc.summary), ['files', 'errors', 'warnings']);
      assert.deepEqual(doc.summary, { files: 3, errors: 3, warnings: 2 });
      assert.deepEqual(doc.files.map((f: { path: string }) => f.path), [CLEAN, PORTAL, GREEK]);
      let related = 0;
      for (const file of doc.files) {
        assert.deepEqual(Object.keys(file), ['path', 'diagnostics']);
        for (const d of file.diagnostics) {
          const keys = ['range', 'severity', 'code', 'message'];
          assert.deepEqual(Object.keys(d), d.related ? [...keys, 'related'] : keys);
          assertRange(d.range);
          assert.ok(['error', 'warning', 'info', 'hint'].includes(d.severity));
          assert.equal(typeof d.code, 'string');
          assert.equal(typeof d.message, 'string');
          for (const r of d.related ?? []) {
            related++;
            assert.deepEqual(Object.keys(r), ['path', 'range', 'message']);
            assertRange(r.range);
          }
        }
      }
      assert.equal(related, 2);
    });

    it('keeps messages exactly and orders diagnostics by position', () => {
      const doc = JSON.parse(formatReport(fixtureReport(), 'json'));
      const portal = doc.files[1];
      assert.deepEqual(portal.diagnostics.map((d: { code: string }) => d.code), ['S3001', 'S1101', 'S1203', 'S2004', 'S3002']);
      const input = fixtureReport().files.flatMap((f) => f.diagnostics.map((d) => d.message)).sort();
      const output = (doc.files as { diagnostics: { message: string }[] }[]).flatMap((f) => f.diagnostics.map((d) => d.message)).sort();
      assert.deepEqual(output, input);
    });

    it('is exactly this document for a small report, pretty-printed', () => {
      const report = emptyReport([PORTAL]);
      const extra = { range: { start: { line: 11, character: 6 }, end: { line: 11, character: 11 } }, severity: 'error' as const, code: 'S1203', message: 'Unknown section "IPE30". Did you mean "IPE300"?', fix: 'dropped' };
      report.files[0].diagnostics.push(extra);
      report.files[0].diagnostics.push({
        range: { start: { line: 12, character: 0 }, end: { line: 12, character: 2 } },
        severity: 'hint',
        code: 'S1101',
        message: 'again',
        related: [{ path: SHARED, range: { start: { line: 3, character: 8 }, end: { line: 3, character: 9 } }, message: 'first declared here' }],
      });
      report.files[0].lines = ['not in the output'];
      const expected = {
        format: 'struktur-check/1',
        files: [
          {
            path: PORTAL,
            diagnostics: [
              { range: { start: { line: 11, character: 6 }, end: { line: 11, character: 11 } }, severity: 'error', code: 'S1203', message: 'Unknown section "IPE30". Did you mean "IPE300"?' },
              {
                range: { start: { line: 12, character: 0 }, end: { line: 12, character: 2 } },
                severity: 'hint',
                code: 'S1101',
                message: 'again',
                related: [{ path: SHARED, range: { start: { line: 3, character: 8 }, end: { line: 3, character: 9 } }, message: 'first declared here' }],
              },
            ],
          },
        ],
        summary: { files: 1, errors: 1, warnings: 0 },
      };
      assert.equal(formatReport(report, 'json'), `${JSON.stringify(expected, null, 2)}\n`);
    });

    it('leaves out an empty related list', () => {
      const report = emptyReport([PORTAL]);
      report.files[0].diagnostics.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'info', code: 'X', message: 'm', related: [] });
      assert.ok(!('related' in JSON.parse(formatReport(report, 'json')).files[0].diagnostics[0]));
    });
  });

  describe('sarif', () => {
    // The official SARIF 2.1.0 schema (OASIS; identical in its constraints to the 2.1.0
    // standard) as Microsoft's @microsoft/jest-sarif package ships it. It is draft-04.
    const schemaPath = path.join(path.dirname(require.resolve('@microsoft/jest-sarif')), 'schemas', 'sarif-2.1.0-rtm.5.json');
    const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
    // unicodeRegExp off: the schema's `language` pattern has a stray `]` that is a syntax
    // error in a `u` regular expression (fixed only in the 2023 errata). strict off: ajv's
    // strictRequired rejects an `anyOf` branch that requires a property defined beside it.
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    function assertValid(log: unknown): void {
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    }

    type Loc = { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string; index?: number }; region: Record<string, number> }; message?: { text: string }; id?: number };
    type Result = { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: Loc[]; relatedLocations?: Loc[] };

    it('uses the official draft-04 schema', () => {
      assert.equal(schema.$schema, 'http://json-schema.org/draft-04/schema#');
      assert.match(schema.title, /SARIF\) Version 2\.1\.0/);
    });

    it('validates against the SARIF 2.1.0 schema', () => {
      assertValid(JSON.parse(formatReport(fixtureReport(), 'sarif')));
      assertValid(JSON.parse(formatReport(fixtureReport(), 'sarif', { srcRoot: '/work/my project' })));
      assertValid(JSON.parse(formatReport(emptyReport(), 'sarif')));
    });

    it('is checked by a validator that does reject wrong logs', () => {
      const log = JSON.parse(formatReport(fixtureReport(), 'sarif'));
      log.runs[0].results[0].level = 'info';
      assert.ok(!validate(log));
      const log2 = JSON.parse(formatReport(fixtureReport(), 'sarif'));
      log2.runs[0].results[0].locations[0].physicalLocation.region.startColumn = 0;
      assert.ok(!validate(log2));
      const log3 = JSON.parse(formatReport(fixtureReport(), 'sarif'));
      log3.runs[0].columnKind = 'utf16';
      assert.ok(!validate(log3));
    });

    it('describes the tool, its rules and the run', () => {
      const log = JSON.parse(formatReport(fixtureReport(), 'sarif'));
      assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
      assert.equal(log.version, '2.1.0');
      assert.equal(log.runs.length, 1);
      const run = log.runs[0];
      assert.equal(run.columnKind, 'utf16CodeUnits');
      assert.deepEqual(Object.keys(run.tool.driver), ['name', 'version', 'informationUri', 'rules']);
      assert.equal(run.tool.driver.name, 'struktur');
      assert.equal(run.tool.driver.version, '0.1.0');
      assert.equal(run.tool.driver.informationUri, 'https://example.invalid/struktur');
      assert.deepEqual(run.tool.driver.rules, [
        { id: 'S1101', shortDescription: { text: 'Duplicate name' } },
        { id: 'S1203', shortDescription: { text: 'Unknown section' }, helpUri: 'https://example.invalid/struktur/rules/S1203' },
        { id: 'S1301', shortDescription: { text: 'Unstable structure' } },
        { id: 'S2004', shortDescription: { text: 'Load near its limit' } },
        { id: 'S3001', shortDescription: { text: 'Model title style' } },
        { id: 'S3002' },
      ]);
      assert.deepEqual(Object.keys(run.originalUriBaseIds), ['%SRCROOT%']);
      assert.ok(!('uri' in run.originalUriBaseIds['%SRCROOT%']), 'no machine path unless asked');
      const rooted = JSON.parse(formatReport(fixtureReport(), 'sarif', { srcRoot: '/work/my project' }));
      assert.equal(rooted.runs[0].originalUriBaseIds['%SRCROOT%'].uri, 'file:///work/my%20project/');
    });

    it('lists the checked files and the files only related locations name as artifacts', () => {
      const run = JSON.parse(formatReport(fixtureReport(), 'sarif')).runs[0];
      const artifacts = run.artifacts as { location: { uri: string; uriBaseId: string }; roles?: string[] }[];
      assert.deepEqual(artifacts.map((a) => decodeURIComponent(a.location.uri)), [CLEAN, PORTAL, GREEK, SHARED]);
      assert.deepEqual(artifacts.map((a) => a.roles), [['analysisTarget'], ['analysisTarget'], ['analysisTarget'], undefined]);
      for (const a of artifacts) {
        assert.equal(a.location.uriBaseId, '%SRCROOT%');
        assert.match(a.location.uri, /^[A-Za-z0-9\-_.!~*'()%/]+$/, 'percent-encoded, relative, forward slashes');
      }
      assert.equal(artifacts[2].location.uri, 'examples/%CF%83%CF%87%CE%AD%CE%B4%CE%B9%CE%BF%20%CE%B2%2Cv2.struct');
    });

    it('gives each diagnostic a result with level, rule, 1-based region and related locations', () => {
      const run = JSON.parse(formatReport(fixtureReport(), 'sarif')).runs[0];
      const results = run.results as Result[];
      assert.deepEqual(results.map((r) => [r.ruleId, r.level]), [
        ['S3001', 'note'],
        ['S1101', 'error'],
        ['S1203', 'error'],
        ['S2004', 'warning'],
        ['S3002', 'note'],
        ['S2004', 'warning'],
        ['S1301', 'error'],
      ]);
      for (const r of results) {
        assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
        for (const loc of [...r.locations, ...(r.relatedLocations ?? [])]) {
          const { artifactLocation } = loc.physicalLocation;
          assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
          assert.equal(run.artifacts[artifactLocation.index!].location.uri, artifactLocation.uri);
        }
      }
      const byRule = (id: string): Result => results.find((r) => r.ruleId === id)!;
      // After the emoji: character 9 in UTF-16 code units is column 10.
      assert.deepEqual(byRule('S3002').locations[0].physicalLocation.region, { startLine: 6, startColumn: 10, endLine: 6, endColumn: 12 });
      assert.deepEqual(byRule('S1301').locations[0].physicalLocation.region, { startLine: 2, startColumn: 9, endLine: 3, endColumn: 1 });
      assert.equal(byRule('S1203').message.text, 'Unknown section "IPE30". Did you mean "IPE300"?');
      const related = byRule('S1101').relatedLocations!;
      assert.deepEqual(related.map((l) => [l.id, decodeURIComponent(l.physicalLocation.artifactLocation.uri), l.message?.text]), [
        [0, PORTAL, 'first declared here'],
        [1, SHARED, "also in <shared> & 'common'"],
      ]);
      assert.deepEqual(related[0].physicalLocation.region, { startLine: 2, startColumn: 6, endLine: 2, endColumn: 8 });
      assert.equal(results.filter((r) => r.relatedLocations).length, 1);
    });

    it('turns an end before the start into an empty region, and absolute paths into file URIs', () => {
      const report = emptyReport(['/abs/dir/x y.struct', 'C:/models/a.struct']);
      const range = { start: { line: 3, character: 4 }, end: { line: 2, character: 0 } };
      for (const f of report.files) f.diagnostics.push({ range, severity: 'error', code: 'E', message: 'm' });
      const log = JSON.parse(formatReport(report, 'sarif'));
      assertValid(log);
      const locations = (log.runs[0].results as Result[]).map((r) => r.locations[0].physicalLocation);
      assert.deepEqual(locations.map((l) => [l.artifactLocation.uri, l.artifactLocation.uriBaseId]), [
        ['file:///abs/dir/x%20y.struct', undefined],
        ['file:///C:/models/a.struct', undefined],
      ]);
      assert.deepEqual(locations[0].region, { startLine: 4, startColumn: 5, endLine: 4, endColumn: 5 });
    });
  });

  describe('junit', () => {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      htmlEntities: true,
      parseAttributeValue: false,
      parseTagValue: false,
      trimValues: false,
      isArray: (name) => ['testsuite', 'testcase', 'failure', 'system-out'].includes(name),
    });
    type Case = { classname: string; name: string; failure?: { '#text': string; message: string; type: string }[]; 'system-out'?: string[] };
    type Suite = { name: string; tests: string; failures: string; errors: string; skipped: string; testcase: Case[] };

    function parse(xml: string): { testsuites: { name: string; tests: string; failures: string; errors: string; testsuite?: Suite[] } } {
      assert.equal(XMLValidator.validate(xml), true);
      return parser.parse(xml);
    }

    it('is well-formed XML 1.0 with no forbidden characters', () => {
      const xml = formatReport(fixtureReport(), 'junit');
      assert.equal(XMLValidator.validate(xml), true);
      assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'));
      assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(xml));
      assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(xml), 'no lone surrogate');
    });

    it('has the right counts: errors fail, warnings pass with output, clean files pass', () => {
      const { testsuites } = parse(formatReport(fixtureReport(), 'junit'));
      assert.equal(testsuites.name, 'struktur check');
      assert.deepEqual([testsuites.tests, testsuites.failures, testsuites.errors], ['6', '3', '0']);
      const suites = testsuites.testsuite!;
      assert.deepEqual(suites.map((s) => [s.name, s.tests, s.failures, s.errors, s.skipped]), [
        [CLEAN, '1', '0', '0', '0'],
        [PORTAL, '3', '2', '0', '0'],
        [GREEK, '2', '1', '0', '0'],
      ]);
      for (const s of suites) {
        assert.equal(s.testcase.length, Number(s.tests));
        assert.equal(s.testcase.filter((c) => c.failure).length, Number(s.failures));
        for (const c of s.testcase) assert.equal(c.classname, s.name);
      }
      assert.deepEqual(suites[0].testcase, [{ classname: CLEAN, name: 'no problems' }]);
      const warning = suites[1].testcase.find((c) => c['system-out'])!;
      assert.equal(warning.failure, undefined);
      assert.equal(warning['system-out']![0], 'examples/portal.struct:5:7 warning S2004 Load "ψ" = 12 kN/m² is 100% of the limit: check a, b');
    });

    it('escapes quotes, <, & and keeps Unicode; removes control characters', () => {
      const suites = parse(formatReport(fixtureReport(), 'junit')).testsuites.testsuite!;
      const s1101 = suites[1].testcase[0];
      assert.equal(s1101.name, '3:6 S1101 Duplicate node "N1"');
      assert.deepEqual(s1101.failure!.map((f) => [f.type, f.message]), [['S1101', 'Duplicate node "N1"']]);
      assert.equal(
        s1101.failure![0]['#text'],
        'examples/portal.struct:3:6 error S1101 Duplicate node "N1"\n  examples/portal.struct:2:6 note: first declared here\n' +
          "  lib/shared nodes.struct:1:1 note: also in <shared> & 'common'",
      );
      assert.equal(suites[1].testcase[1].failure![0].message, 'Unknown section "IPE30". Did you mean "IPE300"?');
      const greek = suites[2].testcase;
      assert.equal(greek[0].name, '1:6 S2004 Τάση σ > f_y 🏗️ "overstressed"');
      assert.equal(greek[1].failure![0].message, 'Unstable structure: mechanism at node Ω[2J (check supports)');
    });

    it('keeps a multi-line message in the failure message attribute', () => {
      const report = emptyReport([PORTAL]);
      report.files[0].diagnostics.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 'error', code: 'E1', message: 'one\ntwo\tthree\r\n]]> & <x/>' });
      const c = parse(formatReport(report, 'junit')).testsuites.testsuite![0].testcase[0];
      assert.equal(c.name, '1:1 E1 one two\tthree ]]> & <x/>');
      assert.equal(c.failure![0].message, 'one\ntwo\tthree\r\n]]> & <x/>');
    });

    it('is valid and empty for no files', () => {
      const { testsuites } = parse(formatReport(emptyReport(), 'junit'));
      assert.deepEqual([testsuites.tests, testsuites.failures, testsuites.errors, testsuites.testsuite], ['0', '0', '0', undefined]);
    });
  });

  describe('github', () => {
    // `::command prop=value,prop=value::data`: no raw CR/LF anywhere, no `:` or `,` inside a
    // property value, and `%` only as one of the runner's escapes.
    const PROPERTY = '[^,:\\r\\n]*';
    const COMMAND = new RegExp(
      `^::(error|warning|notice) file=(${PROPERTY}),line=(\\d+),col=(\\d+),endLine=(\\d+),endColumn=(\\d+)(?:,title=(${PROPERTY}))?::([^\\r\\n]*)$`,
    );
    const unescape = (text: string): string =>
      text.replace(/%(25|0D|0A|3A|2C)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

    it('prints one well-formed workflow command per diagnostic', () => {
      const out = formatReport(fixtureReport(), 'github');
      assert.ok(out.endsWith('\n'));
      const lines = out.slice(0, -1).split('\n');
      assert.equal(lines.length, 7);
      const parsed = lines.map((line) => {
        const m = COMMAND.exec(line);
        assert.ok(m, `not a workflow command: ${line}`);
        assert.ok(!/%(?!25|0D|0A|3A|2C)/.test(line), `stray % in ${line}`);
        assert.ok(!line.includes(ESC));
        return { command: m[1], file: unescape(m[2]), pos: m.slice(3, 7).map(Number), title: m[7], message: unescape(m[8]) };
      });
      assert.deepEqual(parsed.map((p) => [p.command, p.file, p.title]), [
        ['notice', PORTAL, 'S3001'],
        ['error', PORTAL, 'S1101'],
        ['error', PORTAL, 'S1203'],
        ['warning', PORTAL, 'S2004'],
        ['notice', PORTAL, 'S3002'],
        ['warning', GREEK, 'S2004'],
        ['error', GREEK, 'S1301'],
      ]);
      assert.deepEqual(parsed[4].pos, [6, 10, 6, 12], 'column after the emoji');
      assert.deepEqual(parsed[6].pos, [2, 9, 3, 1]);
      assert.equal(parsed[0].message, 'Title has <, > & "quotes"\uFFFD\nsecond line ]]>');
      assert.equal(parsed[1].message, 'Duplicate node "N1"\n  examples/portal.struct:2:6 note: first declared here\n  lib/shared nodes.struct:1:1 note: also in <shared> & \'common\'');
      assert.equal(parsed[3].message, 'Load "ψ" = 12 kN/m² is 100% of the limit: check a, b');
      assert.equal(parsed[5].message, 'Τάση σ > f_y 🏗️ "overstressed"');
      assert.ok(lines[5].includes('file=examples/σχέδιο β%2Cv2.struct,line=1,'));
      assert.ok(lines[3].includes('::Load "ψ" = 12 kN/m² is 100%25 of the limit: check a, b'));
    });

    it('escapes data and properties as the runner expects', () => {
      assert.equal(escapeData('50% a:b,c\r\nd'), '50%25 a:b,c%0D%0Ad');
      assert.equal(escapeProperty('50% a:b,c\r\nd'), '50%25 a%3Ab%2Cc%0D%0Ad');
      assert.equal(escapeData('%0A'), '%250A');
      assert.equal(unescape(escapeProperty('x%3A:,%%\n')), 'x%3A:,%%\n');
    });

    it('prints nothing when there is nothing to annotate', () => {
      assert.equal(formatReport(emptyReport([CLEAN]), 'github'), '');
    });
  });
});
