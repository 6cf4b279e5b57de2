// The webview's side of the channel to the extension: typed post, state that survives hide/show
// and reloads (getState/setState), and typed incoming messages. `acquireVsCodeApi` may be called
// once per page, so the handle is kept here; a browser test page defines its own stub.

export interface WebviewApi<State, Out> {
  post(message: Out): void;
  getState(): State | undefined;
  setState(state: State): void;
}

interface RawApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): RawApi;

let raw: RawApi | undefined;

export function vscodeApi<State, Out>(): WebviewApi<State, Out> {
  raw ??= acquireVsCodeApi();
  const api = raw;
  return {
    post: (message) => api.postMessage(message),
    getState: () => (api.getState() ?? undefined) as State | undefined,
    setState: (state) => api.setState(state),
  };
}

/** Calls `handler` with every message the extension posts; returns the unsubscribe function. */
export function onMessage<In>(handler: (message: In) => void): () => void {
  const listener = (e: MessageEvent) => handler(e.data as In);
  window.addEventListener('message', listener);
  return () => window.removeEventListener('message', listener);
}
