// The input of the output formats of `struktur check`: what the CLI collected from the
// language server's `textDocument/publishDiagnostics`, per file, plus the tool and rule
// metadata that SARIF needs. Positions are LSP positions (0-based, UTF-16 code units).

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface RelatedLocation {
  /** Relative to the working directory, forward slashes, like `CheckedFile.path`. */
  path: string;
  range: Range;
  message: string;
}

export interface CheckDiagnostic {
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  related?: RelatedLocation[];
}

export interface CheckedFile {
  /** Relative to the working directory, forward slashes. */
  path: string;
  diagnostics: CheckDiagnostic[];
  /** The file's source lines; when present the text format prints an excerpt under each diagnostic. */
  lines?: string[];
}

export interface RuleInfo {
  code: string;
  title: string;
  helpUri?: string;
}

export interface ToolInfo {
  name: 'struktur';
  version: string;
  informationUri?: string;
}

export interface CheckReport {
  files: CheckedFile[];
  tool: ToolInfo;
  /** Every diagnostic code with a one-line title. */
  rules: RuleInfo[];
}

export type Format = 'text' | 'json' | 'sarif' | 'junit' | 'github';

export interface FormatOptions {
  /** ANSI colours in the text format; the other formats ignore it. */
  color?: boolean;
  /**
   * Absolute path of the directory the file paths are relative to (normally the CLI's cwd).
   * SARIF only: it becomes the uri of `%SRCROOT%` in `originalUriBaseIds`. Left out by
   * default so that the log is the same on every machine (SARIF §3.14.14 allows that).
   */
  srcRoot?: string;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  /** Diagnostics of severity `info` and `hint` together. */
  infos: number;
}
