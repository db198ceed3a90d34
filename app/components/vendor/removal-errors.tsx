import type { SubmissionResult } from "@conform-to/react";
import { FormErrors } from "~/components/ui/field";

/**
 * Why removing a reference or a package was refused (the dossier was locked meanwhile, or the
 * request named nothing to remove), over the list the remove buttons are in.
 */
export function RemovalErrors({ result }: { result: SubmissionResult<string[]> | undefined }) {
  const errors = result?.error ? Object.values(result.error).flatMap((e) => e ?? []) : [];
  return <FormErrors id="removal-errors" errors={errors} />;
}
