// A report that exercises every format: several files (given out of order), related
// locations into another file, Greek letters, a non-BMP emoji before a diagnostic's column,
// quotes, XML-special characters, workflow-command separators, control characters (BEL, an
// ESC sequence), a lone surrogate, a multi-line message and a range over two lines.
import type { CheckReport } from '../../language-server/src/cli/formats';

export const PORTAL = 'examples/portal.struct';
export const GREEK = 'examples/σχέδιο β,v2.struct';
export const CLEAN = 'examples/clean.struct';
export const SHARED = 'lib/shared nodes.struct';

export const portalLines = [
  'model "Two-bay <portal> & frame"',
  'node N1 0 0 0',
  'node N1 6 0 0',
  'member B1 N1 N2 IPE30',
  '\tload ψ = 12 kN/m² on B1',
  'member 🚧B2 N1 N2 HEA200',
];

export function fixtureReport(): CheckReport {
  return {
    tool: { name: 'struktur', version: '0.1.0', informationUri: 'https://example.invalid/struktur' },
    rules: [
      { code: 'S1101', title: 'Duplicate name' },
      { code: 'S1203', title: 'Unknown section', helpUri: 'https://example.invalid/struktur/rules/S1203' },
      { code: 'S1301', title: 'Unstable structure' },
      { code: 'S2004', title: 'Load near its limit' },
      { code: 'S3001', title: 'Model title style' },
      // S3002 is left out on purpose: a code without a rule must still work.
    ],
    files: [
      {
        path: PORTAL,
        lines: portalLines,
        diagnostics: [
          {
            // Column after the emoji: "🚧" is two UTF-16 code units (characters 7 and 8).
            range: { start: { line: 5, character: 9 }, end: { line: 5, character: 11 } },
            severity: 'hint',
            code: 'S3002',
            message: 'Name "B2" follows an emoji 🚧; prefer ASCII names',
          },
          {
            range: { start: { line: 3, character: 16 }, end: { line: 3, character: 21 } },
            severity: 'error',
            code: 'S1203',
            message: 'Unknown section "IPE30". Did you mean "IPE300"?',
          },
          {
            range: { start: { line: 2, character: 5 }, end: { line: 2, character: 7 } },
            severity: 'error',
            code: 'S1101',
            message: 'Duplicate node "N1"',
            related: [
              { path: PORTAL, range: { start: { line: 1, character: 5 }, end: { line: 1, character: 7 } }, message: 'first declared here' },
              { path: SHARED, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, message: "also in <shared> & 'common'" },
            ],
          },
          {
            range: { start: { line: 4, character: 6 }, end: { line: 4, character: 7 } },
            severity: 'warning',
            code: 'S2004',
            message: 'Load "ψ" = 12 kN/m² is 100% of the limit: check a, b',
          },
          {
            range: { start: { line: 0, character: 6 }, end: { line: 0, character: 32 } },
            severity: 'info',
            code: 'S3001',
            message: 'Title has <, > & "quotes"\u0007\nsecond line ]]>',
          },
        ],
      },
      { path: CLEAN, diagnostics: [], lines: ['model "Clean"'] },
      {
        path: GREEK,
        diagnostics: [
          {
            range: { start: { line: 1, character: 8 }, end: { line: 2, character: 0 } },
            severity: 'error',
            code: 'S1301',
            message: 'Unstable structure: mechanism at node Ω\u001b[2J (check \uD800supports)',
          },
          {
            range: { start: { line: 0, character: 5 }, end: { line: 0, character: 6 } },
            severity: 'warning',
            code: 'S2004',
            message: 'Τάση σ > f_y 🏗️ "overstressed"',
          },
        ],
      },
    ],
  };
}
