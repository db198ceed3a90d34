/**
 * The scale benchmark's trivial page (issue 14): everything every page costs — session, root
 * loader, render, compression — and a loader that runs `SELECT 1`. Each page's throughput is
 * measured as a share of this one's. Served only when BENCH_TRIVIAL=1; otherwise a 404.
 */
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { selectOne } from "~/models/health.server";
import { env } from "~/utils/env.server";

/** Read at the first request, not at each: parsing the environment would be most of this page's work. */
let enabled: boolean | undefined;

export function loader() {
  enabled ??= env().BENCH_TRIVIAL === "1";
  if (!enabled) throw new Response("Not Found", { status: 404 });
  return json({ one: selectOne() }, { headers: { "Cache-Control": "no-store" } });
}

export default function BenchTrivial() {
  const { one } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return <h1 className="text-2xl font-bold">{t("bench.trivial", { one })}</h1>;
}
