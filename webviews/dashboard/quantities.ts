// The station quantities the dashboard draws. The shared messages define the same list for the
// extension's digest; the webview may import only types from there, so it keeps its own copy
// (test/webviews/dashboard-logic.test.ts checks that the two agree).
import type { DiagramQuantity } from '../../language-server/src/shared/dashboard-messages';

export const QUANTITIES: readonly DiagramQuantity[] = ['N', 'Vy', 'Vz', 'T', 'My', 'Mz'];
