// `struktur check --format sarif`: one SARIF 2.1.0 run, for GitHub code scanning and other
// SARIF viewers. File paths stay relative, under the base id %SRCROOT%, so the log does not
// depend on the machine; columns are UTF-16 code units (`columnKind`), exactly the LSP ones
// plus one, so no source text is needed to convert them.
import { pathToFileURL } from 'node:url';
import { orderedFiles } from './summary';
import type { CheckReport, FormatOptions, Range, Severity } from './types';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface PhysicalLocation {
  artifactLocation: ArtifactLocation;
  region: Region;
}

/**
 * A path as a URI reference: each segment percent-encoded (spaces, `#`, `%`, `?`, `:` and
 * non-ASCII letters cannot stand in a URI as they are). A relative path hangs off %SRCROOT%;
 * an absolute one (a file outside the working directory's drive) becomes a file URI.
 */
export function artifactLocation(path: string): ArtifactLocation {
  const drive = /^[A-Za-z]:\//.exec(path);
  if (drive) return { uri: `file:///${drive[0]}${encodePath(path.slice(3))}` };
  if (path.startsWith('/')) return { uri: `file://${encodePath(path)}` };
  return { uri: encodePath(path), uriBaseId: SRCROOT };
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function region(r: Range): Region {
  const { start } = r;
  // An end before the start would be rejected by viewers; treat it as an empty region.
  const end = r.end.line < start.line || (r.end.line === start.line && r.end.character < start.character) ? start : r.end;
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

function srcRootUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

export function sarifLog(report: CheckReport, options: FormatOptions = {}): object {
  const files = orderedFiles(report);

  // Rules: the report's, in its order, then any code a diagnostic uses that the report did
  // not describe (so every result's ruleIndex points at a rule).
  const rules: { id: string; shortDescription?: { text: string }; helpUri?: string }[] = [];
  const ruleIndex = new Map<string, number>();
  for (const rule of report.rules) {
    if (ruleIndex.has(rule.code)) continue;
    ruleIndex.set(rule.code, rules.length);
    rules.push({ id: rule.code, shortDescription: { text: rule.title }, ...(rule.helpUri ? { helpUri: rule.helpUri } : {}) });
  }
  for (const file of files) {
    for (const d of file.diagnostics) {
      if (!ruleIndex.has(d.code)) {
        ruleIndex.set(d.code, rules.length);
        rules.push({ id: d.code });
      }
    }
  }

  // Artifacts: every checked file, then files that only related locations name.
  const artifacts: { location: ArtifactLocation; roles?: string[] }[] = [];
  const artifactIndex = new Map<string, number>();
  const addArtifact = (path: string, checked: boolean): void => {
    if (artifactIndex.has(path)) return;
    artifactIndex.set(path, artifacts.length);
    artifacts.push({ location: artifactLocation(path), ...(checked ? { roles: ['analysisTarget'] } : {}) });
  };
  for (const file of files) addArtifact(file.path, true);
  for (const file of files) for (const d of file.diagnostics) for (const r of d.related ?? []) addArtifact(r.path, false);

  const physicalLocation = (path: string, r: Range): PhysicalLocation => ({
    artifactLocation: { ...artifactLocation(path), index: artifactIndex.get(path) },
    region: region(r),
  });

  const results = files.flatMap((file) =>
    file.diagnostics.map((d) => ({
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [{ physicalLocation: physicalLocation(file.path, d.range) }],
      ...(d.related && d.related.length > 0
        ? {
            relatedLocations: d.related.map((r, id) => ({
              id,
              physicalLocation: physicalLocation(r.path, r.range),
              message: { text: r.message },
            })),
          }
        : {}),
    })),
  );

  const { tool } = report;
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
            rules,
          },
        },
        originalUriBaseIds: {
          [SRCROOT]: {
            ...(options.srcRoot ? { uri: srcRootUri(options.srcRoot) } : {}),
            description: { text: 'The directory `struktur check` ran in; file paths are relative to it.' },
          },
        },
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

export function formatSarif(report: CheckReport, options: FormatOptions = {}): string {
  return `${JSON.stringify(sarifLog(report, options), null, 2)}\n`;
}
