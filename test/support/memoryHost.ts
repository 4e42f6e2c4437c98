// An EngineHost over a map of URIs to texts: what the engine reads in unit tests, with a log of reads.
import type { EngineHost, FileRead } from '../../server/src/engine/host';

export interface MemoryHost extends EngineHost {
  readonly files: Map<string, string>;
  readonly reads: string[];
}

export function memoryHost(files: Record<string, string> = {}): MemoryHost {
  const map = new Map(Object.entries(files));
  const reads: string[] = [];
  return {
    files: map,
    reads,
    readFile(uri): FileRead {
      reads.push(uri);
      const text = map.get(uri);
      return text === undefined ? { kind: 'missing' } : { kind: 'text', text };
    },
    listFiles(uri) {
      const names: string[] = [];
      for (const file of map.keys()) {
        if (!file.startsWith(uri)) continue;
        const rest = file.slice(uri.length);
        if (rest !== '' && !rest.includes('/')) names.push(decodeURIComponent(rest));
      }
      return names;
    },
    listFolders(uri) {
      const names = new Set<string>();
      for (const file of map.keys()) {
        if (!file.startsWith(uri)) continue;
        const rest = file.slice(uri.length);
        if (rest.includes('/')) names.add(decodeURIComponent(rest.slice(0, rest.indexOf('/'))));
      }
      return [...names];
    },
  };
}
