// What the transport got (server/src/request/send.ts or fetchSend.ts), as the judgeResponse request carries it:
// the body's bytes in base64, so that the server reads exactly what arrived.
import type { OutcomeData } from '../../../server/src/protocol';
import { base64Encode } from '../../../server/src/engine/base64';
import type { SendOutcome } from '../../../server/src/request/sendTypes';

export function outcomeData(outcome: SendOutcome): OutcomeData {
  if (outcome.kind === 'network-error') return { kind: 'network-error', error: outcome.error, message: outcome.message, elapsedMs: outcome.elapsedMs };
  const { body, ...response } = outcome.response;
  return { kind: 'response', response: { ...response, bodyBase64: base64Encode(body) } };
}
