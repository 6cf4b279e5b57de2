// Generates regular 3D building frames as .struct text (and the same model as JSON), for the
// benchmarks: nx × ny bays, storeys levels, columns and beams in both directions.
export interface Generated {
  text: string;
  json: string;
  members: number;
  nodes: number;
}

export interface FrameOptions {
  /** Extra wind load cases (each pushes a different storey), for factor-reuse measurements. */
  windCases?: number;
  /** Fix the plan size and storeys instead of aiming at a member count. */
  plan?: number;
  storeys?: number;
}

export function generateFrame(targetMembers: number, options: FrameOptions = {}): Generated {
  // Members per storey for an n×n grid: (n+1)² columns + 2·n·(n+1) beams.
  const storeys = options.storeys ?? Math.max(1, Math.round(Math.cbrt(targetMembers) / 2));
  let n = options.plan ?? 1;
  while (options.plan === undefined && ((n + 1) ** 2 + 2 * n * (n + 1)) * storeys < targetMembers) n++;
  const lines: string[] = [
    'model "Generated frame"',
    'units kN m',
    'material S355 E=210GPa nu=0.3 weight=78.5kN/m3 fy=355MPa',
    'section COL material=S355 catalog=HEB300',
    'section BEAM material=S355 catalog=IPE400',
  ];
  const nodes: { name: string; x: number; y: number; z: number }[] = [];
  const members: { name: string; i: string; j: string; section: string }[] = [];
  const id = (i: number, j: number, k: number) => `N${i}_${j}_${k}`;
  for (let k = 0; k <= storeys; k++)
    for (let j = 0; j <= n; j++)
      for (let i = 0; i <= n; i++) {
        nodes.push({ name: id(i, j, k), x: i * 6, y: j * 6, z: k * 3.5 });
      }
  let c = 0;
  for (let k = 1; k <= storeys; k++)
    for (let j = 0; j <= n; j++)
      for (let i = 0; i <= n; i++) {
        members.push({ name: `C${++c}`, i: id(i, j, k - 1), j: id(i, j, k), section: 'COL' });
        if (i < n) members.push({ name: `BX${c}`, i: id(i, j, k), j: id(i + 1, j, k), section: 'BEAM' });
        if (j < n) members.push({ name: `BY${c}`, i: id(i, j, k), j: id(i, j + 1, k), section: 'BEAM' });
      }
  for (const nd of nodes) lines.push(`node ${nd.name} ${nd.x} ${nd.y} ${nd.z}`);
  for (const m of members) lines.push(`member ${m.name} ${m.i} ${m.j} ${m.section}`);
  const supports: string[] = [];
  for (let j = 0; j <= n; j++) for (let i = 0; i <= n; i++) supports.push(id(i, j, 0));
  for (const s of supports) lines.push(`support ${s} fixed`);
  lines.push('load DEAD category=permanent', '  selfweight', 'end');
  lines.push('load WIND category=wind');
  for (let k = 1; k <= storeys; k++) lines.push(`  nodal ${id(0, 0, k)} Fx=10kN`);
  lines.push('end');
  for (let w = 1; w < (options.windCases ?? 1); w++) {
    lines.push(`load WIND${w} category=wind`, `  nodal ${id(w % (n + 1), 0, 1 + (w % storeys))} Fy=${5 + w}kN`, 'end');
  }
  lines.push('combination ULS1 1.35*DEAD + 1.5*WIND', 'check stress limit=1.0 combinations=ULS1');
  const json = JSON.stringify({
    model: 'Generated frame',
    units: ['kN', 'm'],
    materials: [{ name: 'S355', E: '210GPa', nu: 0.3, weight: '78.5kN/m3', fy: '355MPa' }],
    sections: [{ name: 'COL', material: 'S355', catalog: 'HEB300' }, { name: 'BEAM', material: 'S355', catalog: 'IPE400' }],
    nodes,
    members,
    supports: supports.map((s) => ({ node: s, restraints: ['fixed'] })),
    loads: [{ name: 'DEAD', category: 'permanent', loads: [{ kind: 'selfweight' }] }],
  });
  return { text: lines.join('\n') + '\n', json, members: members.length, nodes: nodes.length };
}
