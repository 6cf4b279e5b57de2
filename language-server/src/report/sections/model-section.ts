// Section "Structural model": statistics, drawings of the geometry and the input tables.
import type { MaterialEntity, SectionEntity } from '../../language/semantic/model';
import type { ReportContext } from '../context';
import { figure } from '../figures/figure';
import { drawFrame } from '../figures/frame-figure';
import { figureHeight, VIEW_TITLES, viewsFor } from '../figures/projection';
import { table } from '../layout/table';

const G = 9.80665;
const DOF = ['x', 'y', 'z', 'rx', 'ry', 'rz'];
const RELEASES = ['N', 'Vy', 'Vz', 'T', 'My', 'Mz'];

export function unitWeight(mat: MaterialEntity | undefined): number | undefined {
  return mat?.weight ?? (mat?.density !== undefined ? mat.density * G : undefined);
}

function sectionSource(s: SectionEntity, ctx: ReportContext): string {
  if (s.source === 'catalog') return `catalogue ${s.catalogName ?? ''}`.trim();
  if (s.source === 'shape') {
    const d = s.dimensions ?? {};
    const mm = (v: number | undefined) => (v === undefined ? undefined : `${+(v * 1000).toFixed(1)}`);
    const parts = Object.entries(d).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${mm(v)}`);
    return `${s.shape ?? 'shape'} ${parts.join(' ')} mm`;
  }
  void ctx;
  return s.source === 'explicit' ? 'explicit properties' : '—';
}

export function modelSection(ctx: ReportContext): void {
  const { flow, model, rm, fmt, results } = ctx;
  flow.heading(1, 'Structural model');
  flow.heading(2, 'Summary');
  const frames = rm.members.filter((m) => !m.truss).length;
  const totalLength = rm.members.reduce((s, m) => s + m.length, 0);
  let weight = 0;
  for (const m of rm.members) {
    const g = unitWeight(m.material);
    const A = m.sectionEntity?.properties?.A;
    if (g !== undefined && A) weight += g * A * m.length;
  }
  const stats: [string, string][] = [
    ['Nodes', String(rm.nodes.size)],
    ['Members', `${rm.members.length} (${frames} frame, ${rm.members.length - frames} truss)`],
    ['Total member length', fmt.q('length', totalLength)],
    ['Self-weight of the members', fmt.q('force', weight)],
    ['Supports', String(rm.supports.length)],
    ['Materials / sections', `${model.materials.length} / ${model.sections.length}`],
    ['Groups', String(model.groups.length)],
    ['Load cases / combinations', `${model.loadCases.length} / ${model.combinations.length}`],
    ['Design checks', model.checks.map((c) => c.kind).join(', ') || 'none'],
    ['Free degrees of freedom', String(results.dofs)],
  ];
  table(flow, {
    title: 'Model statistics',
    columns: [{ header: 'Item' }, { header: 'Value', wrap: true }],
    rows: stats.map(([a, b]) => ({ cells: [a, b] })),
  });

  flow.heading(2, 'Geometry');
  const views = viewsFor(rm.points);
  flow.paragraph(views.length === 1
    ? `The model lies in one plane and is shown in its ${VIEW_TITLES[views[0]]}. Supports: hatched base fixed, triangle pinned (with a line: restrained in some directions only), square: rotations restrained, zigzag: spring. Circles at member ends are hinges.`
    : 'The model is shown in an isometric view and in plan and elevations. Supports: hatched base fixed, triangle pinned (with a line: restrained in some directions only), square: rotations restrained, zigzag: spring. Circles at member ends are hinges.');
  for (const view of views) {
    const maxH = view === 'iso' || views.length === 1 ? 360 : 250;
    const h = figureHeight(view, rm.points, flow.width, 30, 150, maxH);
    figure(flow, `Geometry — ${VIEW_TITLES[view]}, node and member names`, h, (box) => {
      drawFrame(flow, rm, view, box, { margin: 30 });
    });
  }

  flow.heading(2, 'Materials');
  table(flow, {
    title: 'Materials',
    columns: [
      { header: 'Name' }, { header: 'Grade' }, { header: 'E', unit: fmt.unit('modulus'), align: 'right' }, { header: 'G', unit: fmt.unit('modulus'), align: 'right' },
      { header: 'ν', align: 'right' }, { header: 'γ', unit: fmt.unit('unitWeight'), align: 'right' }, { header: 'fy', unit: fmt.unit('stress'), align: 'right' },
    ],
    rows: model.materials.map((m) => {
      const g = unitWeight(m);
      return {
        cells: [
          m.decl.name, m.grade ?? '—', m.E !== undefined ? fmt.num('modulus', m.E) : '—',
          m.E !== undefined ? fmt.num('modulus', m.G ?? m.E / (2 * (1 + m.nu))) : '—', m.nu.toFixed(2),
          g !== undefined ? fmt.num('unitWeight', g) : '—', m.fy !== undefined ? fmt.num('stress', m.fy) : '—',
        ],
      };
    }),
    note: 'G is the given shear modulus or E/(2(1+ν)); γ the unit weight (weight=, or density × g).',
  });

  flow.heading(2, 'Sections');
  const p = (s: SectionEntity, k: 'A' | 'Iy' | 'Iz' | 'J' | 'Wy' | 'Wz', kind: 'area' | 'inertia' | 'sectionModulus') =>
    s.properties && s.properties[k] !== undefined && s.properties[k] !== 0 ? fmt.num(kind, s.properties[k]) : '—';
  table(flow, {
    title: 'Sections and their properties',
    columns: [
      { header: 'Name' }, { header: 'Material' }, { header: 'Source', wrap: true },
      { header: 'A', unit: fmt.unit('area'), align: 'right' }, { header: 'Iy', unit: fmt.unit('inertia'), align: 'right' },
      { header: 'Iz', unit: fmt.unit('inertia'), align: 'right' }, { header: 'J', unit: fmt.unit('inertia'), align: 'right' },
      { header: 'Wy', unit: fmt.unit('sectionModulus'), align: 'right' }, { header: 'Wz', unit: fmt.unit('sectionModulus'), align: 'right' },
    ],
    rows: model.sections.map((s) => ({
      cells: [s.decl.name, s.material?.name ?? '—', sectionSource(s, ctx), p(s, 'A', 'area'), p(s, 'Iy', 'inertia'), p(s, 'Iz', 'inertia'), p(s, 'J', 'inertia'), p(s, 'Wy', 'sectionModulus'), p(s, 'Wz', 'sectionModulus')],
    })),
  });

  flow.heading(2, 'Nodes');
  table(flow, {
    title: 'Node coordinates',
    columns: [{ header: 'Node' }, { header: 'X', unit: fmt.unit('length'), align: 'right' }, { header: 'Y', unit: fmt.unit('length'), align: 'right' }, { header: 'Z', unit: fmt.unit('length'), align: 'right' }, { header: 'Support' }],
    rows: [...rm.nodes].map(([name, xyz]) => ({
      cells: [name, fmt.num('length', xyz[0]), fmt.num('length', xyz[1]), fmt.num('length', xyz[2]), rm.supports.some((s) => s.node === name) ? 'yes' : ''],
    })),
  });

  flow.heading(2, 'Members');
  const rel = (f: readonly boolean[]) => {
    const r = RELEASES.filter((_, k) => f[k]);
    if (r.length === 2 && f[4] && f[5]) return 'hinge';
    return r.join(' ') || '—';
  };
  table(flow, {
    title: 'Members',
    columns: [
      { header: 'Member' }, { header: 'Node i' }, { header: 'Node j' }, { header: 'Section' }, { header: 'Type' },
      { header: 'L', unit: fmt.unit('length'), align: 'right' }, { header: 'Roll', unit: '°', align: 'right' },
      { header: 'Releases i', wrap: true }, { header: 'Releases j', wrap: true },
    ],
    rows: rm.members.map((m) => ({
      cells: [m.name, m.i, m.j, m.section ?? '—', m.truss ? 'truss' : 'frame', fmt.num('length', m.length), fmt.num('angle', m.roll), m.truss ? '—' : rel(m.releaseI), m.truss ? '—' : rel(m.releaseJ)],
    })),
    note: 'hinge: My and Mz released. A truss member carries axial force only.',
  });

  flow.heading(2, 'Supports and springs');
  table(flow, {
    title: 'Supports: restrained degrees of freedom and springs',
    columns: [
      { header: 'Node' }, ...DOF.map((d) => ({ header: d, align: 'center' as const })),
      { header: 'Springs', wrap: true },
    ],
    rows: rm.supports.map((s) => {
      const springs = s.springs.map((k, i) => (k > 0 ? `k${DOF[i]} = ${i < 3 ? fmt.q('spring', k) : fmt.q('rotSpring', k)}` : '')).filter(Boolean);
      return { cells: [s.node, ...s.restrained.map((r, i) => (r ? '■' : s.springs[i] > 0 ? '∿' : '·')), springs.join(', ') || '—'] };
    }),
    note: '■ restrained, ∿ spring, · free.',
  });

  if (model.groups.length) {
    flow.heading(2, 'Groups');
    table(flow, {
      title: 'Member groups',
      columns: [{ header: 'Group' }, { header: 'Members', wrap: true }],
      rows: model.groups.map((g) => ({ cells: [g.decl.name, g.refs.map((r) => r.name).join(', ')] })),
    });
  }
}
