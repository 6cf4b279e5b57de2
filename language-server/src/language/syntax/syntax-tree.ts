// The syntax tree. Generic on purpose: a statement is a keyword, positional arguments and
// `key=value` options; what each slot means lives in one table (`schema.ts`), which validation,
// completion, hover and signature help all read.
import type { Range } from './range';
import type { Comment, Token } from './tokens';

export type Expr =
  | { kind: 'number'; range: Range; token: Token; value: number; unitText?: string; unitRange?: Range }
  | { kind: 'name'; range: Range; token: Token; name: string }
  | { kind: 'string'; range: Range; token: Token; value: string | undefined }
  | { kind: 'unary'; range: Range; op: '-' | '+'; operand: Expr }
  | { kind: 'binary'; range: Range; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr }
  | { kind: 'paren'; range: Range; expr: Expr }
  /** Something that could not be parsed; a diagnostic was reported for it. */
  | { kind: 'error'; range: Range };

/** An argument: one expression or a comma-separated list of them (`My,Mz`, `Fz=-2,-5`). */
export interface ArgValue {
  range: Range;
  items: Expr[];
  tokens: Token[];
  /** Written after an option (already reported): fills a missing slot, is not reported again. */
  misplaced?: boolean;
}

export interface OptionArg {
  key: Token;
  value: ArgValue | undefined;
  range: Range;
}

export interface Statement {
  keyword: Token;
  /** Every token of the statement, keyword first, in order. */
  tokens: Token[];
  /** Positional arguments, in order. */
  args: ArgValue[];
  options: OptionArg[];
  range: Range;
  comments: Comment[];
  /** `load … end`: the statements inside and the closing `end` (absent when missing). */
  body?: Statement[];
  end?: Statement;
  /** `let NAME = EXPR` and `combination NAME EXPR`: the expression after the name. */
  expression?: Expr;
  /** Physical lines this statement spans (more than one with `\` continuations). */
  firstLine: number;
  lastLine: number;
}

export interface SyntaxError {
  range: Range;
  message: string;
  code: string;
}

export interface SyntaxTree {
  statements: Statement[];
  /** Comments on lines without a statement, for the formatter. */
  comments: Comment[];
  errors: SyntaxError[];
  lineCount: number;
}
