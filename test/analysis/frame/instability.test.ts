// The unstable-model corpus: each model must be reported as a problem at the right node and
// DOF (or member), never crash and never yield results.
import { strict as assert } from 'node:assert';
import { analyze, type AnalysisProblem } from '../../../language-server/src/analysis/analyze';
import type { AnalysisModel } from '../../../language-server/src/analysis/model-input';
import { ModelBuilder, releases, six } from './model-builder';

type Mechanism = Extract<AnalysisProblem, { kind: 'mechanism' }>;

interface Expected {
  /** The node that moves most in each mechanism, with DOFs it must list. */
  mechanisms?: { node: string; dofs: string[]; message: RegExp }[];
  unstableMembers?: { member: string; message: RegExp }[];
  /** Mechanisms that are all rigid-body motions of the whole (no support). */
  rigidBodyMotions?: number;
}

const corpus: { name: string; model: AnalysisModel; expected: Expected }[] = [];

{
  // A beam on a pin and a roller with a moment release in the middle: N2 drops (z) and slides
  // sideways (y), since hinge=j releases both My and Mz.
  const m = new ModelBuilder()
    .node('N1', 0, 0, 0)
    .node('N2', 4, 0, 0)
    .node('N3', 8, 0, 0)
    .member('B1', 'N1', 'N2', { releaseJ: releases('My', 'Mz') })
    .member('B2', 'N2', 'N3')
    .support('N1', ['x', 'y', 'z', 'rx'])
    .support('N3', ['y', 'z'])
    .loadCase('C', [{ kind: 'nodal', node: 'N2', values: six({ z: -10e3 }) }]);
  corpus.push({
    name: 'pinned + roller beam with a hinge in the middle',
    model: m.build(),
    expected: {
      mechanisms: [
        { node: 'N2', dofs: ['z'], message: /^Members B1, B2 form a mechanism: N2 can move freely in z/ },
        { node: 'N2', dofs: ['y'], message: /^Members B1, B2 form a mechanism: N2 can move freely in y/ },
      ],
    },
  });
}
{
  const m = new ModelBuilder()
    .node('A', 0, 0, 0)
    .node('B', 3, 0, 0)
    .node('N7', 5, 5, 5)
    .member('M', 'A', 'B')
    .support('A', 'fixed')
    .loadCase('C', [{ kind: 'nodal', node: 'N7', values: six({ z: -1e3 }) }]);
  corpus.push({
    name: 'a loaded node with no member and no support',
    model: m.build(),
    expected: { mechanisms: [{ node: 'N7', dofs: ['x', 'y', 'z'], message: /^N7 can move freely in x, y and z: no member or support resists it$/ }] },
  });
}
{
  const m = new ModelBuilder().node('A', 0, 0, 0).node('B', 3, 0, 0).node('C', 3, 2, 0).member('M1', 'A', 'B').member('M2', 'B', 'C').loadCase('C', []);
  corpus.push({
    name: 'a frame with no support at all',
    model: m.build(),
    // Six rigid-body motions; which combination of them each null vector holds depends on the
    // elimination order, so only their number and kind are fixed.
    expected: { rigidBodyMotions: 6 },
  });
}
{
  // A planar truss triangle in the XZ plane: the apex can swing out of plane.
  const m = new ModelBuilder()
    .node('N1', 0, 0, 0)
    .node('N2', 3, 0, 0)
    .node('N3', 1.5, 0, 2)
    .member('T1', 'N1', 'N3', { truss: true })
    .member('T2', 'N2', 'N3', { truss: true })
    .member('T3', 'N1', 'N2', { truss: true })
    .support('N1', 'pinned')
    .support('N2', 'pinned')
    .loadCase('C', []);
  corpus.push({
    name: 'a truss node out of plane',
    model: m.build(),
    expected: { mechanisms: [{ node: 'N3', dofs: ['y'], message: /^N3 can move freely in y: no member or support resists it$/ }] },
  });
}
{
  // Every member meeting at B is hinged there and B is pinned: nothing turns B.
  const m = new ModelBuilder().node('A', 0, 0, 0).node('B', 4, 0, 0).member('M', 'A', 'B', { releaseJ: releases('My', 'Mz') }).support('A', 'fixed').support('B', 'pinned').loadCase('C', []);
  corpus.push({
    name: 'a node whose only member is hinged at it',
    model: m.build(),
    expected: { mechanisms: [{ node: 'B', dofs: ['ry', 'rz'], message: /^B can rotate freely about y and z/ }] },
  });
}
{
  const m = new ModelBuilder()
    .node('A', 0, 0, 0)
    .node('B', 4, 0, 0)
    .member('M', 'A', 'B', { releaseI: releases('T'), releaseJ: releases('T') })
    .support('A', 'fixed')
    .loadCase('C', []);
  corpus.push({
    name: 'T released at both ends',
    model: m.build(),
    expected: {
      unstableMembers: [{ member: 'M', message: /spin about its own axis/ }],
      mechanisms: [{ node: 'B', dofs: ['rx'], message: /^B can rotate freely about x/ }],
    },
  });
}
{
  const m = new ModelBuilder()
    .node('A', 0, 0, 0)
    .node('B', 4, 0, 0)
    .member('M', 'A', 'B', { releaseI: releases('N'), releaseJ: releases('N') })
    .support('A', 'fixed')
    .support('B', 'fixed')
    .loadCase('C', []);
  corpus.push({ name: 'N released at both ends', model: m.build(), expected: { unstableMembers: [{ member: 'M', message: /slide along its axis/ }] } });
}
{
  // Vy released at i and Mz at both ends: with both nodes held, the member can still turn
  // about its end j in its x–y plane.
  const m = new ModelBuilder()
    .node('A', 0, 0, 0)
    .node('B', 4, 0, 0)
    .member('M', 'A', 'B', { releaseI: releases('Vy', 'Mz'), releaseJ: releases('Mz') })
    .support('A', 'fixed')
    .support('B', 'fixed')
    .loadCase('C', [{ kind: 'uniform', member: 'M', local: true, values: six({ y: 1e3 }) }]);
  corpus.push({ name: 'shear and bending released in one plane', model: m.build(), expected: { unstableMembers: [{ member: 'M', message: /move in its local y/ }] } });
}
{
  // Portal with both columns pinned at both ends (My released): the beam sways in x.
  const m = new ModelBuilder()
    .node('A', 0, 0, 0)
    .node('B', 4, 0, 0)
    .node('C', 4, 0, 3)
    .node('D', 0, 0, 3)
    .member('AD', 'A', 'D', { releaseI: releases('My'), releaseJ: releases('My') })
    .member('DC', 'D', 'C')
    .member('BC', 'B', 'C', { releaseI: releases('My'), releaseJ: releases('My') })
    .support('A', 'fixed')
    .support('B', 'fixed')
    .loadCase('C', [{ kind: 'nodal', node: 'D', values: six({ x: 1e3 }) }]);
  corpus.push({
    name: 'a portal with pinned-pinned columns (sway mechanism)',
    model: m.build(),
    expected: { mechanisms: [{ node: 'C', dofs: ['x'], message: /^Members AD, DC, BC form a mechanism: [CD] can move freely in x/ }] },
  });
}
{
  // Only a spring in z and nothing in x, y at the free end of a pin-ended bar: B can move in y.
  const m = new ModelBuilder()
    .node('A', 0, 0, 0)
    .node('B', 3, 0, 0)
    .member('T', 'A', 'B', { truss: true })
    .support('A', 'pinned')
    .support('B', [], { z: 1e5 })
    .loadCase('C', []);
  corpus.push({ name: 'a truss end held only by a spring in z', model: m.build(), expected: { mechanisms: [{ node: 'B', dofs: ['y'], message: /^B can move freely in y/ }] } });
}

describe('analysis: unstable models are reported where they fail', () => {
  for (const { name, model, expected } of corpus) {
    for (const solver of ['dense', 'sparse'] as const) {
      it(`${name} (${solver})`, () => {
        const out = analyze(model, { solver });
        const mechanisms = out.problems.filter((p): p is Mechanism => p.kind === 'mechanism');
        const unstable = out.problems.filter((p) => p.kind === 'member-unstable');
        const nodeName = (k: number) => model.nodes[k].name;
        assert.equal(mechanisms.length, expected.mechanisms?.length ?? expected.rigidBodyMotions ?? 0, mechanisms.map((p) => p.message).join('\n'));
        if (expected.rigidBodyMotions) {
          for (const p of mechanisms) assert.match(p.message, /can move together as a rigid body.*the supports do not hold the structure/);
        }
        for (const e of expected.mechanisms ?? []) {
          const hit = mechanisms.find((p) => p.nodes.some((n) => n.weight === 1 && nodeName(n.node) === e.node && e.dofs.every((d) => n.dofs.includes(d as never))) && e.message.test(p.message));
          assert.ok(hit, `expected a mechanism at ${e.node} in ${e.dofs.join(',')} matching ${e.message}; got:\n${mechanisms.map((p) => `${p.message} ${JSON.stringify(p.nodes)}`).join('\n')}`);
        }
        assert.equal(unstable.length, expected.unstableMembers?.length ?? 0, unstable.map((p) => p.message).join('\n'));
        for (const e of expected.unstableMembers ?? []) {
          assert.ok(unstable.some((p) => p.kind === 'member-unstable' && model.members[p.member].name === e.member && e.message.test(p.message)));
        }
        if (mechanisms.length > 0) assert.deepEqual(out.results.cases, [], 'no results for a mechanism');
      });
    }
  }
});
