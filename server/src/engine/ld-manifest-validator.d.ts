// The standalone validator that scripts/build.mjs generates from schemas/manifest.schema.json.
declare module 'ld-manifest-validator' {
  import type { ValidateFunction } from 'ajv';
  const validate: ValidateFunction;
  export default validate;
}
