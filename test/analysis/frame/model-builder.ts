// A small builder for analysis models in tests: names in, indices out, SI throughout.
import { strict as assert } from 'node:assert';
import { analyze, type AnalysisOutcome } from '../../../language-server/src/analysis/analyze';
import type { AnalysisOptions } from '../../../language-server/src/analysis/model-input';
import type { CaseResult, MemberResult, Station } from '../../../language-server/src/analysis/results';
import type {
  AnalysisModel,
  CheckInput,
  LoadInput,
  MemberInput,
  ReleaseFlags,
  Six,
  Vec3,
} from '../../../language-server/src/analysis/model-input';

export type DofName = 'x' | 'y' | 'z' | 'rx' | 'ry' | 'rz';
const DOFS: DofName[] = ['x', 'y', 'z', 'rx', 'ry', 'rz'];
const RELEASES = ['N', 'Vy', 'Vz', 'T', 'My', 'Mz'];

export function flags(names: string[], all: string[]): ReleaseFlags {
  return all.map((n) => names.includes(n)) as ReleaseFlags;
}

export function releases(...names: string[]): ReleaseFlags {
  for (const n of names) if (!RELEASES.includes(n)) throw new Error(`bad release ${n}`);
  return flags(names, RELEASES);
}

/** Steel-like defaults; tests override what their closed form needs. */
export const STEEL = { E: 210e9, G: 80.769e9, A: 53.8e-4, Iy: 8356e-8, Iz: 604e-8, J: 20.1e-8 };

type LoadSpec = (LoadInput extends infer L ? (L extends { member: number } ? Omit<L, 'member'> & { member: string } : L extends { node: number } ? Omit<L, 'node'> & { node: string } : L) : never);

export class ModelBuilder {
  private model: AnalysisModel = { title: 'test', source: 'test.struct', nodes: [], members: [], supports: [], loadCases: [], combinations: [], checks: [] };

  node(name: string, x: number, y: number, z: number): this {
    this.model.nodes.push({ name, xyz: [x, y, z] as Vec3 });
    return this;
  }

  nodeIndex(name: string): number {
    const k = this.model.nodes.findIndex((n) => n.name === name);
    if (k < 0) throw new Error(`no node ${name}`);
    return k;
  }

  memberIndex(name: string): number {
    const k = this.model.members.findIndex((n) => n.name === name);
    if (k < 0) throw new Error(`no member ${name}`);
    return k;
  }

  member(name: string, i: string, j: string, props: Partial<MemberInput> = {}): this {
    const m: MemberInput = {
      name,
      i: this.nodeIndex(i),
      j: this.nodeIndex(j),
      truss: false,
      roll: 0,
      ...STEEL,
      releaseI: releases(),
      releaseJ: releases(),
      ...props,
    };
    this.model.members.push(m);
    return this;
  }

  /** `restrained`: 'fixed', 'pinned', or DOF names; springs by DOF name. */
  support(node: string, restrained: 'fixed' | 'pinned' | DofName[], springs: Partial<Record<DofName, number>> = {}): this {
    const names = restrained === 'fixed' ? DOFS : restrained === 'pinned' ? DOFS.slice(0, 3) : restrained;
    this.model.supports.push({
      node: this.nodeIndex(node),
      restrained: flags(names, DOFS) as AnalysisModel['supports'][number]['restrained'],
      springs: DOFS.map((d) => springs[d] ?? 0) as Six,
    });
    return this;
  }

  loadCase(name: string, loads: LoadSpec[]): this {
    this.model.loadCases.push({
      name,
      loads: loads.map((l) => {
        const out: Record<string, unknown> = { ...l };
        if ('member' in l) out.member = this.memberIndex(l.member as string);
        if ('node' in l) out.node = this.nodeIndex(l.node as string);
        return out as unknown as LoadInput;
      }),
    });
    return this;
  }

  combination(name: string, terms: [string, number][], type: 'ULS' | 'SLS' = 'ULS'): this {
    this.model.combinations.push({ name, type, terms: terms.map(([loadCase, factor]) => ({ loadCase, factor })) });
    return this;
  }

  check(c: Omit<CheckInput, 'members'> & { members: string[] }): this {
    this.model.checks.push({ ...c, members: c.members.map((m) => this.memberIndex(m)) } as CheckInput);
    return this;
  }

  build(): AnalysisModel {
    return structuredClone(this.model);
  }
}

/** Six components from a partial record by DOF name. */
export function six(values: Partial<Record<DofName, number>>): Six {
  return DOFS.map((d) => values[d] ?? 0) as Six;
}

/** Relative closeness with an absolute floor for values that are exactly zero. */
export function close(actual: number, expected: number, rel = 1e-6, abs = 0): boolean {
  return Math.abs(actual - expected) <= rel * Math.abs(expected) + abs;
}


/** Analyses a model that must have no problems; returns the outcome and a case lookup. */
export function solveOk(model: AnalysisModel, options: AnalysisOptions = {}): AnalysisOutcome & { case(name: string): CaseResult } {
  const out = analyze(model, options);
  assert.deepEqual(out.problems, [], `unexpected problems: ${out.problems.map((p) => p.message).join('; ')}`);
  return {
    ...out,
    case(name: string) {
      const c = out.results.cases.find((k) => k.name === name);
      assert.ok(c, `no case ${name}`);
      return c;
    },
  };
}

export function assertClose(actual: number, expected: number, what: string, rel = 1e-9, abs = 1e-9 * Math.abs(expected) + 1e-12): void {
  assert.ok(
    Math.abs(actual - expected) <= rel * Math.abs(expected) + abs,
    `${what}: got ${actual}, expected ${expected} (diff ${actual - expected})`,
  );
}

/** The stations at x (two at a jump: before, after). */
export function stationsAt(m: MemberResult, x: number, tol = 1e-9): Station[] {
  return m.stations.filter((s) => Math.abs(s.x - x) <= tol);
}

/** The one station at x (throws when there is not exactly one). */
export function stationAt(m: MemberResult, x: number): Station {
  const s = stationsAt(m, x);
  assert.equal(s.length, 1, `expected one station at x=${x}, found ${s.length}`);
  return s[0];
}
