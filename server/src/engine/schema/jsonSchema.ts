// The subset of JSON Schema draft-07 the services read for completion and hover, plus the editor
// annotations VS Code's JSON language made conventional.
export interface DefaultSnippet {
  label?: string;
  description?: string;
  markdownDescription?: string;
  body?: unknown;
  bodyText?: string;
}

export interface JsonSchema {
  $id?: string;
  $ref?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  enumDescriptions?: string[];
  markdownEnumDescriptions?: string[];
  default?: unknown;
  examples?: unknown[];
  properties?: Record<string, JsonSchemaRef>;
  patternProperties?: Record<string, JsonSchemaRef>;
  additionalProperties?: JsonSchemaRef;
  propertyNames?: JsonSchemaRef;
  required?: string[];
  items?: JsonSchemaRef | JsonSchemaRef[];
  additionalItems?: JsonSchemaRef;
  allOf?: JsonSchemaRef[];
  anyOf?: JsonSchemaRef[];
  oneOf?: JsonSchemaRef[];
  if?: JsonSchemaRef;
  then?: JsonSchemaRef;
  else?: JsonSchemaRef;
  definitions?: Record<string, JsonSchemaRef>;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minimum?: number;
  maximum?: number;
  minProperties?: number;
  maxProperties?: number;
  defaultSnippets?: DefaultSnippet[];
  deprecationMessage?: string;
  errorMessage?: string;
}

/** A schema or a boolean schema (`true` accepts anything, `false` nothing). */
export type JsonSchemaRef = JsonSchema | boolean;
