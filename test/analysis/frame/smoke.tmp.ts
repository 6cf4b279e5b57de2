import { analyze } from '../../../language-server/src/analysis/analyze';
import { ModelBuilder, six } from './model-builder';
const L = 3, P = 10e3;
const m = new ModelBuilder().node('A',0,0,0).node('B',L,0,0).member('M','A','B').support('A','fixed')
  .loadCase('C', [{ kind: 'nodal', node: 'B', values: six({ z: -P }) }]).build();
const out = analyze(m);
console.log(JSON.stringify(out.problems), out.stats);
const c = out.results.cases[0];
console.log(c.nodes.B.u, -P*L**3/(3*210e9*8356e-8));
console.log(c.nodes.A.reaction, c.members.M.end_forces);
console.log(c.members.M.stations.map(s=>[s.x,s.My,s.Vz,s.dz]));
console.log(c.members.M.extremes);
