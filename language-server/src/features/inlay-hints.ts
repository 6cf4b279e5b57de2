// Inlay hints: a member's length after its positional arguments (`L=6 m`, in the file's length
// unit), its largest design-check ratio once analysed (`η=0.73`), and the unit a value written without one was read in (`-6` → `kN/m`). Each kind has
// its setting; only hints inside the requested range are returned.
import type { InlayHint, InlayHintParams } from 'vscode-languageserver';
import type { Model } from '../language/semantic/model';
import { memberLength } from '../language/semantic/validate-model';
import type { Position, Range } from '../language/syntax/range';
import { DEFAULT_UNITS, formatNumber } from '../language/units/unit-expression';
import type { FeatureContext, StrukturSettings } from './context';
import type { ResultsDocument } from '../analysis/results';
import { utilisationByMember } from './results-summary';

export function inlayHints(ctx: FeatureContext, p: InlayHintParams, settings: StrukturSettings): InlayHint[] {
  const uri = p.textDocument.uri;
  const h = settings.inlayHints;
  if (!h.memberLength && !h.convertedValues && !h.utilisation) return [];
  if (!ctx.workspace.get(uri)) return [];
  const results = h.utilisation ? ctx.results?.(uri) : undefined;
  return computeInlayHints(ctx.workspace.modelFor(uri), uri, p.range, settings, results);
}

export function computeInlayHints(model: Model, uri: string, range: Range, settings: StrukturSettings, results?: ResultsDocument): InlayHint[] {
  const hints: InlayHint[] = [];
  const inRange = (pos: Position) => compare(range.start, pos) <= 0 && compare(pos, range.end) <= 0;

  if (settings.inlayHints.memberLength) {
    const length = (model.files.find((f) => f.uri === uri)?.units ?? DEFAULT_UNITS).length;
    for (const m of model.members) {
      if (m.decl.uri !== uri) continue;
      const args = m.decl.statement.args;
      const at = args[args.length - 1]?.range.end;
      if (!at || !inRange(at)) continue;
      const L = memberLength(model, m);
      if (L === undefined) continue;
      hints.push({
        position: at,
        label: `L=${formatNumber(L / length.factor)} ${length.text}`,
        paddingLeft: true,
        tooltip: `Length of member ${m.decl.name}`,
      });
    }
  }

  if (settings.inlayHints.utilisation && results) {
    // The member's largest check ratio, after its declaration (after the length hint).
    const util = utilisationByMember(results);
    for (const m of model.members) {
      if (m.decl.uri !== uri) continue;
      const u = util.get(m.decl.name);
      const args = m.decl.statement.args;
      const at = args[args.length - 1]?.range.end;
      if (!u || !at || !inRange(at)) continue;
      hints.push({ position: at, label: `${u.ok ? '' : '✗ '}η=${u.ratio.toFixed(2)}`, paddingLeft: true, tooltip: `Largest design-check ratio of member ${m.decl.name}` });
    }
  }

  if (settings.inlayHints.convertedValues) {
    const seen = new Set<string>();
    for (const c of model.converted) {
      if (c.uri !== uri || !inRange(c.range.end)) continue;
      const key = `${c.range.end.line}:${c.range.end.character}`;
      if (seen.has(key)) continue;
      seen.add(key);
      hints.push({ position: c.range.end, label: c.unit, tooltip: `Read in ${c.unit} (the file's units)` });
    }
  }

  hints.sort((a, b) => compare(a.position, b.position));
  return hints;
}

function compare(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}
