// What went wrong in a failed Slack Web API call, read in one place: the error code Slack sent
// (`not_in_channel`, `invalid_auth`, ...) or the client's own code for a failed request.

export function slackErrorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'unknown';
  const { data, code } = error as { data?: { error?: unknown }; code?: unknown };
  if (typeof data?.error === 'string') return data.error;
  return typeof code === 'string' ? code : 'unknown';
}
