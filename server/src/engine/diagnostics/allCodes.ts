// Every code the product can report, joined from the feature areas' tables.
import { baseCodes } from './codes';
import { ruleCodes } from '../rules/codes';
import { templateCodes } from '../templates/codes';
import { bodyCodes } from '../bodies/codes';

export { SOURCE } from './codes';
export type { CodeInfo } from './codes';

export const allCodes = { ...baseCodes, ...templateCodes, ...bodyCodes, ...ruleCodes };

export type DiagnosticCode = keyof typeof allCodes;

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(allCodes, code);
}
