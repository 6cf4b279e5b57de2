// `include "path"`: resolution relative to the including file, cycle detection, and the rule
// that no include may reach outside the workspace root. Besides files, a model may live in a
// hierarchical virtual document (`struktur-live://session/main.struct`, a live session's guest
// copy): its includes resolve in the same authority, whose root is the model's root.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type IncludeResolution =
  | { ok: true; uri: string }
  | { ok: false; reason: 'outside-root' | 'not-a-file-uri' | 'absolute'; message: string };

export function resolveInclude(fromUri: string, includePath: string, workspaceRoot: string | undefined): IncludeResolution {
  const virtual = !fromUri.startsWith('file:') ? VIRTUAL_URI.exec(fromUri) : null;
  if (!fromUri.startsWith('file:') && !virtual) {
    return { ok: false, reason: 'not-a-file-uri', message: `Cannot include "${includePath}" from an unsaved file: save it first` };
  }
  if (path.isAbsolute(includePath) || /^[A-Za-z]:[\\/]/.test(includePath)) {
    return { ok: false, reason: 'absolute', message: `Include paths are relative to this file; "${includePath}" is absolute` };
  }
  if (virtual) return resolveVirtual(virtual[1], virtual[2], includePath);
  const fromPath = fileURLToPath(fromUri);
  const target = path.resolve(path.dirname(fromPath), includePath);
  const root = workspaceRoot ?? path.dirname(fromPath);
  const rel = path.relative(root, target);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    return { ok: false, reason: 'outside-root', message: `"${includePath}" lies outside the workspace root: includes must stay inside the workspace` };
  }
  return { ok: true, uri: pathToFileURL(target).toString() };
}

/** `scheme://authority/path` of a scheme other than file (an authority is required: it is the root). */
const VIRTUAL_URI = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]+)(\/[^?#]*)$/i;

function resolveVirtual(root: string, encodedPath: string, includePath: string): IncludeResolution {
  const segments = encodedPath.split('/').slice(1, -1).map((s) => decodeURIComponent(s));
  for (const seg of includePath.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (segments.length === 0) {
        return { ok: false, reason: 'outside-root', message: `"${includePath}" lies outside the shared model: includes must stay inside its folder` };
      }
      segments.pop();
    } else segments.push(seg);
  }
  return { ok: true, uri: `${root}/${segments.map(encodeURIComponent).join('/')}` };
}

/** Whether includes in a document of this URI can be resolved (a file, or a virtual document with an authority). */
export function canResolveIncludes(uri: string): boolean {
  return uri.startsWith('file:') || VIRTUAL_URI.test(uri);
}

export function displayName(uri: string): string {
  if (!uri.startsWith('file:') && VIRTUAL_URI.test(uri)) return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  try {
    return uri.startsWith('file:') ? path.basename(fileURLToPath(uri)) : uri;
  } catch {
    return uri;
  }
}
