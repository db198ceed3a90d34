import { redirect } from "@remix-run/node";
import { getDossier } from "~/models/dossier.server";
import { requireRole } from "./auth.server";

/** The signed-in vendor's dossier when it may be edited; otherwise back to its overview. */
export async function requireEditableDossier(request: Request) {
  const user = await requireRole(request, "vendor");
  const dossier = getDossier(user.organisationId);
  if (!dossier.editable) throw redirect("/me/dossier");
  return { user, dossier };
}
