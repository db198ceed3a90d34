import type { LoaderFunctionArgs } from "@remix-run/node";
import { ICS_CONTENT_TYPE } from "~/lib/ics";
import { icsForViewer } from "~/models/events.server";
import { requireUser } from "~/utils/auth.server";

/** The event as a calendar file, for a person holding a seat (and staff); 404 for anyone else. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const file = icsForViewer(params.eventId ?? "", user);
  if (!file) throw new Response("Not found", { status: 404 });
  return new Response(file.ics, {
    headers: {
      "Content-Type": ICS_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
