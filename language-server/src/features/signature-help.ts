// Signature help: the schema's signature of the statement on the cursor line
// (`member name i j section [roll=…] …`), with the slot or option the cursor is in active.
import { MarkupKind, type ParameterInformation, type SignatureHelp, type SignatureHelpParams } from 'vscode-languageserver';
import { signatureLabel, type StatementSpec } from '../language/schema';
import type { UnitSystem } from '../language/units/unit-expression';
import { DEFAULT_UNITS } from '../language/units/unit-expression';
import type { FeatureContext } from './context';
import { cursorContext, lineTokens, type CursorContext } from './cursor-context';
import { fileUnits } from './describe';
import { valueKind } from './hover';

export const SIGNATURE_TRIGGERS = [' ', '='];

/** What one part of the signature label stands for. */
type Param = { kind: 'arg'; name: string } | { kind: 'option'; key: string } | { kind: 'local' } | { kind: 'equals' } | { kind: 'value' } | { kind: 'expression' } | { kind: 'meta' };

export function signatureHelp(ctx: FeatureContext, p: SignatureHelpParams): SignatureHelp | null {
  const uri = p.textDocument.uri;
  const doc = ctx.workspace.get(uri);
  if (!doc) return null;
  const line = p.position.line;
  if (line < 0 || line >= doc.lines.lineCount) return null;
  const pos = { line, character: Math.min(Math.max(0, p.position.character), doc.lines.lineText(line).length) };
  const lt = lineTokens(ctx, doc, uri, line);
  if (lt.comments.some((c) => c.line === line && c.col < pos.character)) return null;
  const cc = cursorContext(lt.tokens, pos);
  if (!cc?.spec || cc.place.kind === 'keyword') return null;
  let units: UnitSystem = DEFAULT_UNITS;
  try {
    units = fileUnits(ctx.workspace.modelFor(uri), uri);
  } catch {
    // the signature does not need the model; only the unit notes do
  }
  const spec = cc.spec;
  const label = signatureLabel(spec);
  const { params, infos } = parameters(spec, label, units);
  const active = activeParameter(cc, spec, params);
  return {
    signatures: [{
      label,
      documentation: { kind: MarkupKind.Markdown, value: spec.summary },
      parameters: infos,
      activeParameter: active,
    }],
    activeSignature: 0,
    activeParameter: active,
  };
}

function parameters(spec: StatementSpec, label: string, units: UnitSystem): { params: Param[]; infos: ParameterInformation[] } {
  const params: Param[] = [];
  const infos: ParameterInformation[] = [];
  const parts = label.split(' ');
  let offset = parts[0].length + 1;
  for (const part of parts.slice(1)) {
    const range: [number, number] = [offset, offset + part.length];
    offset += part.length + 1;
    let param: Param;
    let doc: string;
    const opt = /^\[(\w+)=…\]$/.exec(part);
    if (opt) {
      const o = spec.options.find((x) => x.key === opt[1])!;
      param = { kind: 'option', key: o.key };
      doc = `${o.doc}\n\nValue: ${valueKind(o.value, units, o.key)}`;
    } else if (part === '[local]') {
      param = { kind: 'local' };
      doc = 'Optional: the components are in the member\'s local axes (Fx along the member).';
    } else if (spec.keyword === 'let' && part === '=') {
      param = { kind: 'equals' };
      doc = '=';
    } else if (spec.keyword === 'let' && part === 'value') {
      param = { kind: 'value' };
      doc = 'A number with a unit or an expression: `6m`, `2*bay`, `(h + 0.5m)`.';
    } else if (spec.keyword === 'combination' && part === 'expression') {
      param = { kind: 'expression' };
      doc = 'Terms `[FACTOR*]CASE` joined by `+` or `-`, naming load cases or combinations: `1.35*DEAD + 1.5*LIVE`.';
    } else if (spec.freeOptions && part.includes('=')) {
      param = { kind: 'meta' };
      doc = 'Any key with a value in double quotes: engineer="…" project="…" code="…".';
    } else {
      const name = part.replace(/^\[/, '').replace(/\]?…?$/, '').replace(/\]$/, '');
      const a = spec.args.find((x) => x.name === name);
      param = { kind: 'arg', name };
      doc = a ? `${a.doc}${a.optional ? ' (optional)' : ''}\n\nValue: ${valueKind(a.value, units)}` : name;
    }
    params.push(param);
    infos.push({ label: range, documentation: { kind: MarkupKind.Markdown, value: doc } });
  }
  return { params, infos };
}

function activeParameter(cc: CursorContext, spec: StatementSpec, params: Param[]): number {
  const find = (pred: (p: Param) => boolean) => params.findIndex(pred);
  const place = cc.place;
  switch (place.kind) {
    case 'let-equals':
      return find((p) => p.kind === 'equals');
    case 'expression':
      return find((p) => p.kind === (spec.keyword === 'let' ? 'value' : 'expression'));
    case 'option': {
      if (spec.freeOptions) return find((p) => p.kind === 'meta');
      const i = find((p) => p.kind === 'option' && p.key === place.key);
      return i >= 0 ? i : params.length;
    }
    case 'arg': {
      if (spec.freeOptions) return find((p) => p.kind === 'meta');
      if (place.local && (cc.word.length === 0 || 'local'.startsWith(cc.prefix))) return find((p) => p.kind === 'local');
      if (place.slot && !place.afterOption) {
        const name = place.slot.name;
        return find((p) => p.kind === 'arg' && p.name === name);
      }
      // Past the positional slots: the option being typed, or the first one not given yet.
      const typed = cc.word.length === 1 && cc.word[0].kind === 'ident' ? cc.prefix : '';
      const options = params.filter((p): p is Extract<Param, { kind: 'option' }> => p.kind === 'option');
      const next = (typed ? options.find((o) => o.key.startsWith(typed)) : undefined) ?? options.find((o) => !cc.usedOptions.includes(o.key));
      return next ? params.indexOf(next) : params.length;
    }
    default:
      return params.length;
  }
}
