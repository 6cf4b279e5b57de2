// The incrementally updated model must equal a model built from scratch, after every edit.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { Workspace } from '../../language-server/src/language/workspace';
import type { Model, Decl } from '../../language-server/src/language/semantic/model';
import { mulberry32 as rng } from '../support/random';


const r = (x: { start: { line: number; character: number }; end: { line: number; character: number } }) => `${x.start.line}:${x.start.character}-${x.end.line}:${x.end.character}`;
const d = (x: Decl | undefined) => (x ? `${x.kind}:${x.name}@${r(x.range)}` : '-');

function snapshot(m: Model): unknown {
  const sorted = (xs: string[]) => [...xs].sort();
  return {
    diagnostics: sorted(m.diagnostics.map((x) => `${x.uri}|${r(x.range)}|${x.code}|${x.severity}|${x.message}|${(x.related ?? []).map((y) => r(y.range) + y.message).join(';')}|${JSON.stringify(x.data ?? null)}`)),
    refs: sorted(m.refs.map((x) => `${x.name}@${r(x.range)}→${d(x.target)}`)),
    decls: sorted(m.decls.map((x) => d(x))),
    converted: sorted(m.converted.map((x) => `${r(x.range)}=${x.si}${x.unit}`)),
    nodes: m.nodes.map((n) => `${d(n.decl)}:${n.xyz?.join(',')}`),
    members: m.members.map((x) => `${d(x.decl)}:${d(x.i)}:${d(x.j)}:${d(x.section)}:${x.roll}:${x.releaseI}:${x.releaseJ}:${x.truss}`),
    sections: m.sections.map((x) => `${d(x.decl)}:${d(x.material)}:${x.source}:${JSON.stringify(x.properties)}`),
    materials: m.materials.map((x) => JSON.stringify({ ...x, decl: d(x.decl) })),
    supports: m.supports.map((x) => `${d(x.node)}:${x.restrained}:${x.springs}`),
    groups: m.groups.map((x) => `${d(x.decl)}:${x.refs.map((y) => d(y.target))}`),
    loads: m.loadCases.map((x) => `${d(x.decl)}:${x.category}:${x.loads.map((l) => JSON.stringify({ ...l, statement: undefined, uri: undefined, node: 'node' in l ? d(l.node) : undefined, target: 'target' in l ? d(l.target) : undefined }))}`),
    combinations: m.combinations.map((x) => `${d(x.decl)}:${x.type}:${x.terms.map((t) => `${t.factor}*${d(t.ref.target)}`)}`),
    checks: m.checks.map((x) => `${x.kind}:${JSON.stringify(x.limit)}:${x.members.map((y) => d(y.target))}:${x.combinations.map((y) => d(y.target))}`),
  };
}

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');
const PIECES = ['x', '1', ' ', '=', 'kN', '0.5', 'N1', 'IPE300', 'Fz=-3', 'hinge=j', '#c', '"', '(', ')', ',', '-', '*', 'é', 'mm', 'B1', 'DEAD'];

describe('incremental model updates', () => {
  it('equal a fresh build after every one of many random one-line edits', function () {
    this.timeout(180000);
    const random = rng(7);
    let incremental = 0;
    let total = 0;
    for (const f of fs.readdirSync(EXAMPLES).filter((x) => x.endsWith('.struct'))) {
      const uri = `file://${path.join(EXAMPLES, f)}`;
      const ws = new Workspace({ root: EXAMPLES });
      let text = fs.readFileSync(path.join(EXAMPLES, f), 'utf8');
      ws.setDocument(uri, text, 1);
      ws.modelFor(uri);
      for (let i = 0; i < 120; i++) {
        // Edits within one line, as typing does.
        const lines = text.split('\n');
        const ln = Math.floor(random() * lines.length);
        const line = lines[ln];
        const a = Math.floor(random() * (line.length + 1));
        const b = Math.min(line.length, a + Math.floor(random() * 5));
        const insert = random() < 0.3 ? '' : PIECES[Math.floor(random() * PIECES.length)];
        lines[ln] = line.slice(0, a) + insert + line.slice(b);
        const next = lines.join('\n');
        const before = ws.modelFor(uri);
        ws.setDocument(uri, next, i + 2);
        const after = ws.modelFor(uri);
        if (after === before) incremental++;
        total++;
        const fresh = new Workspace({ root: EXAMPLES });
        fresh.setDocument(uri, next, 1);
        assert.deepEqual(snapshot(after), snapshot(fresh.modelFor(uri)), `${f} edit ${i}: line ${ln + 1} ${JSON.stringify(line)} → ${JSON.stringify(lines[ln])}`);
        text = next;
      }
    }
    // Random edits often rename declarations or break block lines (full rebuilds); still, a good
    // share must have taken the incremental path for this test to mean anything.
    assert.ok(incremental > total / 5, `${incremental} of ${total} edits were incremental`);
  });
});
