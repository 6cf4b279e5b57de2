// Fixtures for the panel tests: the model view and the results of a model, from the real
// language and analysis code run in this process (what the server answers to struktur/modelView
// and struktur/results for the same text).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Workspace } from '../../../language-server/src/language/workspace';
import { analyzeModel } from '../../../language-server/src/analysis/from-model';
import { buildModelView } from '../../../language-server/src/features/model-view';
import type { ModelView } from '../../../language-server/src/shared/model-view';
import type { ResultsDocument } from '../../../language-server/src/shared/protocol';
import { ROOT } from './page';

export interface Fixture {
  view: ModelView;
  results: ResultsDocument;
}

const cache = new Map<string, Fixture>();

/** `example` names a file of examples/ without its extension (e.g. "portal-two-bay"). */
export function fixtureFor(example: string): Fixture {
  return fixtureOfFile(path.join(ROOT, 'examples', `${example}.struct`));
}

export function fixtureOfFile(file: string): Fixture {
  const hit = cache.get(file);
  if (hit) return hit;
  const ws = new Workspace({ root: path.dirname(file) });
  const model = ws.model(pathToFileURL(file).toString());
  const rel = (u: string) => path.relative(ROOT, new URL(u).pathname);
  const fixture = { view: buildModelView(model), results: analyzeModel(model, rel).results };
  cache.set(file, fixture);
  return fixture;
}
