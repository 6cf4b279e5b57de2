import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  deriveShapeProperties,
  describeSeries,
  designation,
  findGrade,
  findSection,
  gradeNames,
  sectionNames,
  sectionSeries,
  SHAPE_DIMENSIONS,
  type SectionProperties,
} from '../../language-server/src/language/catalog';
import {
  iSectionProperties,
  iTorsionConstantElDarwish,
  rectangleTorsionConstant,
} from '../../language-server/src/language/catalog/section-properties';
import { channelProperties, upnChannel } from '../../language-server/src/language/catalog/channel-geometry';

const CM2 = 1e-4;
const CM3 = 1e-6;
const CM4 = 1e-8;
const MM = 1e-3;
const MPA = 1e6;
const GPA = 1e9;

function near(actual: number | undefined, expected: number, tol: number, what: string): void {
  assert.ok(actual !== undefined && Number.isFinite(actual), `${what}: got ${actual}`);
  const rel = Math.abs(actual / expected - 1);
  assert.ok(rel <= tol, `${what}: ${actual} vs ${expected} (${(rel * 100).toFixed(3)} % > ${(tol * 100).toFixed(2)} %)`);
}

/** Published values in table units: cm², cm⁴, cm³, kg/m. */
interface Published {
  A?: number;
  Iy?: number;
  Iz?: number;
  It?: number;
  Wy?: number;
  Wz?: number;
  Wply?: number;
  Wplz?: number;
  Avz?: number;
  mass?: number;
}

/**
 * Tolerances per property. A, I, W, Wpl, Av: 1 % (the tables round to 3–4 figures). It: 1 %
 * for I-sections (the same formula as the ArcelorMittal tables) and hollow sections (the
 * EN 10210-2 formula); UPN It is the table value itself. Mass: 1 %.
 */
function checkPublished(name: string, pub: Published, tol: Partial<Record<keyof Published, number>> = {}): void {
  const s = findSection(name);
  assert.ok(s, `${name} is in the catalogue`);
  const p: SectionProperties = s.properties;
  const t = (k: keyof Published) => tol[k] ?? 0.01;
  if (pub.A !== undefined) near(p.A, pub.A * CM2, t('A'), `${name} A`);
  if (pub.Iy !== undefined) near(p.Iy, pub.Iy * CM4, t('Iy'), `${name} Iy`);
  if (pub.Iz !== undefined) near(p.Iz, pub.Iz * CM4, t('Iz'), `${name} Iz`);
  if (pub.It !== undefined) near(p.J, pub.It * CM4, t('It'), `${name} It`);
  if (pub.Wy !== undefined) near(p.Wy, pub.Wy * CM3, t('Wy'), `${name} Wel,y`);
  if (pub.Wz !== undefined) near(p.Wz, pub.Wz * CM3, t('Wz'), `${name} Wel,z`);
  if (pub.Wply !== undefined) near(p.Wply, pub.Wply * CM3, t('Wply'), `${name} Wpl,y`);
  if (pub.Wplz !== undefined) near(p.Wplz, pub.Wplz * CM3, t('Wplz'), `${name} Wpl,z`);
  if (pub.Avz !== undefined) near(p.Avz, pub.Avz * CM2, t('Avz'), `${name} Avz`);
  if (pub.mass !== undefined) near(p.mass, pub.mass, t('mass'), `${name} mass`);
}

describe('catalogue: rolled I and H sections against published tables', () => {
  // ArcelorMittal Europe, Sales programme — Commercial sections (EN 10365 dimensions), tables
  // IPE, HE A, HE B, HE M: A, Iy, Wel,y, Wpl,y, Iz, Wel,z, Wpl,z, It, Avz, G.
  const table: Record<string, Published> = {
    IPE80: { A: 7.64, Iy: 80.14, Iz: 8.49, It: 0.7, Wy: 20.03, Wply: 23.22, Wz: 3.69, Wplz: 5.82, Avz: 3.58, mass: 6.0 },
    IPE200: { A: 28.48, Iy: 1943, Iz: 142.4, It: 6.98, Wy: 194.3, Wply: 220.6, Wz: 28.47, Wplz: 44.61, Avz: 14.0, mass: 22.4 },
    IPE300: { A: 53.81, Iy: 8356, Iz: 603.8, It: 20.12, Wy: 557.1, Wply: 628.4, Wz: 80.5, Wplz: 125.2, Avz: 25.68, mass: 42.2 },
    IPE500: { A: 115.5, Iy: 48200, Iz: 2142, It: 89.29, Wy: 1928, Wply: 2194, Wz: 214.2, Wplz: 335.9, Avz: 59.87, mass: 90.7 },
    IPE600: { A: 156.0, Iy: 92080, Iz: 3387, It: 165.4, Wy: 3069, Wply: 3512, Wz: 307.9, Wplz: 485.6, Avz: 83.78, mass: 122 },
    HEA200: { A: 53.83, Iy: 3692, Iz: 1336, It: 20.98, Wy: 388.6, Wply: 429.5, Wz: 133.6, Wplz: 203.8, Avz: 18.08, mass: 42.3 },
    HEA300: { A: 112.5, Iy: 18260, Iz: 6310, It: 85.17, Wy: 1260, Wply: 1383, Wz: 420.6, Wplz: 641.2, Avz: 37.28, mass: 88.3 },
    HEA1000: { A: 346.8, Iy: 553800, Iz: 14000, It: 822.4, Wy: 11190, Wply: 12820, Wz: 933.6, Wplz: 1470, Avz: 184.6, mass: 272 },
    HEB200: { A: 78.08, Iy: 5696, Iz: 2003, It: 59.28, Wy: 569.6, Wply: 642.5, Wz: 200.3, Wplz: 305.8, Avz: 24.83, mass: 61.3 },
    HEB400: { A: 197.8, Iy: 57680, Iz: 10820, It: 355.7, Wy: 2884, Wply: 3232, Wz: 721.3, Wplz: 1104, Avz: 69.98, mass: 155 },
    HEB1000: { A: 400.0, Iy: 644700, Iz: 16280, It: 1254, Wy: 12890, Wply: 14860, Wz: 1085, Wplz: 1716, Avz: 212.5, mass: 314 },
    HEM200: { A: 131.3, Iy: 10640, Iz: 3651, It: 259.4, Wy: 967.4, Wply: 1135, Wz: 354.5, Wplz: 543.2, Avz: 41.03, mass: 103 },
  };
  for (const [name, pub] of Object.entries(table)) {
    it(`${name} matches the ArcelorMittal table`, () => checkPublished(name, pub));
  }

  it('the El Darwish–Johnston It reproduces the SCI P363 values', () => {
    // SCI P363 (Blue Book) / Tata Steel, European sections: IPE 300 19.9, HE 200 B 59.7,
    // HE 300 A 87.8 cm⁴ (3 figures) — a different formula from ArcelorMittal's.
    near(iTorsionConstantElDarwish(0.3, 0.15, 0.0071, 0.0107, 0.015), 19.9 * CM4, 0.005, 'IPE300');
    near(iTorsionConstantElDarwish(0.2, 0.2, 0.009, 0.015, 0.018), 59.7 * CM4, 0.005, 'HEB200');
    near(iTorsionConstantElDarwish(0.29, 0.3, 0.0085, 0.014, 0.027), 87.8 * CM4, 0.005, 'HEA300');
  });
});

describe('catalogue: UPN channels', () => {
  // ArcelorMittal Europe, Sales programme — UPN table: A (cm²), Iy, Iz (cm⁴), Wel,y, Wel,z (cm³).
  const table: Record<string, [number, number, number, number, number]> = {
    UPN80: [11.0, 106, 19.4, 26.5, 6.36],
    UPN100: [13.5, 206, 29.3, 41.2, 8.49],
    UPN120: [17.0, 364, 43.2, 60.7, 11.1],
    UPN140: [20.4, 605, 62.7, 86.4, 14.8],
    UPN160: [24.0, 925, 85.3, 116, 18.3],
    UPN180: [28.0, 1350, 114, 150, 22.4],
    UPN200: [32.2, 1910, 148, 191, 27.0],
    UPN220: [37.4, 2690, 197, 245, 33.6],
    UPN240: [42.3, 3600, 248, 300, 39.6],
    UPN260: [48.3, 4820, 317, 371, 47.7],
    UPN280: [53.3, 6280, 399, 448, 57.2],
    UPN300: [58.8, 8030, 495, 535, 67.8],
    UPN320: [75.8, 10870, 597, 679, 80.6],
    UPN350: [77.3, 12840, 570, 734, 75.0],
    UPN380: [80.4, 15760, 615, 829, 78.7],
    UPN400: [91.5, 20350, 846, 1020, 102],
  };

  it('covers UPN 80 to 400', () => {
    assert.deepEqual(sectionNames('UPN'), Object.keys(table));
  });

  it('derived A, Iy, Iz, Wel agree with the table within 1 % for every size', () => {
    for (const [name, [A, Iy, Iz, Wy, Wz]] of Object.entries(table)) checkPublished(name, { A, Iy, Iz, Wy, Wz });
  });

  it('UPN200: the full table row (Wpl 1 %, It is the table value, mass 1 %)', () => {
    checkPublished('UPN200', { A: 32.2, Iy: 1910, Iz: 148, It: 11.9, Wy: 191, Wz: 27.0, Wply: 228, Wplz: 51.8, mass: 25.3 });
    checkPublished('UPN300', { Wply: 632, Wplz: 130, It: 37.4, mass: 46.2 });
    checkPublished('UPN400', { Wply: 1240, Wplz: 190, It: 81.6, mass: 71.8 }, { Wplz: 0.015 });
  });

  it('places the centroid where the table does (UPN200: 2.01 cm from the web back)', () => {
    const c = channelProperties(upnChannel(0.2, 0.075, 0.0085, 0.0115, 0.0115, 0.006));
    near(c.ys, 0.0201, 0.01, 'ys');
  });

  it('Avz follows EN 1993-1-1 6.2.6(3)(b): A − 2b·tf + (tw + r1)·tf', () => {
    const s = findSection('UPN200')!;
    const { b, tf, tw, r } = s.dimensions as Required<typeof s.dimensions>;
    near(s.properties.Avz, s.properties.A - 2 * b * tf + (tw + r) * tf, 1e-12, 'Avz');
  });
});

describe('catalogue: hollow sections against published tables', () => {
  // EN 10210-2 hot-finished properties as tabulated in SCI P363 / Tata Steel Celsius 355
  // (3 significant figures; EN 10210-2 Table B gives CHS 168.3 × 8.0: I = 1297 cm⁴).
  it('CHS168_3x8', () =>
    checkPublished('CHS168_3x8', { A: 40.3, Iy: 1297, Iz: 1297, Wy: 154, Wply: 206, It: 2600, mass: 31.6 }));
  it('CHS114_3x6_3', () => checkPublished('CHS114_3x6_3', { A: 21.4, Iy: 313, Wy: 54.7, Wply: 73.6, It: 625, mass: 16.8 }));
  it('CHS508x16', () => checkPublished('CHS508x16', { A: 247, Iy: 74900, Wy: 2950, Wply: 3870, It: 150000, mass: 194 }));
  it('SHS100x5', () =>
    checkPublished('SHS100x5', { A: 18.7, Iy: 279, Iz: 279, Wy: 55.9, Wply: 66.4, It: 439, mass: 14.7 }));
  it('SHS200x8', () => checkPublished('SHS200x8', { A: 60.8, Iy: 3710, Wy: 371, Wply: 436, It: 5780, mass: 47.7 }));
  it('RHS200x100x8', () =>
    checkPublished('RHS200x100x8', {
      A: 44.8, Iy: 2230, Iz: 739, Wy: 223, Wz: 148, Wply: 282, Wplz: 172, It: 1800, mass: 35.1,
    }));
  it('RHS300x200x10', () =>
    checkPublished('RHS300x200x10', {
      A: 94.9, Iy: 11800, Iz: 6280, Wy: 788, Wz: 628, Wply: 956, Wplz: 721, It: 12900, mass: 74.5,
    }));
  it('RHS100x50x5', () =>
    checkPublished('RHS100x50x5', { A: 13.7, Iy: 167, Iz: 54.3, Wy: 33.3, Wz: 21.7, Wply: 42.6, Wplz: 25.8, It: 135, mass: 10.8 }));
});

describe('catalogue: contents and lookup', () => {
  it('has the full rolled series and at least 40 CHS, 30 RHS, 30 SHS', () => {
    assert.deepEqual(sectionSeries(), ['IPE', 'HEA', 'HEB', 'HEM', 'UPN', 'CHS', 'RHS', 'SHS']);
    assert.equal(sectionNames('IPE').length, 18);
    for (const s of ['HEA', 'HEB', 'HEM']) {
      const names = sectionNames(s);
      assert.equal(names.length, 24, s);
      assert.equal(names[0], `${s}100`);
      assert.equal(names[names.length - 1], `${s}1000`);
    }
    assert.equal(sectionNames('IPE')[0], 'IPE80');
    assert.equal(sectionNames('IPE').at(-1), 'IPE600');
    assert.ok(sectionNames('CHS').length >= 40);
    assert.ok(sectionNames('RHS').length >= 30);
    assert.ok(sectionNames('SHS').length >= 30);
    assert.equal(sectionNames('CHS')[0], 'CHS21_3x2_3');
    assert.equal(sectionNames('CHS').at(-1), 'CHS508x17_5');
    assert.equal(describeSeries('heb'), 'European wide-flange beams (HE B), EN 10365');
  });

  it('every designation is a unique identifier that finds its own section', () => {
    const names = sectionNames();
    assert.equal(new Set(names).size, names.length);
    for (const n of names) {
      assert.match(n, /^[A-Za-z_][A-Za-z0-9_]*$/);
      assert.equal(findSection(n)?.name, n);
    }
  });

  it('every section has consistent, positive properties', () => {
    for (const n of sectionNames()) {
      const s = findSection(n)!;
      const p = s.properties;
      for (const [k, v] of Object.entries(p)) assert.ok(Number.isFinite(v) && v > 0, `${n} ${k} = ${v}`);
      assert.ok(p.Iy >= p.Iz * (1 - 1e-12), `${n}: Iy is the strong axis`);
      assert.ok(p.Wply! > p.Wy && p.Wplz! > p.Wz, `${n}: Wpl > Wel`);
      near(p.mass, 7850 * p.A, 1e-12, `${n} mass`);
      assert.ok(p.J > 0 && p.J <= (p.Iy + p.Iz) * (1 + 1e-12), `${n}: J below the polar moment`);
    }
  });

  it('builds hollow-section names from the sizes, `_` for the decimal point', () => {
    assert.equal(designation('CHS', [168.3, 8.0]), 'CHS168_3x8');
    assert.equal(designation('RHS', [120, 80, 6.3]), 'RHS120x80x6_3');
    assert.equal(designation('SHS', [100, 5]), 'SHS100x5');
    const s = findSection('RHS120x80x6_3')!;
    assert.deepEqual(
      [s.dimensions.h, s.dimensions.b, s.dimensions.t, s.dimensions.r].map((v) => Math.round(v! / MM * 100) / 100),
      [120, 80, 6.3, 9.45],
    );
  });

  it('accepts the usual written forms', () => {
    const cases: [string, string][] = [
      ['CHS 168.3x8', 'CHS168_3x8'],
      ['CHS168.3x8.0', 'CHS168_3x8'],
      ['chs168_3X8', 'CHS168_3x8'],
      ['CHS 168.3 × 8', 'CHS168_3x8'],
      ['HE 200 B', 'HEB200'],
      ['HE200A', 'HEA200'],
      ['HE-B 200', 'HEB200'],
      ['hem1000', 'HEM1000'],
      ['IPE 300', 'IPE300'],
      ['SHS100x100x5', 'SHS100x5'],
      ['SHS 150x6.3', 'SHS150x6_3'],
      ['RHS 200x100x8.0', 'RHS200x100x8'],
      ['UPN 200', 'UPN200'],
    ];
    for (const [text, name] of cases) assert.equal(findSection(text)?.name, name, text);
    for (const text of ['IPE301', 'CHS168_3x9', 'SHS100x80x5', 'HEC200', '', 'x']) assert.equal(findSection(text), undefined, text);
  });

  it('returns frozen sections', () => {
    const s = findSection('IPE300')!;
    assert.ok(Object.isFrozen(s) && Object.isFrozen(s.properties) && Object.isFrozen(s.dimensions));
  });

  it('imports nothing outside the language layer', () => {
    const dir = path.resolve(__dirname, '../../language-server/src/language/catalog');
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of src.matchAll(/from\s+'([^']+)'/g)) {
        assert.ok(m[1].startsWith('./'), `${f} imports ${m[1]}`);
      }
    }
  });
});

describe('catalogue: grades', () => {
  it('S355: EN 10025-2, fy 355 MPa, fu 470 MPa, E 210 GPa, G 80.77 GPa', () => {
    const g = findGrade('S355')!;
    assert.equal(g.kind, 'steel');
    assert.equal(g.standard, 'EN 10025-2');
    assert.equal(g.fy, 355 * MPA);
    assert.equal(g.fu, 470 * MPA);
    assert.equal(g.E, 210 * GPA);
    assert.equal(g.nu, 0.3);
    near(g.G, 80.77 * GPA, 1e-4, 'G');
    assert.equal(g.density, 7850);
    assert.equal(g.weight, 78.5e3);
  });

  it('all steel grades with fy (t ≤ 16 mm) and fu', () => {
    const expected: Record<string, [number, number]> = {
      S235: [235, 360], S275: [275, 410], S355: [355, 470], S420: [420, 520], S450: [450, 550], S460: [460, 540],
    };
    for (const [name, [fy, fu]] of Object.entries(expected)) {
      const g = findGrade(name)!;
      assert.deepEqual([g.fy, g.fu], [fy * MPA, fu * MPA], name);
    }
    assert.equal(findGrade('S420')!.standard, 'EN 10025-4');
  });

  it('C30/37: fck 30 MPa, Ecm 33 GPa, fctm 2.9 MPa, G 13.75 GPa', () => {
    const g = findGrade('C30/37')!;
    assert.equal(g.kind, 'concrete');
    assert.equal(g.fck, 30 * MPA);
    assert.equal(g.E, 33 * GPA);
    assert.equal(g.fctm, 2.9 * MPA);
    assert.equal(g.nu, 0.2);
    near(g.G, 13.75 * GPA, 1e-12, 'G');
    assert.equal(g.density, 2500);
    assert.equal(g.weight, 25e3);
  });

  it('Ecm and fctm are the EN 1992-1-1 Table 3.1 formulas, rounded as in the table', () => {
    const concrete = gradeNames().filter((n) => n.startsWith('C'));
    assert.equal(concrete.length, 14);
    assert.equal(concrete[0], 'C12/15');
    assert.equal(concrete.at(-1), 'C90/105');
    for (const n of concrete) {
      const g = findGrade(n)!;
      const fck = g.fck! / MPA;
      const fcm = fck + 8;
      assert.equal(g.E / GPA, Math.round(22 * (fcm / 10) ** 0.3), `${n} Ecm`);
      const fctm = fck <= 50 ? 0.3 * fck ** (2 / 3) : 2.12 * Math.log(1 + fcm / 10);
      assert.equal(Math.round((g.fctm! / MPA) * 10), Math.round(fctm * 10), `${n} fctm`);
    }
  });

  it('accepts C30_37, C30 and quality suffixes; rejects unknown grades', () => {
    assert.equal(findGrade('C30_37')?.name, 'C30/37');
    assert.equal(findGrade('C30')?.name, 'C30/37');
    assert.equal(findGrade('C90')?.name, 'C90/105');
    assert.equal(findGrade('c25/30')?.name, 'C25/30');
    assert.equal(findGrade('S355J2')?.name, 'S355');
    assert.equal(findGrade('S420M')?.name, 'S420');
    assert.equal(findGrade('s235jr')?.name, 'S235');
    for (const n of ['S300', 'C31', 'C30/35', 'C30/37/45', 'steel', '']) assert.equal(findGrade(n), undefined, n);
    assert.deepEqual(gradeNames().slice(0, 6), ['S235', 'S275', 'S355', 'S420', 'S450', 'S460']);
  });
});

describe('catalogue: shape= sections against closed forms', () => {
  it('rect b=300 h=500', () => {
    const r = deriveShapeProperties('rect', { b: 0.3, h: 0.5 });
    assert.ok(r.ok);
    const p = r.properties;
    near(p.A, 0.15, 1e-12, 'A');
    near(p.Iy, (0.3 * 0.5 ** 3) / 12, 1e-12, 'Iy'); // 3.125e-3 m⁴
    near(p.Iy, 3.125e-3, 1e-12, 'Iy');
    near(p.Iz, 1.125e-3, 1e-12, 'Iz'); // 0.5·0.3³/12
    near(p.Wy, 0.0125, 1e-12, 'Wy'); // 0.3·0.5²/6
    near(p.Wz, 0.0075, 1e-12, 'Wz'); // 0.5·0.3²/6
    near(p.Wply, 0.01875, 1e-12, 'Wply'); // 0.3·0.5²/4
    near(p.Wplz, 0.01125, 1e-12, 'Wplz'); // 0.5·0.3²/4
    near(p.Avy, 0.125, 1e-12, 'Avy'); // 5/6·A
    near(p.Avz, 0.125, 1e-12, 'Avz');
    // Roark's approximation a·b³(1/3 − 0.21(b/a)(1 − b⁴/12a⁴)) with a = 0.5, b = 0.3.
    const roark = 0.5 * 0.3 ** 3 * (1 / 3 - 0.21 * 0.6 * (1 - 0.6 ** 4 / 12));
    near(p.J, roark, 0.002, 'J (Roark)');
  });

  it('rectangle torsion constant follows the Saint-Venant table k·a·b³', () => {
    // Timoshenko & Goodier, Theory of Elasticity, §109: k1 for a/b = 1, 1.5, 2, 3, 5, 10.
    const k1: [number, number][] = [[1, 0.1406], [1.5, 0.196], [2, 0.229], [3, 0.263], [5, 0.291], [10, 0.312]];
    for (const [ratio, k] of k1) near(rectangleTorsionConstant(0.1, 0.1 * ratio), k * 0.1 * ratio * 0.1 ** 3, 0.003, `a/b = ${ratio}`);
    // Same either way round.
    assert.equal(rectangleTorsionConstant(0.2, 0.1), rectangleTorsionConstant(0.1, 0.2));
  });

  it('pipe d=168.3 t=8', () => {
    const r = deriveShapeProperties('pipe', { d: 0.1683, t: 0.008 });
    assert.ok(r.ok);
    const p = r.properties;
    const di = 0.1683 - 0.016;
    near(p.A, Math.PI * 0.008 * (0.1683 - 0.008), 1e-12, 'A'); // π·t·(d − t)
    near(p.Iy, (Math.PI * (0.1683 ** 4 - di ** 4)) / 64, 1e-12, 'I');
    near(p.Iy, 1297.27 * CM4, 1e-5, 'I (cm⁴)');
    near(p.J, 2 * p.Iy, 1e-12, 'J = 2I');
    near(p.Wy, p.Iy / (0.1683 / 2), 1e-12, 'W');
    near(p.Wply, (0.1683 ** 3 - di ** 3) / 6, 1e-12, 'Wpl');
    near(p.Avz, (2 * p.A) / Math.PI, 1e-12, 'Av = 2A/π');
    assert.equal(p.Iz, p.Iy);
  });

  it('pipe with t = d/2 is a solid round bar', () => {
    const r = deriveShapeProperties('pipe', { d: 0.02, t: 0.01 });
    assert.ok(r.ok);
    near(r.properties.A, Math.PI * 1e-4, 1e-12, 'A');
    near(r.properties.Iy, (Math.PI * 0.02 ** 4) / 64, 1e-12, 'I');
    near(r.properties.J, (Math.PI * 0.02 ** 4) / 32, 1e-12, 'J');
    near(r.properties.Wply, 0.02 ** 3 / 6, 1e-12, 'Wpl');
  });

  it('box h=200 b=100 t=10, sharp corners', () => {
    const r = deriveShapeProperties('box', { h: 0.2, b: 0.1, t: 0.01 });
    assert.ok(r.ok);
    const p = r.properties;
    near(p.A, 0.0056, 1e-12, 'A'); // 0.2·0.1 − 0.18·0.08
    near(p.Iy, (0.1 * 0.2 ** 3 - 0.08 * 0.18 ** 3) / 12, 1e-12, 'Iy'); // 2.7787e-5
    near(p.Iy, 2.77867e-5, 1e-5, 'Iy');
    near(p.Iz, (0.2 * 0.1 ** 3 - 0.18 * 0.08 ** 3) / 12, 1e-12, 'Iz'); // 8.9867e-6
    near(p.Wy, p.Iy / 0.1, 1e-12, 'Wy');
    near(p.Wz, p.Iz / 0.05, 1e-12, 'Wz');
    near(p.Wply, (0.1 * 0.2 ** 2 - 0.08 * 0.18 ** 2) / 4, 1e-12, 'Wply'); // 3.52e-4
    near(p.Wplz, (0.2 * 0.1 ** 2 - 0.18 * 0.08 ** 2) / 4, 1e-12, 'Wplz');
    // Bredt on the mid-line: Am = 0.19·0.09, pm = 2(0.19 + 0.09); plus pm·t³/3.
    near(p.J, (4 * 0.0171 ** 2 * 0.01) / 0.56 + (0.56 * 0.01 ** 3) / 3, 1e-12, 'J');
    near(p.J, 2.10731e-5, 1e-5, 'J');
    near(p.Avz, (0.0056 * 0.2) / 0.3, 1e-12, 'Avz = A·h/(b+h)');
  });

  it('i, welded (r = 0): h=400 b=200 tw=10 tf=20', () => {
    const r = deriveShapeProperties('i', { h: 0.4, b: 0.2, tw: 0.01, tf: 0.02 });
    assert.ok(r.ok);
    const p = r.properties;
    near(p.A, 0.0116, 1e-12, 'A'); // 2·0.2·0.02 + 0.36·0.01
    near(p.Iy, (0.2 * 0.4 ** 3 - 0.19 * 0.36 ** 3) / 12, 1e-12, 'Iy'); // 3.27947e-4
    near(p.Iz, (2 * 0.02 * 0.2 ** 3 + 0.36 * 0.01 ** 3) / 12, 1e-12, 'Iz'); // 2.6697e-5
    near(p.Wy, p.Iy / 0.2, 1e-12, 'Wy');
    near(p.Wply, 0.2 * 0.02 * 0.38 + (0.01 * 0.36 ** 2) / 4, 1e-12, 'Wply'); // 1.844e-3
    near(p.Wplz, (0.2 ** 2 * 0.02) / 2 + (0.36 * 0.01 ** 2) / 4, 1e-12, 'Wplz'); // 4.09e-4
    near(p.Avz, 0.01 * (0.4 - 0.02), 1e-12, 'Avz = tw(h − tf)');
    near(p.Avy, 2 * 0.2 * 0.02, 1e-12, 'Avy = 2b·tf');
    // Plates: 2/3(b − 0.63tf)tf³ + (h − 2tf)tw³/3, plus the junction term (tw/tf)·0.145·D⁴ twice.
    const D = (0.005 ** 2 + 0.02 ** 2) / 0.02;
    const J = (2 / 3) * (0.2 - 0.63 * 0.02) * 0.02 ** 3 + (0.36 * 0.01 ** 3) / 3 + 2 * 0.5 * 0.145 * D ** 4;
    near(p.J, J, 1e-12, 'J');
  });

  it('i with a root radius gives the rolled section', () => {
    const r = deriveShapeProperties('i', { h: 0.3, b: 0.15, tw: 0.0071, tf: 0.0107, r: 0.015 });
    assert.ok(r.ok);
    const s = findSection('IPE300')!.properties;
    for (const k of ['A', 'Iy', 'Iz', 'J', 'Wy', 'Wz', 'Wply', 'Wplz', 'Avy', 'Avz'] as const) near(r.properties[k], s[k]!, 1e-12, k);
    near(r.properties.A, 53.81 * CM2, 0.001, 'A');
    // The fillets: A = 2b·tf + (h − 2tf)·tw + (4 − π)r².
    near(r.properties.A, 2 * 0.15 * 0.0107 + (0.3 - 0.0214) * 0.0071 + (4 - Math.PI) * 0.015 ** 2, 1e-12, 'A formula');
    assert.equal(iSectionProperties(0.3, 0.15, 0.0071, 0.0107).A, 2 * 0.15 * 0.0107 + (0.3 - 0.0214) * 0.0071);
  });

  it('reports missing, unused and inconsistent dimensions', () => {
    const fail = (r: ReturnType<typeof deriveShapeProperties>) => {
      assert.ok(!r.ok);
      return r;
    };
    const noT = fail(deriveShapeProperties('pipe', { d: 0.1 }));
    assert.equal(noT.message, 'shape=pipe needs d and t');
    assert.deepEqual(noT.missing, ['t']);
    assert.deepEqual(fail(deriveShapeProperties('i', { h: 0.3 })).missing, ['b', 'tw', 'tf']);
    assert.equal(fail(deriveShapeProperties('i', { h: 0.3 })).message, 'shape=i needs h, b, tw and tf');
    assert.equal(fail(deriveShapeProperties('rect', {})).message, 'shape=rect needs b and h');
    assert.equal(fail(deriveShapeProperties('pipe', { d: 0.02, t: 0.012 })).message, 't (12 mm) must not exceed d/2 (10 mm)');
    assert.equal(fail(deriveShapeProperties('box', { h: 0.2, b: 0.1, t: 0.05 })).message, 't (50 mm) must be less than b/2 (50 mm)');
    assert.equal(fail(deriveShapeProperties('i', { h: 0.04, b: 0.2, tw: 0.01, tf: 0.02 })).message, '2·tf (40 mm) must be less than h (40 mm)');
    assert.equal(
      fail(deriveShapeProperties('i', { h: 0.3, b: 0.05, tw: 0.01, tf: 0.02, r: 0.03 })).message,
      'tw + 2·r (70 mm) must not exceed b (50 mm)',
    );
    assert.equal(fail(deriveShapeProperties('rect', { b: 0.3, h: 0.5, t: 0.01 })).message, 'shape=rect takes b and h, not t');
    assert.equal(fail(deriveShapeProperties('rect', { b: -0.3, h: 0.5 })).message, 'b must be positive');
    assert.equal(fail(deriveShapeProperties('rect', { b: Number.NaN, h: 0.5 })).message, 'b must be a finite length');
    assert.equal(
      fail(deriveShapeProperties('oval' as 'rect', { b: 0.3, h: 0.5 })).message,
      "unknown shape 'oval'; expected rect, pipe, box or i",
    );
    assert.deepEqual(SHAPE_DIMENSIONS.i, { required: ['h', 'b', 'tw', 'tf'], optional: ['r'] });
  });
});
