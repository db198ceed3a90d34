import type { LoaderFunctionArgs } from "@remix-run/node";
import { formatDateTime } from "~/lib/format";
import { getEventForStaff, registrationPages } from "~/models/events.server";
import { requireRole } from "~/utils/auth.server";
import { csvFilename, csvResponse } from "~/utils/csv.server";
import { translator } from "~/utils/i18n";
import { getLang } from "~/utils/i18n.server";

/** The registration list and then the waitlist of one event, as CSV, headers in the reader's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const event = getEventForStaff(params.eventId ?? "");
  const t = translator(getLang(request));
  const header = ["status", "name", "email", "organisation", "role", "queuedAt", "registeredAt", "attendedAt"].map(
    (c) => t(`events.csv.${c}`),
  );
  const when = (ms: number | null) => (ms === null ? "" : formatDateTime(ms));
  const pages = (function* () {
    for (const rows of registrationPages(event.id)) {
      yield rows.map((r) => [
        t(`events.registrationStatuses.${r.status}`),
        r.name,
        r.email,
        r.organisation,
        t(`roles.${r.role}`),
        when(r.queuedAt),
        when(r.registeredAt),
        when(r.attendedAt),
      ]);
    }
  })();
  return csvResponse(csvFilename("ket-noi-so-event", event.id.slice(0, 8), "registrations"), header, pages);
}
