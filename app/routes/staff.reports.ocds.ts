import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportOcds } from "~/models/ocds.server";
import { requireRole } from "~/utils/auth.server";
import { absoluteUrl } from "~/utils/email.server";

/** The programme's record as an OCDS 1.1 release package (docs/product.md §11), to staff and admins, streamed. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "staff");
  const body = exportOcds(user, context.ip ?? null, {
    uri: absoluteUrl(request, "/staff/reports/ocds"),
    publisher: { name: "Kết Nối Số", uri: absoluteUrl(request, "/") },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="ket-noi-so-ocds-${day}.json"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
