// The rule list that SARIF output describes: every diagnostic code with its title.
import { CODE_TITLES } from '../language/semantic/code-titles';

export const RULES = Object.entries(CODE_TITLES).map(([code, title]) => ({ code, title, helpUri: `https://example.invalid/struktur/docs/diagnostics.md#${code.toLowerCase()}` }));
