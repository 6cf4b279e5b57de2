// Report options: the preset, and a JSON configuration file (--config report.json) for what a
// firm sets once — title page fields, signatures, paper, units and decimals, sections. Every
// mistake in the file is reported with its JSON path, never ignored.
import type { QuantityKind } from './format';
import { DEFAULT_DECIMALS } from './format';

export type Preset = 'summary' | 'full' | 'checker';
export const PRESETS: readonly Preset[] = ['summary', 'full', 'checker'];

export type SectionKey = 'basis' | 'model' | 'loads' | 'equilibrium' | 'results' | 'checks' | 'diagnostics' | 'source';
export const SECTION_KEYS: readonly SectionKey[] = ['basis', 'model', 'loads', 'equilibrium', 'results', 'checks', 'diagnostics', 'source'];

export interface DisplayUnits {
  force: 'N' | 'kN' | 'MN';
  length: 'm' | 'mm';
  displacement: 'mm' | 'm';
}

export interface ReportConfig {
  title?: string;
  subtitle?: string;
  revision?: string;
  /** YYYY-MM-DD; printed on the cover and used as the PDF's dates. */
  date?: string;
  preset?: Preset;
  paper?: 'A4' | 'Letter';
  signatures?: { prepared?: string; checked?: string; approved?: string };
  units?: Partial<DisplayUnits>;
  decimals?: Partial<Record<QuantityKind, number>>;
  /** Sections to leave out (true keeps, false drops); the preset decides the rest. */
  sections?: Partial<Record<SectionKey, boolean>>;
  /** How many governing members per check kind get a detailed check (default 5; checker: all). */
  detailedChecks?: number;
  /** Remarks of the engineer, printed in the basis section. */
  notes?: string[];
}

export interface ResolvedOptions {
  preset: Preset;
  title?: string;
  subtitle?: string;
  revision: string;
  /** The report date, UTC midnight. */
  date: Date;
  paper: 'A4' | 'Letter';
  signatures: { prepared: string; checked: string; approved: string };
  units: DisplayUnits;
  decimals: Record<QuantityKind, number>;
  sections: Record<SectionKey, boolean>;
  detailedChecks: number;
  notes: string[];
}

export class ReportConfigError extends Error {}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function fail(where: string, path: string, what: string): never {
  throw new ReportConfigError(`${where}: ${path ? `"${path}" ` : ''}${what}`);
}

function expectString(v: unknown, where: string, path: string): string {
  if (typeof v !== 'string') fail(where, path, `must be a string (got ${JSON.stringify(v)})`);
  return v;
}

function expectOneOf<T extends string>(v: unknown, options: readonly T[], where: string, path: string): T {
  if (typeof v !== 'string' || !options.includes(v as T)) fail(where, path, `must be one of ${options.join(', ')} (got ${JSON.stringify(v)})`);
  return v as T;
}

function expectObject(v: unknown, keys: readonly string[], where: string, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(where, path, `must be an object (got ${JSON.stringify(v)})`);
  for (const k of Object.keys(v)) {
    if (!keys.includes(k)) fail(where, path ? `${path}.${k}` : k, `is not a known setting; known: ${keys.join(', ')}`);
  }
  return v as Record<string, unknown>;
}

/** Parses and checks a configuration file's text. `where` names the file in messages. */
export function parseConfig(text: string, where: string): ReportConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split('\n').length;
      const col = Number(pos[1]) - before.lastIndexOf('\n');
      fail(`${where}:${line}:${col}`, '', `is not valid JSON: ${msg.replace(/ in JSON at position \d+.*$/, '')}`);
    }
    fail(where, '', `is not valid JSON: ${msg}`);
  }
  const top = expectObject(raw, ['$schema', 'title', 'subtitle', 'revision', 'date', 'preset', 'paper', 'signatures', 'units', 'decimals', 'sections', 'detailedChecks', 'notes'], where, '');
  const out: ReportConfig = {};
  if (top.title !== undefined) out.title = expectString(top.title, where, 'title');
  if (top.subtitle !== undefined) out.subtitle = expectString(top.subtitle, where, 'subtitle');
  if (top.revision !== undefined) out.revision = expectString(top.revision, where, 'revision');
  if (top.date !== undefined) {
    const d = expectString(top.date, where, 'date');
    if (!parseDate(d)) fail(where, 'date', `must be a date YYYY-MM-DD (got ${JSON.stringify(d)})`);
    out.date = d;
  }
  if (top.preset !== undefined) out.preset = expectOneOf(top.preset, PRESETS, where, 'preset');
  if (top.paper !== undefined) out.paper = expectOneOf(top.paper, ['A4', 'Letter'] as const, where, 'paper');
  if (top.signatures !== undefined) {
    const s = expectObject(top.signatures, ['prepared', 'checked', 'approved'], where, 'signatures');
    out.signatures = {};
    for (const k of ['prepared', 'checked', 'approved'] as const) if (s[k] !== undefined) out.signatures[k] = expectString(s[k], where, `signatures.${k}`);
  }
  if (top.units !== undefined) {
    const u = expectObject(top.units, ['force', 'length', 'displacement'], where, 'units');
    out.units = {};
    if (u.force !== undefined) out.units.force = expectOneOf(u.force, ['N', 'kN', 'MN'] as const, where, 'units.force');
    if (u.length !== undefined) out.units.length = expectOneOf(u.length, ['m', 'mm'] as const, where, 'units.length');
    if (u.displacement !== undefined) out.units.displacement = expectOneOf(u.displacement, ['mm', 'm'] as const, where, 'units.displacement');
  }
  if (top.decimals !== undefined) {
    const kinds = Object.keys(DEFAULT_DECIMALS) as QuantityKind[];
    const d = expectObject(top.decimals, kinds, where, 'decimals');
    out.decimals = {};
    for (const k of kinds) {
      if (d[k] === undefined) continue;
      const v = d[k];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 6) fail(where, `decimals.${k}`, `must be a whole number from 0 to 6 (got ${JSON.stringify(v)})`);
      out.decimals[k] = v;
    }
  }
  if (top.sections !== undefined) {
    const s = expectObject(top.sections, SECTION_KEYS, where, 'sections');
    out.sections = {};
    for (const k of SECTION_KEYS) {
      if (s[k] === undefined) continue;
      if (typeof s[k] !== 'boolean') fail(where, `sections.${k}`, `must be true or false (got ${JSON.stringify(s[k])})`);
      out.sections[k] = s[k] as boolean;
    }
  }
  if (top.detailedChecks !== undefined) {
    const v = top.detailedChecks;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(where, 'detailedChecks', `must be a whole number ≥ 0 (got ${JSON.stringify(v)})`);
    out.detailedChecks = v;
  }
  if (top.notes !== undefined) {
    if (!Array.isArray(top.notes)) fail(where, 'notes', `must be a list of strings (got ${JSON.stringify(top.notes)})`);
    out.notes = top.notes.map((n, k) => expectString(n, where, `notes[${k}]`));
  }
  return out;
}

export function parseDate(text: string): Date | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? d : undefined;
}

/**
 * The report's date: the configuration's, else SOURCE_DATE_EPOCH (reproducible builds), else
 * today (UTC). Only the day is kept, so a report made twice on a day is the same file.
 */
export function reportDate(config: ReportConfig, env: Record<string, string | undefined>, now: () => Date = () => new Date()): Date {
  if (config.date) return parseDate(config.date)!;
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new ReportConfigError(`SOURCE_DATE_EPOCH must be a whole number of seconds (got ${JSON.stringify(epoch)})`);
    const d = new Date(Number(epoch) * 1000);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  }
  const d = now();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function resolveOptions(config: ReportConfig, preset: Preset | undefined, env: Record<string, string | undefined>, meta: Record<string, string>): ResolvedOptions {
  const p = preset ?? config.preset ?? 'summary';
  const sections = Object.fromEntries(SECTION_KEYS.map((k) => [k, k === 'source' ? p === 'checker' : true])) as Record<SectionKey, boolean>;
  Object.assign(sections, config.sections ?? {});
  return {
    preset: p,
    title: config.title,
    subtitle: config.subtitle,
    revision: config.revision ?? meta.revision ?? '0',
    date: reportDate(config, env),
    paper: config.paper ?? 'A4',
    signatures: {
      prepared: config.signatures?.prepared ?? meta.engineer ?? '',
      checked: config.signatures?.checked ?? meta.checker ?? '',
      approved: config.signatures?.approved ?? meta.approver ?? '',
    },
    units: { force: 'kN', length: 'm', displacement: 'mm', ...(config.units ?? {}) },
    decimals: { ...DEFAULT_DECIMALS, ...(config.decimals ?? {}) },
    sections,
    detailedChecks: config.detailedChecks ?? (p === 'checker' ? Number.MAX_SAFE_INTEGER : 5),
    notes: config.notes ?? [],
  };
}
