// The extension's side of the 3D view's results messages, for the browser tests: it sends the
// model with the results' index (the server's own builder, shared/case-view.ts) and answers the
// page's `caseRequest`s with that case of the document, as the panel does with
// struktur/caseResults. A test can hold the answers back and release them in any order, to
// check that a late one is not drawn.
import { caseOf, resultsIndex, type ResultsIndex } from '../../language-server/src/shared/case-view';
import type { Model3dCase, Model3dUpdate } from '../../language-server/src/shared/model3d-messages';
import type { ModelView } from '../../language-server/src/shared/model-view';
import type { ResultsDocument } from '../../language-server/src/shared/protocol';
import type { Model3dProbe } from '../../webviews/model3d/probe';
import type { PanelPage } from './support/page';

export interface CaseRequest {
  name: string;
  id: string | null;
}

let indexCount = 0;

export class FakeModel3dHost {
  /** Every case request the page posted, in order. */
  readonly requests: CaseRequest[] = [];
  /** Requests not answered yet (only while `hold` is on). */
  readonly held: CaseRequest[] = [];
  /** Keep requests in `held` instead of answering them. */
  hold = false;
  private doc: ResultsDocument | null = null;
  index: ResultsIndex | null = null;
  private readonly unsubscribe: () => void;

  constructor(readonly page: PanelPage) {
    this.unsubscribe = page.onPost((m) => {
      const msg = m as { type: string; name?: string; id?: string | null };
      if (msg.type !== 'caseRequest') return;
      const request = { name: msg.name!, id: msg.id ?? null };
      this.requests.push(request);
      if (this.hold) this.held.push(request);
      else void this.answer(request);
    });
  }

  /** Sends the model and the index of `doc` (a new index whenever the document is another one,
   * or `newIndex` asks for one, as after a new analysis). */
  async update(view: ModelView | null, doc: ResultsDocument | null, more: Partial<Model3dUpdate> & { newIndex?: boolean; withCase?: string } = {}): Promise<void> {
    const { newIndex, withCase, ...rest } = more;
    if (doc !== this.doc || newIndex) {
      this.doc = doc;
      this.index = doc ? resultsIndex(doc, `test-${++indexCount}`) : null;
    }
    const message: Model3dUpdate = { type: 'model', model: view?.uri ?? 'file:///x.struct', view, results: this.index, stale: false, errors: 0, resultsStale: false, ...rest };
    // The case the panel already knows the page shows travels with the index.
    if (withCase !== undefined && this.index) message.case = this.caseMessage({ name: withCase, id: this.index.id });
    await this.page.send(message);
  }

  /** The answer to `request` from the current document, labelled with the request's index id
   * (or `id`): what the panel would post. */
  caseMessage(request: CaseRequest, id = request.id ?? ''): Model3dCase {
    return { type: 'case', id, name: request.name, result: this.doc ? caseOf(this.doc, request.name) : null };
  }

  /** Answers a request as the panel does: only one for the index it holds. */
  async answer(request: CaseRequest): Promise<void> {
    if (!this.index || request.id !== this.index.id) return;
    await this.page.send(this.caseMessage(request));
  }

  /** Waits until the page has posted `n` case requests in all. */
  async requested(n: number): Promise<CaseRequest> {
    const deadline = Date.now() + 15000;
    while (this.requests.length < n) {
      if (Date.now() > deadline) throw new Error(`waited for case request ${n}; got ${JSON.stringify(this.requests)}`);
      await this.page.page.waitForTimeout(20);
    }
    return this.requests[n - 1];
  }

  /** Waits until the page holds the results of the case it shows (or needs none), then a frame. */
  async settled(): Promise<void> {
    await this.page.page.waitForFunction(() => {
      const pr = (window as unknown as { strukturModel3d?: Model3dProbe }).strukturModel3d;
      return !!pr && pr.updates() > 0 && !pr.cases().waiting;
    }, undefined, { timeout: 20000 });
    await this.page.page.evaluate(() => (window as unknown as { strukturModel3d: Model3dProbe }).strukturModel3d.nextFrame());
  }

  dispose(): void {
    this.unsubscribe();
  }
}
