// Participants' selections in the 3D view: what presence carries (and what of a peer's presence
// is trusted), the hub between the live side and the 3D panels (keyed by model, firing only for
// models whose selections changed), and the link that maps shared files to this window's URIs —
// the last against the in-process server with real clients, as a participant joins, selects,
// moves to another model and leaves.
import assert from 'node:assert/strict';
import { LiveClient, readModel3dSelection, type Model3dElement, type Participant } from '../../live/src/client';
import { linkModel3d, remoteSelections, FALLBACK_COLOUR, type Model3dSessionPort } from '../../extension/src/live/model3d-link';
import type { Model3dSelection } from '../../extension/src/live/session';
import { MAX_ELEMENTS_PER_PARTICIPANT, ParticipantSelections } from '../../extension/src/panels/participant-selections';
import { TestServer, testToken } from './support/test-server';
import { waitFor } from './support/wait';

const B1: Model3dElement = { kind: 'member', name: 'B1' };
const N1: Model3dElement = { kind: 'node', name: 'N1' };

function participant(clientId: number, name: string, color: string, more: Partial<Participant> = {}): Participant {
  return { clientId, self: false, user: { id: name.toLowerCase(), name, color }, ...more };
}

describe('3D selections of live participants', () => {
  describe('presence', () => {
    it('reads a peer\'s 3D selection with its model file, keeping kinds (a node and a member may share a name)', () => {
      const s = readModel3dSelection({ model3dFile: 'main.struct', model3dSelection: [B1, { kind: 'node', name: 'B1' }, B1] });
      assert.deepEqual(s, { file: 'main.struct', elements: [B1, { kind: 'node', name: 'B1' }] });
    });

    it('drops what a peer could send wrong: no file, no list, bad kinds and names, too many', () => {
      assert.equal(readModel3dSelection({ model3dSelection: [B1] }), undefined);
      assert.equal(readModel3dSelection({ model3dFile: null, model3dSelection: [B1] }), undefined);
      assert.equal(readModel3dSelection({ model3dFile: 'm.struct', model3dSelection: 'B1' as never }), undefined);
      assert.equal(readModel3dSelection({ model3dFile: 'm.struct', model3dSelection: [] }), undefined);
      const junk = [null, 7, 'B1', { kind: 'load', name: 'L' }, { kind: 'member' }, { kind: 'member', name: '' }, { kind: 'node', name: 'x'.repeat(201) }, { kind: 'node', name: 42 }, N1];
      assert.deepEqual(readModel3dSelection({ model3dFile: 'm.struct', model3dSelection: junk as never })?.elements, [N1]);
      const many = Array.from({ length: 2000 }, (_, k) => ({ kind: 'member' as const, name: `M${k}` }));
      assert.equal(readModel3dSelection({ model3dFile: 'm.struct', model3dSelection: many })?.elements.length, 500);
    });
  });

  describe('the hub', () => {
    it('keeps remote selections per model, fires only for the models that changed, and clears', () => {
      const hub = new ParticipantSelections();
      const fired: string[][] = [];
      hub.onDidChangeRemote((m) => fired.push(m));
      const ada = { id: '1', name: 'Ada', colour: '#ff0000', elements: [B1] };
      const bob = { id: '2', name: 'Bob', colour: '#00ff00', elements: [N1] };
      hub.setRemote([{ file: 'file:///a.struct', selection: bob }, { file: 'file:///a.struct', selection: ada }, { file: 'file:///b.struct', selection: { ...ada, id: '3' } }]);
      assert.deepEqual(fired, [['file:///a.struct', 'file:///b.struct']]);
      assert.deepEqual(hub.remoteOf('file:///a.struct').map((s) => s.name), ['Ada', 'Bob'], 'sorted by name');
      // The same set in another order: nothing fires (presence updates ~10/s would repost otherwise).
      hub.setRemote([{ file: 'file:///b.struct', selection: { ...ada, id: '3' } }, { file: 'file:///a.struct', selection: ada }, { file: 'file:///a.struct', selection: bob }]);
      assert.equal(fired.length, 1);
      // Bob leaves: only a.struct changes.
      hub.setRemote([{ file: 'file:///a.struct', selection: ada }, { file: 'file:///b.struct', selection: { ...ada, id: '3' } }]);
      assert.deepEqual(fired[1], ['file:///a.struct']);
      assert.deepEqual(hub.remoteOf('file:///a.struct').map((s) => s.name), ['Ada']);
      // An empty selection is no selection.
      hub.setRemote([{ file: 'file:///a.struct', selection: { ...ada, elements: [] } }]);
      assert.deepEqual(fired[2], ['file:///a.struct', 'file:///b.struct']);
      assert.deepEqual(hub.remoteOf('file:///a.struct'), []);
      assert.deepEqual(hub.remoteOf('file:///b.struct'), []);
    });

    it('compares model URIs canonically, and caps what one participant can make it hold', () => {
      const hub = new ParticipantSelections((u) => u.replace('%3A', ':').toLowerCase());
      const many = Array.from({ length: 3000 }, (_, k) => ({ kind: 'node' as const, name: `N${k}` }));
      hub.setRemote([{ file: 'file:///C%3A/m.struct', selection: { id: '1', name: 'Ada', colour: '#ff0000', elements: many } }]);
      assert.equal(hub.remoteOf('file:///c:/m.struct')[0].elements.length, MAX_ELEMENTS_PER_PARTICIPANT);
      const throwing = new ParticipantSelections(() => {
        throw new Error('not a URI');
      });
      assert.equal(throwing.canonical('%%'), '%%', 'an unparsable URI is compared as written');
    });

    it('publishes our selection of the view we last selected in, and clears it when that view closes', () => {
      const hub = new ParticipantSelections();
      const seen: unknown[] = [];
      hub.onDidChangeLocal((l) => seen.push(l));
      hub.setLocal('file:///a.struct', [B1]);
      hub.setLocal('file:///a.struct', [B1]);
      assert.deepEqual(seen, [{ model: 'file:///a.struct', elements: [B1] }], 'an unchanged selection does not fire');
      hub.setLocal('file:///b.struct', [N1]);
      assert.deepEqual(hub.local, { model: 'file:///b.struct', elements: [N1] });
      hub.clearLocal('file:///b.struct');
      assert.deepEqual(hub.local, { model: 'file:///a.struct', elements: [B1] }, 'back to the other open view');
      hub.clearLocal('file:///a.struct');
      assert.equal(hub.local, undefined);
      assert.equal(seen.length, 4);
      hub.clearLocal('file:///a.struct');
      assert.equal(seen.length, 4, 'clearing a closed view again fires nothing');
    });
  });

  describe('the link', () => {
    it('maps shared files to this window\'s URIs and leaves out files it does not have', () => {
      const sel = (p: Participant, file: string, elements: Model3dElement[]): Model3dSelection => ({ participant: p, file, elements });
      const out = remoteSelections([
        sel(participant(7, 'Ada', '#3366CC'), 'main.struct', [B1]),
        sel(participant(8, 'Bob', 'red'), 'lib/a.struct', [N1]),
        sel(participant(9, '  ', '#00ff00'), 'main.struct', [N1]),
        sel(participant(10, 'Eve', '#00ff00'), 'elsewhere.struct', [N1]),
      ], (rel) => ({ 'main.struct': 'struktur-live://s1/main.struct', 'lib/a.struct': 'struktur-live://s1/lib/a.struct' } as Record<string, string>)[rel]);
      assert.deepEqual(out, [
        { file: 'struktur-live://s1/main.struct', selection: { id: '7', name: 'Ada', colour: '#3366cc', elements: [B1] } },
        { file: 'struktur-live://s1/lib/a.struct', selection: { id: '8', name: 'Bob', colour: FALLBACK_COLOUR, elements: [N1] } },
        { file: 'struktur-live://s1/main.struct', selection: { id: '9', name: 'Participant', colour: '#00ff00', elements: [N1] } },
      ]);
    });

    describe('between two real clients', function () {
      this.timeout(20000);
      let server: TestServer;
      const clients: LiveClient[] = [];
      const client = (name: string) => {
        const c = new LiveClient({ serverUrl: server.url, room: 'r3d', token: testToken({ room: 'r3d', role: 'editor', name }) });
        clients.push(c);
        return c;
      };
      beforeEach(async () => {
        server = await new TestServer().start();
      });
      afterEach(async () => {
        for (const c of clients.splice(0)) c.destroy();
        await server.stop();
      });

      /** A LiveSession's 3D side over a real client (LiveSession itself needs VS Code). */
      function sessionOver(c: LiveClient, files: Record<string, string>): Model3dSessionPort & { published: number } {
        const selections = () => c.participants().flatMap((p) => {
          const s = p.self ? undefined : readModel3dSelection(p);
          return s ? [{ participant: p, ...s }] : [];
        });
        const port = {
          files: new Map(Object.entries(files)),
          published: 0,
          onDidChangeModel3dSelections: (l: (s: Model3dSelection[]) => void) => ({ dispose: c.on('participants', () => l(selections())) }),
          // As LiveSession's: participants, connection state.
          onDidChange: (l: () => void) => {
            const offs = [c.on('participants', () => l()), c.on('state', () => l())];
            return { dispose: () => offs.forEach((off) => off()) };
          },
          model3dSelections: selections,
          setModel3dSelection(file: string | null, elements: Model3dElement[]) {
            port.published++;
            c.setPresence({ model3dFile: elements.length ? file : null, model3dSelection: file ? elements : [] });
          },
        };
        return port;
      }

      it('shows a guest\'s selection in the host\'s view of that model only, follows it, and clears it when the guest leaves', async () => {
        const host = client('Hannah');
        await host.connect();
        const guest = client('Gina');
        await guest.connect();
        // The host's files are on disk; the guest's are struktur-live: copies of the same paths.
        const hostHub = new ParticipantSelections();
        const guestHub = new ParticipantSelections();
        const hostLink = linkModel3d(sessionOver(host, { 'main.struct': 'file:///home/h/main.struct', 'lib/a.struct': 'file:///home/h/lib/a.struct' }), hostHub);
        const guestSession = sessionOver(guest, { 'main.struct': 'struktur-live://g1/main.struct', 'lib/a.struct': 'struktur-live://g1/lib/a.struct' });
        const guestLink = linkModel3d(guestSession, guestHub);
        const changes: string[][] = [];
        hostHub.onDidChangeRemote((m) => changes.push(m));

        // Gina clicks B1 in her 3D view of main.struct.
        guestHub.setLocal('struktur-live://g1/main.struct', [B1]);
        const shown = await waitFor('Gina\'s selection at the host', () => hostHub.remoteOf('file:///home/h/main.struct')[0]);
        assert.deepEqual({ ...shown, id: 'x' }, { id: 'x', name: 'Gina', colour: '#3366cc', elements: [B1] });
        assert.deepEqual(hostHub.remoteOf('file:///home/h/lib/a.struct'), [], 'not in the view of another model');
        // A selection in a view of a model that is not shared is not published.
        guestHub.setLocal('file:///home/g/private.struct', [N1]);
        await waitFor('Gina\'s selection gone', () => hostHub.remoteOf('file:///home/h/main.struct').length === 0);
        // She moves to the other model and selects a node there.
        guestHub.setLocal('struktur-live://g1/lib/a.struct', [N1]);
        await waitFor('Gina\'s node in lib/a.struct', () => hostHub.remoteOf('file:///home/h/lib/a.struct')[0]?.elements[0]?.name === 'N1');
        assert.deepEqual(hostHub.remoteOf('file:///home/h/main.struct'), []);
        // And Hannah's own selection goes the other way.
        hostHub.setLocal('file:///home/h/main.struct', [B1, N1]);
        await waitFor('Hannah\'s selection at the guest', () => guestHub.remoteOf('struktur-live://g1/main.struct')[0]?.elements.length === 2);
        // Unchanged selections are not published again, however often presence changes.
        const before = guestSession.published;
        for (let i = 0; i < 20; i++) guest.setPresence({ visible: [i, i + 10] });
        await waitFor('Gina\'s last presence at the host', () => host.participants().some((p) => p.visible?.[0] === 19));
        assert.equal(guestSession.published, before);
        // Gina leaves: her selection is cleared at the host.
        const firedBefore = changes.length;
        guestLink.dispose();
        guest.destroy();
        await waitFor('Gina\'s selection cleared', () => hostHub.remoteOf('file:///home/h/lib/a.struct').length === 0);
        assert.ok(changes.length > firedBefore);
        // The host leaves the session: nothing remote stays.
        hostLink.dispose();
        assert.deepEqual(guestHub.remoteOf('struktur-live://g1/main.struct'), [], 'the guest hub was cleared by its own link');
      });
    });
  });
});
