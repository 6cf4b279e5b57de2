// How a shared model is laid out in its Y.Doc (docs/live-protocol.md, "Document layout").
// One room = one Y.Doc = one model (its main file and every file it includes).

/** The Y.Map listing the files of the model: key = relative path (POSIX, relative to the model's
 *  folder, no leading './' or '/', no '..'), value = FileEntry. */
export const FILES_MAP = 'files';

/** The Y.Map with session-wide facts: key 'entry' = relative path of the main model file. */
export const SESSION_MAP = 'session';

export interface FileEntry {
  /** Reserved for future use (e.g. binary attachments); always 'text' today. */
  kind: 'text';
}

/** The Y.Text holding the content of one file. */
export function fileTextName(relativePath: string): string {
  return 'file:' + relativePath;
}

/** The relative path of a Y.Text name made by fileTextName, or undefined for other names. */
export function relativePathOfText(name: string): string | undefined {
  return name.startsWith('file:') ? name.slice('file:'.length) : undefined;
}

/** Whether a relative path is acceptable as a key of FILES_MAP (what clients must check before
 *  writing a shared file to disk: it may not escape the model folder). */
export function isSafeRelativePath(p: string): boolean {
  if (p.length === 0 || p.length > 1024 || p.startsWith('/') || p.includes('\\') || p.includes('\0')) return false;
  return p.split('/').every((seg) => seg.length > 0 && seg !== '.' && seg !== '..');
}
