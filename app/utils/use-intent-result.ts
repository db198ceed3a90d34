import type { SubmissionResult } from "@conform-to/react";
import { useActionData } from "@remix-run/react";

/**
 * For pages with several forms: the action answers `{ intent, result }`, and each form takes the
 * result only when it was the one submitted.
 */
export function useIntentResult(intent: string): SubmissionResult<string[]> | undefined {
  const data = useActionData<{ intent?: string; result?: SubmissionResult<string[]> }>();
  return data && data.intent === intent ? data.result : undefined;
}
