// The rules and pointer features' public surface, for the server, the CLI and the tests.
export { ruleCodes, type RuleCode } from './codes';
export { hostEnvironment, oauthKeyTable, integrationsFolderOf, type RuleEnvironment, type OauthKeyTable } from './environment';
export { ruleDiagnostics } from './ruleDiagnostics';
export { ruleCodeActions } from './ruleCodeActions';
export { ruleDocumentLinks } from './ruleDocumentLinks';
export { pointerHover } from '../pointers/pointerHover';
export { pointerCompletion } from '../pointers/pointerCompletion';
export { sampleResponseFile, SAMPLE_RESPONSES_FOLDER } from '../pointers/sampleResponses';
