// The 3D view's scene data, computed in Node without a browser: the geometry modules of
// webviews/model3d are pure functions of the model view and the results. Checked against
// hand-built models with known answers: where members, glyphs, loads and diagrams land, the
// sign conventions of docs/results.md (moments on the tension side), scales, pick ids, and that
// a large model still needs one buffer per kind (draw calls do not grow with it).
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import type { MemberView, ModelView, XYZ } from '../../language-server/src/shared/model-view';
import type { CaseResult, ResultsDocument, Station } from '../../language-server/src/shared/protocol';
import { convert, displayUnits, formatNumber, formatQuantity } from '../../webviews/model3d/display-units';
import { memberInfo, nodeInfo } from '../../webviews/model3d/element-info';
import { loadGeometry, loadsOfCase, rangeText, toGlobal } from '../../webviews/model3d/load-geometry';
import { modelFrame, niceNumber } from '../../webviews/model3d/model-frame';
import {
  autoDeformScale, deformedGeometry, diagramGeometry, diagramScale, maxAbs, maxDisplacement, memberUtilisation, reactionGeometry, stationDisplacement,
} from '../../webviews/model3d/result-geometry';
import { sectionOutline, signedArea } from '../../webviews/model3d/section-outline';
import {
  decodePickId, hingeMarkers, localAxes, memberMatrix, memberPickId, nodePickId, readPickColour, structureGeometry, supportGlyphs, writePickColour,
} from '../../webviews/model3d/structure-geometry';
import { readState } from '../../webviews/model3d/view-state';
import { fixtureFor } from './support/fixtures';

const at = { uri: 'file:///m.struct', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
const units = displayUnits({ force: 'kN', length: 'm' });

/** Local axes per the language spec (roll 0): z in the vertical plane through x, y = z × x;
 * vertical members get y = +Y. */
function axesOf(a: XYZ, b: XYZ): { x: XYZ; y: XYZ; z: XYZ; L: number } {
  const d: XYZ = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const L = Math.hypot(...d);
  const x: XYZ = [d[0] / L, d[1] / L, d[2] / L];
  const cross = (p: XYZ, q: XYZ): XYZ => [p[1] * q[2] - p[2] * q[1], p[2] * q[0] - p[0] * q[2], p[0] * q[1] - p[1] * q[0]];
  if (Math.hypot(x[0], x[1]) < 1e-6) {
    const y: XYZ = [0, 1, 0];
    return { x, y, z: cross(x, y), L };
  }
  const yRaw = cross([0, 0, 1], x);
  const n = Math.hypot(...yRaw);
  const y: XYZ = [yRaw[0] / n, yRaw[1] / n, yRaw[2] / n];
  return { x, y, z: cross(x, y), L };
}

function model(nodes: [string, XYZ][], members: [string, number, number, Partial<MemberView>?][], extra: Partial<ModelView> = {}): ModelView {
  return {
    format: 'struktur-model-view/1', uri: 'file:///m.struct', files: ['file:///m.struct'], title: 'Test', valid: true, errors: 0,
    units: { force: 'kN', length: 'm' },
    nodes: nodes.map(([name, xyz]) => ({ name, xyz, at })),
    sections: [{ name: 'IPE300', shape: 'i', dimensions: { h: 0.3, b: 0.15, tw: 0.0071, tf: 0.0107 }, A: 53.8e-4, at }],
    members: members.map(([name, i, j, more]) => {
      const g = axesOf(nodes[i][1], nodes[j][1]);
      return { name, i, j, section: 0, length: g.L, axes: { x: g.x, y: g.y, z: g.z }, roll: 0, truss: false, releaseI: [false, false, false, false, false, false], releaseJ: [false, false, false, false, false, false], at, ...more };
    }),
    supports: [], loadCases: [], combinations: [],
    ...extra,
  };
}

function station(x: number, v: Partial<Station>): Station {
  return { x, N: 0, Vy: 0, Vz: 0, T: 0, My: 0, Mz: 0, dy: 0, dz: 0, ...v };
}

const close = (a: number, b: number, tol = 1e-9, what = '') => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${what} ${a} vs ${b}`);
const closeXYZ = (a: ArrayLike<number>, b: XYZ, tol = 1e-6, what = '') => [0, 1, 2].forEach((k) => close(a[k], b[k], tol, `${what}[${k}]`));

/** The modules the Node tests import: they must stay free of three.js and the DOM. */
const PURE = ['display-units', 'element-info', 'glyph-types', 'load-geometry', 'model-frame', 'result-geometry', 'section-outline', 'structure-geometry', 'vec', 'view-state'];
/** The pure modules of webviews/shared/ they may import (checked here the same way). */
const PURE_SHARED = ['display-units'];

describe('model3d scene data', () => {
  it('keeps the geometry modules pure (no three.js, no DOM helpers)', () => {
    const webviews = path.join(__dirname, '..', '..', 'webviews');
    const modules = [...PURE.map((name) => ({ name, dir: 'model3d', pure: PURE })), ...PURE_SHARED.map((name) => ({ name, dir: 'shared', pure: PURE_SHARED }))];
    for (const { name, dir, pure } of modules) {
      const text = fs.readFileSync(path.join(webviews, dir, `${name}.ts`), 'utf8');
      for (const m of text.matchAll(/from\s+'([^']+)'/g)) {
        const spec = m[1];
        const shared = dir === 'model3d' && spec.startsWith('../shared/');
        assert.ok(spec.startsWith('./') || shared || spec.startsWith('../../language-server/src/shared/'), `${dir}/${name}.ts imports ${spec}`);
        if (spec.startsWith('./')) assert.ok(pure.includes(spec.slice(2)), `${dir}/${name}.ts imports ${spec}, which is not pure`);
        if (shared) assert.ok(PURE_SHARED.includes(spec.slice('../shared/'.length)), `${dir}/${name}.ts imports ${spec}, which is not pure`);
      }
      assert.doesNotMatch(text, /\b(document|window)\./, `${dir}/${name}.ts touches the DOM`);
    }
  });

  describe('units and numbers', () => {
    it('formats with about three significant digits, a real minus and no trailing zeros', () => {
      assert.equal(formatNumber(-4), '−4');
      assert.equal(formatNumber(59.04), '59');
      assert.equal(formatNumber(60.71), '60.7');
      assert.equal(formatNumber(0.12345), '0.123');
      assert.equal(formatNumber(1e-12), '0');
      assert.equal(formatNumber(2.5e7), '2.50e7');
    });

    it('converts SI to the model units (moment kN·m, displacement mm, line load kN/m)', () => {
      assert.deepEqual(convert(units, 'moment', 59000), { value: 59, unit: 'kN·m' });
      assert.deepEqual(convert(units, 'forcePerLength', -4000), { value: -4, unit: 'kN/m' });
      assert.equal(formatQuantity(units, 'displacement', 0.0139), '13.9 mm');
      const imperial = displayUnits({ force: 'kip', length: 'ft' });
      assert.equal(imperial.displacement.symbol, 'in');
      close(convert(imperial, 'force', 4448.2216152605).value, 1);
      assert.equal(displayUnits({ force: 'bogus', length: '??' }).force.symbol, 'kN', 'unknown units fall back to kN m');
    });
  });

  describe('frame, sections and structure', () => {
    const portal = model(
      [['A', [100, 50, 0]], ['B', [100, 50, 4]], ['C', [106, 50, 4]], ['D', [106, 50, 0]]],
      [['C1', 0, 1], ['B1', 1, 2, { releaseJ: [false, false, false, false, true, true] }], ['C2', 3, 2, { truss: true, releaseI: [false, false, false, true, true, true] }]],
      { supports: [
        { node: 0, restrained: [true, true, true, true, true, true], springs: [0, 0, 0, 0, 0, 0], kind: 'fixed', at },
        { node: 3, restrained: [true, true, true, false, false, false], springs: [0, 0, 0, 0, 0, 0], kind: 'pinned', at },
      ] },
    );
    const frame = modelFrame(portal);

    it('centres buffers on the model and sizes symbols by a typical member', () => {
      assert.deepEqual(frame.centre, [103, 50, 2]);
      close(frame.diagonal, Math.hypot(6, 0, 4));
      assert.equal(frame.typicalLength, 4);
      close(frame.glyph, 0.36);
      assert.equal(niceNumber(173), 200);
      assert.equal(niceNumber(0.0031), 0.002);
      assert.equal(niceNumber(7.6), 10);
    });

    it('draws every member with one pair of points relative to the centre, and pick ids round-trip', () => {
      const g = structureGeometry(portal, frame, () => true);
      assert.equal(g.memberLines.length, 3 * 6);
      closeXYZ(g.memberLines.subarray(6, 9), [-3, 0, 2]);
      closeXYZ(g.memberLines.subarray(9, 12), [3, 0, 2]);
      assert.equal(readPickColour(g.memberPick[6], g.memberPick[7], g.memberPick[8]), memberPickId(1));
      assert.deepEqual(decodePickId(portal, memberPickId(2)), { kind: 'member', index: 2 });
      assert.deepEqual(decodePickId(portal, nodePickId(portal, 3)), { kind: 'node', index: 3 });
      assert.equal(decodePickId(portal, 0), undefined);
      assert.equal(decodePickId(portal, nodePickId(portal, 4)), undefined);
      const bytes = new Uint8Array(3);
      writePickColour(bytes, 0, 0xabcdef);
      assert.equal(readPickColour(bytes[0], bytes[1], bytes[2]), 0xabcdef);
    });

    it('maps a section outline onto the member through its local axes', () => {
      const m = portal.members[1];
      const M = memberMatrix(m, [-3, 0, 2]);
      const apply = (p: XYZ): XYZ => [0, 1, 2].map((r) => M[r] * p[0] + M[4 + r] * p[1] + M[8 + r] * p[2] + M[12 + r]) as XYZ;
      closeXYZ(apply([0, 0, 0]), [-3, 0, 2], 1e-9, 'end i');
      closeXYZ(apply([0, 0, 1]), [3, 0, 2], 1e-9, 'end j');
      // Outline y runs along local y (+Y for this beam), outline z along local z (up).
      closeXYZ(apply([0.1, 0, 0]), [-3, 0.1, 2], 1e-9, 'local y');
      closeXYZ(apply([0, 0.15, 0]), [-3, 0, 2.15], 1e-9, 'local z: the web of an I stands up');
    });

    it('outlines sections with their real area, counter-clockwise, holes for hollow ones', () => {
      const ipe = sectionOutline(portal.sections[0])!;
      assert.ok(signedArea(ipe.outer) > 0);
      close(signedArea(ipe.outer), 2 * 0.15 * 0.0107 + (0.3 - 2 * 0.0107) * 0.0071, 1e-12);
      const pipe = sectionOutline({ name: 'CHS', shape: 'pipe', dimensions: { d: 0.1683, t: 0.008 }, at })!;
      assert.equal(pipe.holes.length, 1);
      assert.ok(signedArea(pipe.holes[0]) < 0);
      const ring = signedArea(pipe.outer) + signedArea(pipe.holes[0]);
      close(ring, (Math.PI / 4) * (0.1683 ** 2 - 0.1523 ** 2), 0.02);
      const box = sectionOutline({ name: 'RHS', shape: 'box', dimensions: { h: 0.2, b: 0.1, t: 0.008 }, at })!;
      close(signedArea(box.outer) + signedArea(box.holes[0]), 0.2 * 0.1 - 0.184 * 0.084, 1e-12);
      // Without a shape: the rectangle with the same radii of gyration (so its proportions show
      // which axis is strong).
      const eq = sectionOutline({ name: 'X', A: 53.8e-4, Iy: 8356e-8, Iz: 604e-8, at })!;
      assert.equal(eq.approximate, true);
      const h = eq.outer[2][1] - eq.outer[0][1], b = eq.outer[1][0] - eq.outer[0][0];
      close(h * h / 12, 8356e-8 / 53.8e-4, 1e-9);
      close(b * b / 12, 604e-8 / 53.8e-4, 1e-9);
      assert.equal(sectionOutline({ name: 'none', at }), undefined);
      assert.equal(sectionOutline({ name: 'bad', shape: 'i', dimensions: { h: 0.3 }, at }), undefined);
    });

    it('puts support glyphs under their nodes and hinge balls inside released ends (not on trusses)', () => {
      const sg = supportGlyphs(portal, frame);
      const fixed = sg.instances.filter((i) => i.node === 0);
      assert.deepEqual(fixed.map((i) => i.primitive), ['plate']);
      assert.ok(fixed[0].centre[2] < -2, 'below node A (z = -2 in the frame)');
      const pinned = sg.instances.filter((i) => i.node === 3).map((i) => i.primitive);
      assert.deepEqual(pinned, ['pyramid', 'plate']);
      const tip = sg.instances.find((i) => i.primitive === 'pyramid')!;
      close(tip.centre[2] + tip.size[2] / 2, -2, 1e-9, 'the pyramid tip touches the node');
      assert.ok(sg.depthBelow.get(3)! > sg.depthBelow.get(0)!);
      const h = hingeMarkers(portal, frame);
      assert.deepEqual([...h.members], [1], 'B1 is released at j; C2 is a truss');
      assert.ok(h.positions[0] < 3 && h.positions[0] > 2, 'inside end j of B1');
      const axes = localAxes(portal, frame);
      assert.equal(axes.positions.length, 3 * 18);
      // B1's local y from its midpoint: along +Y.
      closeXYZ(axes.positions.subarray(18 + 6, 18 + 9), [0, 0, 2], 1e-6);
      closeXYZ(axes.positions.subarray(18 + 9, 18 + 12), [0, Math.min(1.6 * frame.glyph, 0.3 * 6), 2], 1e-6);
    });

    it('needs one instance buffer per section however many members there are', () => {
      const nodes: [string, XYZ][] = [];
      const members: [string, number, number, Partial<MemberView>?][] = [];
      for (let k = 0; k <= 10000; k++) nodes.push([`N${k}`, [k, (k % 7) * 0.5, (k % 3) * 0.7]]);
      for (let k = 0; k < 10000; k++) members.push([`M${k}`, k, k + 1, { section: k % 3 }]);
      const big = model(nodes, members);
      big.sections = [0, 1, 2].map((s) => ({ name: `S${s}`, shape: 'rect' as const, dimensions: { h: 0.3, b: 0.2 }, at }));
      const g = structureGeometry(big, modelFrame(big), () => true);
      assert.equal(g.sections.length, 3);
      assert.equal(g.sections.reduce((n, s) => n + s.members.length, 0), 10000);
      assert.equal(g.memberLines.length, 60000);
    });
  });

  describe('loads', () => {
    const beam = model([['A', [0, 0, 0]], ['B', [6, 0, 0]]], [['B1', 0, 1]], {
      loadCases: [
        { name: 'DEAD', at, loads: [
          { kind: 'distributed', member: 0, local: false, from: 0, to: 6, start: [0, 0, -4000, 0, 0, 0], end: [0, 0, -4000, 0, 0, 0] },
          { kind: 'selfweight', factor: 1 },
        ] },
        { name: 'LIVE', at, loads: [
          { kind: 'nodal', node: 1, values: [8000, 0, -10000, 0, 2000, 0] },
          { kind: 'point', member: 0, local: true, at: 3, values: [0, 0, -12000, 0, 0, 0] },
          { kind: 'distributed', member: 0, local: false, from: 1, to: 5, start: [0, 0, -2000, 0, 0, 0], end: [0, 0, -5000, 0, 0, 0] },
          { kind: 'displacement', node: 0, values: [null, null, -0.01, null, null, null] },
        ] },
      ],
      combinations: [{ name: 'ULS', type: 'ULS', terms: [{ case: 'DEAD', factor: 1.35 }, { case: 'LIVE', factor: 1.5 }], at }],
    });
    const frame = modelFrame(beam);

    it('collects a combination\'s loads with their factors', () => {
      const l = loadsOfCase(beam, 'ULS');
      assert.equal(l.length, 6);
      assert.deepEqual(l.map((x) => x.factor), [1.35, 1.35, 1.5, 1.5, 1.5, 1.5]);
      assert.deepEqual(loadsOfCase(beam, 'nope'), []);
      assert.deepEqual(loadsOfCase(beam, undefined), []);
    });

    it('points force arrows at where they act, longest for the largest, and labels them', () => {
      const g = loadGeometry(beam, frame, units, loadsOfCase(beam, 'LIVE'));
      const nodal = g.arrows.find((a) => !a.double && a.role === 'load' && a.tip[0] === 3)!;
      closeXYZ(nodal.tip, [3, 0, 0]);
      const d: XYZ = [nodal.tip[0] - nodal.tail[0], nodal.tip[1] - nodal.tail[1], nodal.tip[2] - nodal.tail[2]];
      const n = Math.hypot(...d);
      closeXYZ([d[0] / n, d[1] / n, d[2] / n], [8 / Math.hypot(8, 10), 0, -10 / Math.hypot(8, 10)], 1e-6, 'along (Fx, Fz)');
      const point = g.arrows.find((a) => !a.double && Math.abs(a.tip[0]) < 1e-9 && a.tip[2] === 0 && a.tail[2] > 0)!;
      assert.ok(point, 'the local −z point load on a beam along X points down at midspan');
      const pointLength = point.tail[2] - point.tip[2];
      close(pointLength, (n * 12) / Math.hypot(8, 10), 1e-6, 'lengths in proportion: 12 kN against |(8, −10)| kN');
      assert.ok(g.arrows.some((a) => a.double), 'the nodal My is a double arrow');
      assert.ok(g.labels.some((l) => l.text === 'Fx = 8, Fz = −10 kN'));
      assert.ok(g.labels.some((l) => l.text === 'My = 2 kN·m'));
      assert.ok(g.labels.some((l) => l.text === 'Fz = −2 … −5 kN/m'));
      assert.ok(g.labels.some((l) => l.text === 'δz = −10 mm'));
      // The ribbon: two triangles from the axis up to the load line (a downward load hangs above).
      assert.equal(g.ribbons.triangles.length, 18);
      const tops = [];
      for (let k = 0; k < 6; k++) tops.push(g.ribbons.triangles[k * 3 + 2]);
      assert.ok(Math.max(...tops) > 0 && Math.min(...tops) === 0);
    });

    it('applies a combination\'s factors to the values shown and notes self weight', () => {
      const g = loadGeometry(beam, frame, units, loadsOfCase(beam, 'ULS'));
      assert.ok(g.labels.some((l) => l.text === 'Fz = −5.4 kN/m'), g.labels.map((l) => l.text).join(' | '));
      assert.deepEqual(g.notes, ['Self weight ×1.35 (−Z)']);
      assert.equal(rangeText(units, [0, 0, -2000], [0, 0, -2000]), 'Fz = −2 kN/m');
    });

    it('turns local load components through the member axes', () => {
      const col = model([['A', [0, 0, 0]], ['B', [0, 0, 3]]], [['C', 0, 1]]);
      // Vertical member: x = +Z, y = +Y, z = x × y = −X.
      assert.deepEqual(toGlobal(col.members[0], [0, 0, 5], true), [-5, 0, 0]);
      assert.deepEqual(toGlobal(col.members[0], [1, 2, 3], false), [1, 2, 3]);
    });
  });

  describe('results', () => {
    // A 6 m beam along X at the origin, simply supported: values as the engine reports them.
    const beam = model([['A', [0, 0, 0]], ['B', [6, 0, 0]]], [['B1', 0, 1]]);
    const frame = modelFrame(beam);
    const w = 10000, L = 6, EI = 1e7;
    const stations = Array.from({ length: 11 }, (_, k) => {
      const x = (k * L) / 10;
      return station(x, { My: (-w * x * (L - x)) / 2, Vz: w * (L / 2 - x), Mz: 1000 * (x - 3), dz: (-w * x * (L ** 3 - 2 * L * x * x + x ** 3)) / (24 * EI) });
    });
    const result: CaseResult = {
      name: 'DEAD', kind: 'load',
      nodes: { A: { u: [0, 0, 0, 0, 0.001, 0], reaction: [0, 0, w * 3, 0, 0, 0] }, B: { u: [0.002, 0, 0, 0, -0.001, 0], reaction: [1e-9, 0, w * 3, 0, 0, 0] } },
      members: { B1: { end_forces: [], stations } },
    };

    it('draws My on the tension side: a sagging beam\'s diagram hangs below it', () => {
      const max = maxAbs(beam, result, 'My');
      close(max, (w * L * L) / 8, 1e-12);
      const s = diagramScale(frame, max);
      const g = diagramGeometry(beam, frame, units, result, 'My', s);
      // The outline point at midspan is max·s below the axis (z local = +Z here; My < 0).
      let lowest = Infinity;
      for (let k = 2; k < g.outline.length; k += 3) lowest = Math.min(lowest, g.outline[k]);
      close(lowest, -max * s, 1e-6);
      assert.ok(g.triangleRoles.every((r) => r === 'negative'));
      assert.ok(g.labels.some((l) => l.text === '−45 kN·m'), g.labels.map((l) => l.text).join(' | '));
    });

    it('draws Mz on its tension side (−y for positive Mz) and splits the fill where it changes sign', () => {
      const g = diagramGeometry(beam, frame, units, result, 'Mz', diagramScale(frame, 3000));
      // Mz = 1000(x − 3): negative at x = 0 → drawn towards +y; positive at x = 6 → towards −y.
      const ys: number[] = [];
      for (let k = 1; k < g.outline.length; k += 3) ys.push(g.outline[k]);
      assert.ok(Math.max(...ys) > 0 && Math.min(...ys) < 0);
      assert.ok(g.triangleRoles.includes('positive') && g.triangleRoles.includes('negative'));
      // No triangle spans the zero crossing at x = 3: every triangle is on one side.
      for (let t = 0; t < g.triangles.length / 9; t++) {
        const ty = [1, 4, 7].map((o) => g.triangles[t * 9 + o]);
        assert.ok(ty.every((y) => y >= -1e-9) || ty.every((y) => y <= 1e-9), `triangle ${t} crosses the axis: ${ty}`);
      }
    });

    it('draws shear in its plane, with nothing for a quantity that is zero', () => {
      const vz = diagramGeometry(beam, frame, units, result, 'Vz', diagramScale(frame, w * 3));
      assert.ok(vz.triangles.length > 0);
      const n = diagramGeometry(beam, frame, units, result, 'N', 1);
      assert.equal(n.triangles.length + n.outline.length + n.labels.length, 0);
    });

    it('puts the deformed shape where the results say, at the chosen factor', () => {
      const factor = 50;
      const d = deformedGeometry(beam, frame, result, factor);
      closeXYZ(d.nodes.subarray(3, 6), [3 + factor * 0.002, 0, 0], 1e-6, 'node B');
      assert.equal(d.segments[1] - d.segments[0], 10);
      // Midspan: dz from the station, axial interpolated between the ends.
      const mid = stations[5];
      const u = stationDisplacement(beam, result, 0, mid);
      closeXYZ(u, [0.001, 0, mid.dz], 1e-12);
      closeXYZ(d.lines.subarray(4 * 6 + 3, 4 * 6 + 6), [0 + factor * 0.001, 0, factor * mid.dz], 1e-5, 'station 5');
      const maxU = maxDisplacement(beam, result);
      close(maxU, (5 * w * L ** 4) / (384 * EI), 1e-9);
      const auto = autoDeformScale(frame, maxU);
      const share = (auto * maxU) / frame.diagonal;
      assert.ok(share > 0.02 && share < 0.15, `largest displacement at ${share} of the model size`);
    });

    it('draws reactions pointing at the node from the support\'s side, ignoring round-off', () => {
      const r = reactionGeometry(beam, frame, units, result, new Map([[0, 0.5]]));
      assert.equal(r.arrows.length, 2, 'Rz at A and B; the 1e-9 N Rx at B is round-off');
      const a = r.arrows[0];
      assert.ok(a.tail[2] < a.tip[2] && a.tip[2] < -0.5, 'an upward reaction arrives from below, under the glyph');
      assert.deepEqual(r.labels.map((l) => l.text), ['Rz 30 kN', 'Rz 30 kN']);
    });

    it('colours by the governing check, of the shown combination when it has checks', () => {
      const results = {
        checks: [
          { check: 'stress', member: 'B1', combination: 'ULS1', ratio: 0.4, limit: 1, x: 3, ok: true },
          { check: 'deflection', member: 'B1', combination: 'SLS1', ratio: 0.7, limit: 1, x: 3, ok: true },
        ],
      } as ResultsDocument;
      close(memberUtilisation(beam, results).ratio[0], 0.7, 1e-6);
      const u = memberUtilisation(beam, results, 'ULS1');
      close(u.ratio[0], 0.4, 1e-6);
      assert.equal(u.basis, 'checks of ULS1');
      assert.ok(Number.isNaN(memberUtilisation(beam, null).ratio[0]));
    });

    it('says what a hover should: section, length, extreme resultants, displacement, utilisation', () => {
      const info = memberInfo(beam, units, 0, result, { checks: [{ check: 'stress', member: 'B1', combination: 'ULS1', ratio: 0.42, limit: 1, x: 3, ok: true }] } as unknown as ResultsDocument);
      assert.equal(info.title, 'Member B1');
      assert.equal(info.lines[0], 'A → B · IPE300');
      assert.equal(info.lines[1], 'L = 6 m');
      assert.match(info.lines[2], /^DEAD: Vz 30 kN · My −45 kN·m · Mz −3 kN·m$/);
      assert.match(info.lines[4], /^utilisation 0\.42 \(stress, ULS1\)$/);
      const n = nodeInfo(beam, units, 1, result);
      assert.equal(n.title, 'Node B');
      assert.match(n.lines.join('\n'), /reaction \(0, 0, 30\) kN/);
    });
  });

  it('puts the real engine\'s hogging moment of a cantilever on top, where the tension is', () => {
    const { view, results } = fixtureFor('cantilever');
    const dead = results.cases.find((c) => c.name === 'DEAD')!;
    const root = dead.members.M1.stations[0];
    assert.ok(root.My > 0, 'the engine reports hogging at the fixed end as My > 0');
    const frame = modelFrame(view);
    const g = diagramGeometry(view, frame, units, dead, 'My', diagramScale(frame, maxAbs(view, dead, 'My')));
    // The closing ordinate at end i runs from the axis up (+Z, the tension side).
    const k = g.outline.length - 12;
    const base = g.outline.slice(k, k + 3), tip = g.outline.slice(k + 3, k + 6);
    assert.ok(tip[2] - base[2] > 0.1, `ordinate at the root: ${base} → ${tip}`);
    close(tip[0], base[0], 1e-9);
  });

  it('restores a saved state and ignores what it does not recognise', () => {
    const s = readState({ version: 1, diagram: 'My', deformed: true, deformScale: -3, camera: { position: [1, 2, 3], target: [0, 0, 0], up: [0, 0, 1], zoom: 2 }, caseName: 'ULS1', loads: 'yes' });
    assert.equal(s.diagram, 'My');
    assert.equal(s.deformed, true);
    assert.equal(s.deformScale, 1);
    assert.equal(s.loads, true);
    assert.deepEqual(s.camera?.position, [1, 2, 3]);
    assert.equal(readState({ diagram: 'Q', camera: { position: [1, 2] } }).camera, undefined);
    assert.equal(readState(null).diagram, 'none');
  });
});
