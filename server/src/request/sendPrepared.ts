// Sends a prepared test request through Node's http/https and judges the answer: the CLI's
// `test-request` and the tests (the editor sends through its platform's transport instead).
import { sendRequest } from './send';
import type { SendOptions } from './sendTypes';
import { judgeOutcome, type PreparedRequest, type RequestRun } from './testRequest';

export async function sendPrepared(prepared: PreparedRequest, options: SendOptions): Promise<RequestRun> {
  return judgeOutcome(prepared, await sendRequest(prepared.rendered.real, options));
}
