// Every rule beyond the schema, in the editor and the linter alike.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ManifestDocument } from '../manifestDocument';
import { parserErrorKeyDiagnostics } from '../pointers/errorKey';
import { pointerDiagnostics } from '../pointers/pointerDiagnostics';
import { auditLogTemplateDiagnostics } from './auditLogTemplates/templateFiles';
import { capabilityTemplateFileDiagnostics } from './capabilityTemplateFiles';
import { policyDiagnostics } from '../policies/policyDiagnostics';
import { regexFieldDiagnostics } from './regexFields';
import { syncedSegmentSampleDiagnostics } from './syncedSegmentSamples';
import { duplicateFormVariableKeyDiagnostics } from './duplicateFormVariableKeys';
import { endpointDiagnostics } from './endpointRules';
import type { RuleEnvironment } from './environment';
import { formVariableRuleDiagnostics } from './formVariableRules';
import { iconDiagnostics } from './icons';
import { oauthIntegrationKeyDiagnostics } from './oauthIntegrationKey';
import { otherCapabilitiesDiagnostics } from './otherCapabilities';
import { overviewDiagnostics } from './overview';
import { syncedSegmentPathDiagnostics } from './syncedSegmentPaths';

export function ruleDiagnostics(doc: ManifestDocument, env: RuleEnvironment): Diagnostic[] {
  if (doc.root?.type !== 'object') return [];
  return [
    ...overviewDiagnostics(doc),
    ...otherCapabilitiesDiagnostics(doc),
    ...iconDiagnostics(doc, env),
    ...oauthIntegrationKeyDiagnostics(doc, env),
    ...formVariableRuleDiagnostics(doc),
    ...duplicateFormVariableKeyDiagnostics(doc),
    ...parserErrorKeyDiagnostics(doc),
    ...pointerDiagnostics(doc, env),
    ...syncedSegmentPathDiagnostics(doc),
    ...endpointDiagnostics(doc),
    ...auditLogTemplateDiagnostics(doc, env),
    ...capabilityTemplateFileDiagnostics(doc, env),
    ...policyDiagnostics(doc),
    ...regexFieldDiagnostics(doc),
    ...syncedSegmentSampleDiagnostics(doc, env),
  ];
}
