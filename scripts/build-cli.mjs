// Builds only the CLI bundle, dist/cli.js (production): what `npm pack` of this repository needs
// (the prepack script), e.g. when pre-commit installs the repository for its hook.
import * as esbuild from 'esbuild';
import { cliBuildOptions, generateValidator } from './bundleOptions.mjs';

generateValidator();
await esbuild.build(cliBuildOptions(true, 'dist'));
