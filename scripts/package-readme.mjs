// Writes dist/README.md, the README the .vsix carries (npm run package passes it to vsce as
// --readme-path): the repository's README, except that an image the package leaves out (.vscodeignore
// is an allow-list) becomes its description in italics. The extension's details page in VS Code shows
// the README from inside the package, where such an image would be a broken picture; shipping them all
// would break the 1.5 MB bound (the six preview screenshots alone are 1.3 MB).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readmeWithShippedImages } from './readmeImages.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'README.md');

/** The files .vscodeignore names as shipped (`!path`, no wildcard). */
const shipped = new Set(
  readFileSync(join(root, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('!') && !line.includes('*'))
    .map((line) => line.slice(1)),
);

const { text: readme, left } = readmeWithShippedImages(readFileSync(join(root, 'README.md'), 'utf8'), (path) => shipped.has(path));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, readme);
console.log(`dist/README.md: the README, ${left} image${left === 1 ? '' : 's'} the package leaves out shown as text`);
