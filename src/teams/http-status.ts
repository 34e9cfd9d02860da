// The HTTP status of a failed Teams SDK call: its client throws axios errors, which carry the response.
export function httpStatusOf(error: unknown): number | undefined {
  const status = (error as { response?: { status?: unknown } } | undefined)?.response?.status;
  return typeof status === 'number' ? status : undefined;
}
