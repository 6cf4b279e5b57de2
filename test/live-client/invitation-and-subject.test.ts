// Invitations (round trip, and a clear error for each way a pasted one can be wrong) and the
// subject of a line ("who is editing this member or load case").
import assert from 'node:assert/strict';
import { formatInvitation, parseInvitation } from '../../extension/src/live/invitation';
import { subjectAt } from '../../extension/src/live/subject';

describe('live client: invitations and subjects', () => {
  it('round-trips an invitation inside the sentence it comes in', () => {
    const inv = { server: 'wss://live.example:443', room: 'acme/bridge-a', token: 'eyJ.a.b', role: 'viewer' as const, label: 'bridge.struct' };
    const text = formatInvitation(inv);
    assert.match(text, /as a viewer/);
    assert.deepEqual(parseInvitation(`Hi!\n${text}\nthanks`), inv);
  });

  it('says what is wrong with a bad invitation', () => {
    const code = (o: object) => `struktur-invite:${Buffer.from(JSON.stringify(o)).toString('base64url')}`;
    assert.throws(() => parseInvitation('hello'), /no invitation found/);
    assert.throws(() => parseInvitation('struktur-invite:!!!'), /no invitation found|damaged/);
    assert.throws(() => parseInvitation('struktur-invite:abc'), /damaged/);
    assert.throws(() => parseInvitation(code({ v: 2 })), /unknown version/);
    assert.throws(() => parseInvitation(code({ v: 1, server: 'http://x', room: 'r', token: 't' })), /ws:\/\//);
    assert.throws(() => parseInvitation(code({ v: 1, server: 'ws://x', room: '../r', token: 't' })), /room is invalid/);
    assert.throws(() => parseInvitation(code({ v: 1, server: 'ws://x', room: 'r', token: '' })), /no token/);
  });

  it('finds the member, node or load case a line belongs to', () => {
    const lines = ['units kN m', 'node N1 0 0 0', 'member B1 N1 N2 IPE300', 'load DEAD category=permanent', '  selfweight', '  uniform B1 Fz=-6kN/m', 'end', '', 'let span = 8m'];
    assert.deepEqual(subjectAt(lines, 1), { kind: 'node', name: 'N1' });
    assert.deepEqual(subjectAt(lines, 2), { kind: 'member', name: 'B1' });
    assert.deepEqual(subjectAt(lines, 3), { kind: 'load case', name: 'DEAD' });
    assert.deepEqual(subjectAt(lines, 5), { kind: 'load case', name: 'DEAD' });
    assert.deepEqual(subjectAt(lines, 6), { kind: 'load case', name: 'DEAD' });
    assert.equal(subjectAt(lines, 7), null);
    assert.equal(subjectAt(lines, 0), null);
    assert.deepEqual(subjectAt(lines, 8), { kind: 'let', name: 'span' });
    assert.equal(subjectAt(lines, 99), null);
  });
});
