// Template variables: parsed as Handlebars, checked against form variables, navigable and
// renameable. Every function takes a ManifestDocument and returns plain LSP types.
export { templateCodes, type TemplateCode } from './codes';
export { templateDiagnostics, type UnknownNameData } from './diagnostics';
export { templateCompletion } from './completion';
export { templateHover } from './hover';
export { templateDefinition, templateReferences, templateHighlights } from './navigation';
export { prepareTemplateRename, templateRename } from './rename';
export { templateCodeActions } from './codeActions';
export { templateSemanticTokens, templateTokenLegend } from './semanticTokens';
export { helpers as templateHelpers, type HelperInfo } from './helpers';
