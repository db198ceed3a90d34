import type { LoaderFunctionArgs } from "@remix-run/node";
import { pickOne } from "~/lib/query-params";
import { SECTORS } from "~/lib/reference";
import { parsePeriod } from "~/lib/report-period";
import { csvHeader, csvPages, REPORT_TABLE_IDS } from "~/lib/report-tables";
import { reportDownload } from "~/models/report-tables.server";
import { requireRole } from "~/utils/auth.server";
import { csvFilename, csvResponse } from "~/utils/csv.server";
import { translator } from "~/utils/i18n";
import { getLang } from "~/utils/i18n.server";

/** One table of /staff/reports as CSV, for the same period and sector, headers in the reader's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const table = pickOne(REPORT_TABLE_IDS, params.table);
  if (!table) throw new Response("Not found", { status: 404 });
  const t = translator(getLang(request));
  const url = new URL(request.url);
  const now = Date.now();
  const { period, errors } = parsePeriod(url.searchParams, now);
  if (errors.from || errors.to) {
    return new Response(t(errors.from ?? errors.to!), {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const sector = pickOne(SECTORS, url.searchParams.get("sector"));
  const download = reportDownload(table, {
    start: period.start,
    end: period.end,
    months: period.months,
    sector,
    now,
  });
  return csvResponse(
    csvFilename("ket-noi-so", table, period.from, period.to, sector ?? ""),
    csvHeader(download.columns, t),
    csvPages(download, t),
  );
}
