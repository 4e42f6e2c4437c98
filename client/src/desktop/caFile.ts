// The CA file of `ldManifest.request.caFile`, read from the disk on the desktop.
import { readFile, stat } from 'node:fs/promises';
import { caProblem } from '../../../server/src/request/send';

/** The extra CA's PEM text; throws with a message naming the file when it cannot be read. */
export async function readCaFile(file: string): Promise<string> {
  let pem: string;
  try {
    const info = await stat(file);
    // A CA bundle is a few hundred KB at most; a FIFO or a device is never read.
    if (!info.isFile() || info.size > 4 * 1024 * 1024) throw new Error('it is not a regular file of at most 4 MB');
    pem = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`the CA file of ldManifest.request.caFile (${file}) cannot be read: ${(error as Error).message}`, { cause: error });
  }
  const problem = caProblem(pem);
  if (problem) throw new Error(`the CA file of ldManifest.request.caFile (${file}) is not usable: ${problem}`);
  return pem;
}
