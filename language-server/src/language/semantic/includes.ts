// `include "path"`: resolution relative to the including file, cycle detection, and the rule
// that no include may reach outside the workspace root.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type IncludeResolution =
  | { ok: true; uri: string }
  | { ok: false; reason: 'outside-root' | 'not-a-file-uri' | 'absolute'; message: string };

export function resolveInclude(fromUri: string, includePath: string, workspaceRoot: string | undefined): IncludeResolution {
  if (!fromUri.startsWith('file:')) {
    return { ok: false, reason: 'not-a-file-uri', message: `Cannot include "${includePath}" from an unsaved file: save it first` };
  }
  if (path.isAbsolute(includePath) || /^[A-Za-z]:[\\/]/.test(includePath)) {
    return { ok: false, reason: 'absolute', message: `Include paths are relative to this file; "${includePath}" is absolute` };
  }
  const fromPath = fileURLToPath(fromUri);
  const target = path.resolve(path.dirname(fromPath), includePath);
  const root = workspaceRoot ?? path.dirname(fromPath);
  const rel = path.relative(root, target);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    return { ok: false, reason: 'outside-root', message: `"${includePath}" lies outside the workspace root: includes must stay inside the workspace` };
  }
  return { ok: true, uri: pathToFileURL(target).toString() };
}

export function displayName(uri: string): string {
  try {
    return uri.startsWith('file:') ? path.basename(fileURLToPath(uri)) : uri;
  } catch {
    return uri;
  }
}
