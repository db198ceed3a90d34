import { redirect } from "@remix-run/node";
import { getEditingDossier } from "~/models/dossier.server";
import { requireRole } from "./auth.server";

/**
 * The signed-in vendor's dossier as it edits it, when it may be edited: live before vetting, or
 * (vetted) the version its pending change proposes. While under review, suspended or rejected:
 * back to its overview.
 */
export async function requireEditableDossier(request: Request) {
  const user = await requireRole(request, "vendor");
  const dossier = getEditingDossier(user.organisationId);
  if (dossier.mode === "locked") throw redirect("/me/dossier");
  return { user, dossier };
}

/** Where an edit's form goes after saving: back to the page, or for a pending change to the overview that says so. */
export function afterEdit(result: { ok: true; pending?: true }, to: string) {
  return redirect(result.pending ? "/me/dossier?notice=pending" : to);
}
