// The report configuration file: every mistake named with its JSON path; presets and dates.
import { strict as assert } from 'node:assert';
import { parseConfig, reportDate, resolveOptions, ReportConfigError } from '../../language-server/src/report/options';
import { fixed, Formatter, DEFAULT_DECIMALS } from '../../language-server/src/report/format';

const bad = (text: string, message: RegExp) => assert.throws(() => parseConfig(text, 'report.json'), (e: Error) => e instanceof ReportConfigError && message.test(e.message), text);

describe('report options and configuration', () => {
  it('reads a complete configuration', () => {
    const c = parseConfig(JSON.stringify({
      title: 'T', revision: 'C', date: '2024-02-29', preset: 'full', paper: 'Letter', signatures: { prepared: 'A', checked: 'B' },
      units: { force: 'MN', displacement: 'm' }, decimals: { force: 3 }, sections: { loads: false }, detailedChecks: 2, notes: ['n'],
    }), 'report.json');
    const o = resolveOptions(c, undefined, {}, { engineer: 'E' });
    assert.equal(o.preset, 'full');
    assert.equal(o.paper, 'Letter');
    assert.equal(o.date.toISOString(), '2024-02-29T00:00:00.000Z');
    assert.deepEqual(o.signatures, { prepared: 'A', checked: 'B', approved: '' });
    assert.equal(o.units.force, 'MN');
    assert.equal(o.decimals.force, 3);
    assert.equal(o.decimals.moment, DEFAULT_DECIMALS.moment);
    assert.equal(o.sections.loads, false);
    assert.equal(o.sections.source, false);
    assert.equal(resolveOptions(c, 'checker', {}, {}).sections.source, true, 'the --preset flag wins over the file');
  });

  it('names every mistake with its path', () => {
    bad('{"preset": "everything"}', /"preset" must be one of summary, full, checker \(got "everything"\)/);
    bad('{"units": {"force": "kip"}}', /"units.force" must be one of N, kN, MN/);
    bad('{"decimals": {"force": 9}}', /"decimals.force" must be a whole number from 0 to 6/);
    bad('{"sections": {"loads": "no"}}', /"sections.loads" must be true or false/);
    bad('{"colour": "red"}', /"colour" is not a known setting/);
    bad('{"signatures": {"drawn": "x"}}', /"signatures.drawn" is not a known setting/);
    bad('{"date": "2024-02-30"}', /"date" must be a date YYYY-MM-DD/);
    bad('{"notes": [1]}', /"notes\[0\]" must be a string/);
    bad('[]', /must be an object/);
    bad('{\n  "title": "x",\n  oops\n}', /report.json:3:\d+: is not valid JSON/);
  });

  it('dates: the configuration, else SOURCE_DATE_EPOCH, else today (the day only)', () => {
    assert.equal(reportDate({ date: '2020-01-02' }, { SOURCE_DATE_EPOCH: '1714521600' }).toISOString(), '2020-01-02T00:00:00.000Z');
    assert.equal(reportDate({}, { SOURCE_DATE_EPOCH: '1714565000' }).toISOString(), '2024-05-01T00:00:00.000Z');
    assert.equal(reportDate({}, {}, () => new Date('2025-03-04T17:18:19Z')).toISOString(), '2025-03-04T00:00:00.000Z');
    assert.throws(() => reportDate({}, { SOURCE_DATE_EPOCH: 'yesterday' }), /SOURCE_DATE_EPOCH must be a whole number/);
  });

  it('formats numbers with fixed decimals, a real minus and no negative zero', () => {
    assert.equal(fixed(-0.0001, 2), '0.00');
    assert.equal(fixed(-1.5, 2), '−1.50');
    assert.equal(fixed(1234.5678, 1), '1234.6');
    const f = new Formatter({ force: 'kN', length: 'm', displacement: 'mm' }, DEFAULT_DECIMALS);
    assert.equal(f.q('moment', -12345), '−12.35 kN·m');
    assert.equal(f.q('stress', 355e6), '355.0 MPa');
    assert.equal(f.q('inertia', 8356e-8), '8356.0 cm⁴');
    assert.equal(f.q('displacement', 0.0123), '12.30 mm');
  });
});
