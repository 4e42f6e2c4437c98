// URI arithmetic for the engine, with the platform's URL class only (no path module): relative
// paths written in a manifest resolve against the manifest's URI the way a browser resolves links.

/** Only hierarchical URIs (`file:///…`, `vscode-vfs://…`) have folders; `untitled:` documents do not. */
function isHierarchical(uri: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(uri);
}

/** `relative` resolved against the folder of `base`, or undefined when `base` has no folder. */
export function resolveBeside(base: string, relative: string): string | undefined {
  if (!isHierarchical(base)) return undefined;
  try {
    return new URL(relative, base).href;
  } catch {
    return undefined;
  }
}

/** The folder holding `uri` (with a trailing slash); for a folder URI, its parent. Undefined at the root. */
export function parentFolder(uri: string): string | undefined {
  if (!isHierarchical(uri)) return undefined;
  try {
    const parent = new URL(uri.endsWith('/') ? '..' : '.', uri).href;
    return parent === uri ? undefined : parent;
  } catch {
    return undefined;
  }
}

/** The last segment of a URI's path, decoded: `manifest.json`. */
export function baseName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** A URI as people read it in a message: the decoded path for `file:`, the URI otherwise. */
export function displayUri(uri: string): string {
  if (!uri.startsWith('file://')) return uri;
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}
