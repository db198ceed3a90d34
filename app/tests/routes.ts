/**
 * Calling route modules' loaders and actions as Remix does, with a Request that carries a real
 * session cookie from the auth module: what the route does with a given user, without a server.
 * (Not a route: Remix reads only app/routes/.)
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { createSessionCookie } from "~/utils/auth.server";

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

const BASE = "http://localhost:3000";

/** The cookie header a browser signed in as the user sends. */
export async function cookieFor(userId: string): Promise<string> {
  return (await createSessionCookie(userId)).split(";")[0]!;
}

export async function request(
  path: string,
  opts: { userId?: string; form?: Record<string, string | string[]> } = {},
): Promise<Request> {
  const headers = new Headers({ Origin: BASE });
  if (opts.userId) headers.set("Cookie", await cookieFor(opts.userId));
  if (!opts.form) return new Request(`${BASE}${path}`, { headers });
  const body = new FormData();
  for (const [key, value] of Object.entries(opts.form)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  return new Request(`${BASE}${path}`, { method: "POST", headers, body });
}

export type Outcome = { status: number; data: unknown; location: string | null };

/**
 * Runs a loader or an action and reports what the browser would get: the status (a thrown
 * Response counts, as Remix renders it), the JSON data if any, and the redirect target.
 */
export async function run(
  handler: Handler | undefined,
  req: Request,
  params: Record<string, string> = {},
): Promise<Outcome> {
  if (!handler) throw new Error("the route has no such handler");
  let result: unknown;
  try {
    result = await handler({ request: req, params, context: { ip: "127.0.0.1", cspNonce: "", requestId: "test" } });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  if (!(result instanceof Response)) return { status: 200, data: result, location: null };
  const isJson = result.headers.get("Content-Type")?.includes("application/json");
  return {
    status: result.status,
    data: isJson ? await result.json() : await result.text(),
    location: result.headers.get("Location"),
  };
}
