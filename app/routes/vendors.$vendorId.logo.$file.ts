import fs from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLogoFile } from "~/models/dossier-changes.server";
import { getUser } from "~/utils/auth.server";

/**
 * A vendor's logo. The live one is public and cached for a year (a new logo has a new file name);
 * one waiting in a pending change only for the vendor and staff, never cached.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getUser(request);
  const logo = getLogoFile(params.vendorId ?? "", params.file ?? "", viewer);
  const body = fs.readFileSync(logo.file);
  return new Response(body, { headers: { ...logo.headers, "Content-Length": String(body.byteLength) } });
}
