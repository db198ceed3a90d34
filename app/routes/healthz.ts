import { json } from "@remix-run/node";
import { databaseReadable } from "~/models/health.server";

export function loader() {
  const ok = databaseReadable();
  return json(
    { status: ok ? "ok" : "error", db: ok ? "ok" : "error" },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
