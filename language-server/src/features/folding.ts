// Folding ranges: `load … end` blocks (the `end` line stays visible, as with `{ … }`), runs of
// two or more comment-only lines, and statements continued over several lines with `\`.
import { FoldingRangeKind, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver';
import type { LineIndex } from '../language/syntax/range';
import type { Statement, SyntaxTree } from '../language/syntax/syntax-tree';
import type { FeatureContext } from './context';

export function foldingRanges(ctx: FeatureContext, p: FoldingRangeParams): FoldingRange[] {
  const doc = ctx.workspace.get(p.textDocument.uri);
  if (!doc) return [];
  return computeFoldingRanges(doc.tree, doc.lines);
}

export function computeFoldingRanges(tree: SyntaxTree, lines: LineIndex): FoldingRange[] {
  const out: FoldingRange[] = [];
  const continued = (s: Statement) => {
    if (s.lastLine > s.firstLine) out.push({ startLine: s.firstLine, endLine: s.lastLine });
  };
  for (const s of tree.statements) {
    if (s.body) {
      const last = s.end ? s.end.firstLine - 1 : s.body.length ? s.body[s.body.length - 1].lastLine : s.lastLine;
      if (last > s.firstLine) out.push({ startLine: s.firstLine, endLine: last, kind: FoldingRangeKind.Region });
    }
    continued(s);
    if (s.body) for (const inner of s.body) continued(inner);
    if (s.end) continued(s.end);
  }

  // Comment-only lines: the comment is the first thing on its line (loose comments can also sit
  // on a line whose tokens did not make a statement).
  let runStart = -1;
  let runEnd = -1;
  const closeRun = () => {
    if (runStart >= 0 && runEnd > runStart) out.push({ startLine: runStart, endLine: runEnd, kind: FoldingRangeKind.Comment });
  };
  for (const c of tree.comments) {
    if (lines.lineText(c.line).slice(0, c.col).trim() !== '') continue;
    if (runStart >= 0 && c.line === runEnd + 1) {
      runEnd = c.line;
      continue;
    }
    closeRun();
    runStart = runEnd = c.line;
  }
  closeRun();

  out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return out;
}
