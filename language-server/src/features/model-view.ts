// `struktur/modelView`: the model as the panels draw it. Built from the semantic model, so it is
// there for a model with errors too (the 3D view keeps drawing what could be built); every
// declaration carries its location so a click in a panel can reveal it in the editor.
import type { Decl, LoadEntry, MemberEntity, Model, Position, SectionEntity, SupportEntity } from '../language/semantic/model';
import type { Statement } from '../language/syntax/syntax-tree';
import { findSection } from '../language/catalog';
import { expandMembers } from '../language/semantic/validate-model';
import { flatten } from '../analysis/from-model';
import { memberGeometry } from '../analysis/local-axes';
import type { LoadView, MemberView, ModelView, NodeView, SectionView, SourceLocation, SupportView, XYZ } from '../shared/model-view';

export function buildModelView(model: Model): ModelView {
  const errors = model.diagnostics.filter((d) => d.severity === 'error').length;
  const nodeIndex = new Map<Decl, number>();
  const nodes: NodeView[] = [];
  for (const n of model.nodes) {
    if (!n.xyz) continue;
    nodeIndex.set(n.decl, nodes.length);
    nodes.push({ name: n.decl.name, xyz: [...n.xyz] as XYZ, at: at(n.decl) });
  }

  const sectionIndex = new Map<Decl, number>();
  const sections: SectionView[] = model.sections.map((s, k) => {
    sectionIndex.set(s.decl, k);
    return sectionView(s);
  });

  const memberIndex = new Map<Decl, number>();
  const members: MemberView[] = [];
  for (const m of model.members) {
    const v = memberView(m, nodes, nodeIndex, sectionIndex);
    if (!v) continue;
    memberIndex.set(m.decl, members.length);
    members.push(v);
  }

  const supports: SupportView[] = [];
  for (const s of model.supports) {
    const node = s.node ? nodeIndex.get(s.node) : undefined;
    if (node === undefined) continue;
    supports.push({ node, restrained: [...s.restrained], springs: [...s.springs], kind: supportKind(s), at: statementAt(s.uri, s.statement) });
  }

  const loadCases = model.loadCases.map((lc) => ({
    name: lc.decl.name,
    category: lc.category,
    loads: lc.loads.flatMap((l) => loadViews(model, l, nodeIndex, memberIndex, members)),
    at: at(lc.decl),
  }));

  const combinations = model.combinations.map((c) => ({
    name: c.decl.name,
    type: c.type,
    terms: flatten(model, c).map((t) => ({ case: t.loadCase, factor: t.factor })),
    at: at(c.decl),
  }));

  const root = model.files[0];
  return {
    format: 'struktur-model-view/1',
    uri: model.rootUri,
    files: model.files.map((f) => f.uri),
    title: model.title ?? model.rootUri.split('/').pop() ?? model.rootUri,
    valid: errors === 0,
    errors,
    units: { force: root?.units.force.text ?? 'kN', length: root?.units.length.text ?? 'm' },
    nodes, sections, members, supports, loadCases, combinations,
  };
}

function at(d: Decl): SourceLocation {
  return { uri: d.uri, range: d.range };
}

/** A statement without a name of its own (a support) is located by its first argument. */
function statementAt(uri: string, s: Statement): SourceLocation {
  return { uri, range: s.args[0]?.range ?? s.keyword.range };
}

function sectionView(s: SectionEntity): SectionView {
  const v: SectionView = { name: s.decl.name, at: at(s.decl) };
  if (s.catalogName) {
    const cs = findSection(s.catalogName);
    if (cs) {
      v.shape = cs.shape;
      v.dimensions = { ...cs.dimensions };
    }
    v.catalog = s.catalogName;
  } else if (s.shape && s.dimensions) {
    v.shape = s.shape as SectionView['shape'];
    v.dimensions = { ...s.dimensions };
  }
  if (s.properties) {
    v.A = s.properties.A;
    v.Iy = s.properties.Iy;
    v.Iz = s.properties.Iz;
  }
  if (s.material) v.material = s.material.name;
  return v;
}

function memberView(m: MemberEntity, nodes: NodeView[], nodeIndex: Map<Decl, number>, sectionIndex: Map<Decl, number>): MemberView | undefined {
  const i = m.i ? nodeIndex.get(m.i) : undefined;
  const j = m.j ? nodeIndex.get(m.j) : undefined;
  if (i === undefined || j === undefined) return undefined;
  const g = memberGeometry(nodes[i].xyz, nodes[j].xyz, m.roll);
  return {
    name: m.decl.name,
    i, j,
    section: m.section ? sectionIndex.get(m.section) : undefined,
    length: g.length,
    axes: { x: g.ex, y: g.ey, z: g.ez },
    roll: m.roll,
    truss: m.truss,
    releaseI: [...m.releaseI],
    releaseJ: [...m.releaseJ],
    at: at(m.decl),
  };
}

function supportKind(s: SupportEntity): SupportView['kind'] {
  if (s.springs.some((k) => k > 0)) return 'spring';
  const r = s.restrained;
  if (r.every(Boolean)) return 'fixed';
  if (r[0] && r[1] && r[2] && !r[3] && !r[4] && !r[5]) return 'pinned';
  if (r[2] && !r[3] && !r[4] && !r[5] && !(r[0] && r[1])) return 'roller';
  return 'custom';
}

function positionOn(p: Position | undefined, length: number, fallback: number): number {
  if (!p) return fallback;
  return 'distance' in p ? p.distance : p.fraction * length;
}

function loadViews(model: Model, l: LoadEntry, nodeIndex: Map<Decl, number>, memberIndex: Map<Decl, number>, members: MemberView[]): LoadView[] {
  switch (l.kind) {
    case 'selfweight':
      return [{ kind: 'selfweight', factor: l.factor }];
    case 'nodal': {
      const node = l.node ? nodeIndex.get(l.node) : undefined;
      return node === undefined ? [] : [{ kind: 'nodal', node, values: [...l.values] }];
    }
    case 'displacement': {
      const node = l.node ? nodeIndex.get(l.node) : undefined;
      return node === undefined ? [] : [{ kind: 'displacement', node, values: [...l.values] }];
    }
    default: {
      const out: LoadView[] = [];
      for (const m of expandMembers(model, [l.target])) {
        const member = memberIndex.get(m.decl);
        if (member === undefined) continue;
        const L = members[member].length;
        if (l.kind === 'point') {
          if (l.at) out.push({ kind: 'point', member, local: l.local, at: positionOn(l.at, L, 0), values: [...l.values] });
        } else {
          const start = l.kind === 'uniform' ? l.values : l.start;
          const end = l.kind === 'uniform' ? l.values : l.end;
          out.push({ kind: 'distributed', member, local: l.local, from: positionOn(l.from, L, 0), to: positionOn(l.to, L, L), start: [...start], end: [...end] });
        }
      }
      return out;
    }
  }
}
