// ajv's generated validators gather the errors of a referenced sub-schema with
// `vErrors = vErrors === null ? f.errors : vErrors.concat(f.errors)`, which copies every error found
// so far for each failing item: quadratic in the number of errors (20,000 bad form variables took
// half a minute). This rewrites that statement to append in place. ajv runs it on the code of every
// schema it compiles (`code.process`); scripts/build.mjs does the same for the bundled validator, and
// a test checks that no `concat` is left in it.

const CONCAT = /vErrors = vErrors === null \? ([\w$.]+) : vErrors\.concat\(\1\);/g;

export function appendErrorsInPlace(code: string): string {
  return code.replace(CONCAT, 'if (vErrors === null) vErrors = $1; else for (const error of $1) vErrors.push(error);');
}
