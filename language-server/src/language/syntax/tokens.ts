// Tokens of a .struct file. A token never spans lines; `line`/`col`/`endCol` are LSP positions.

export type TokenKind =
  | 'ident'
  | 'number'
  | 'string'
  | 'equals'
  | 'comma'
  | 'plus'
  | 'minus'
  | 'star'
  | 'slash'
  | 'lparen'
  | 'rparen'
  | 'invalid';

export interface Token {
  kind: TokenKind;
  text: string;
  line: number;
  col: number;
  endCol: number;
  /** Whitespace (or a line continuation) separates this token from the previous one. */
  spaceBefore: boolean;
  /** number: the numeric part's length in `text`; the rest is the unit suffix. */
  numberLength?: number;
  /** string: the unescaped value; absent when the string is unterminated. */
  value?: string;
  /** The token's range, made once on first use and shared by every node that spans only this token. */
  range?: import('./range').Range;
}

export interface Comment {
  line: number;
  col: number;
  endCol: number;
  text: string;
}

/** One statement: the tokens of a line, joined over `\` continuations. */
export interface LogicalLine {
  tokens: Token[];
  /** First and last physical line. */
  firstLine: number;
  lastLine: number;
  comments: Comment[];
  /** Problems the lexer met on this line (bad characters, unterminated strings). */
  errors: LexError[];
}

export interface LexError {
  line: number;
  col: number;
  endCol: number;
  message: string;
}
