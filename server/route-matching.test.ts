import { createRequire } from "node:module";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_PATHNAMES, rememberRouteMatches, rememberingMatchRoutes } from "./route-matching";

type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };
const router = createRequire(import.meta.url)("@remix-run/router") as {
  matchRoutes: (routes: Route[], location: string | { pathname: string }, basename?: string) => unknown;
  parsePath: (p: string) => { pathname?: string };
};
const original = router.matchRoutes;

/** A tree like the app's: a root layout, pathless layouts, index routes, params, optional segments, splats. */
function tree(): Route[] {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "routes/_index", index: true },
        { id: "routes/needs._index", path: "needs", index: true },
        { id: "routes/needs.$id", path: "needs/:id" },
        { id: "routes/needs.$id.compare", path: "needs/:id/compare" },
        {
          id: "routes/staff",
          path: "staff",
          children: [
            { id: "routes/staff._index", index: true },
            { id: "routes/staff.vendors", path: "vendors" },
            { id: "routes/staff.vendors.$id", path: "vendors/:id" },
          ],
        },
        { id: "routes/_auth", children: [{ id: "routes/_auth.login", path: "login" }] },
        { id: "routes/docs.$lang?.$page", path: "docs/:lang?/:page" },
        { id: "routes/CaseSensitive", path: "Exact", caseSensitive: true },
        { id: "routes/files.$", path: "files/*" },
      ],
    },
  ];
}

const PATHS = [
  "/",
  "/needs",
  "/needs/",
  "/needs/need-1",
  "/needs/need%201",
  "/needs/need-1/compare",
  "/needs/need-1/compare?x=1#h",
  "/staff",
  "/staff/vendors",
  "/staff/vendors/v-9",
  "/login",
  "/docs/en/intro",
  "/docs/intro",
  "/Exact",
  "/exact",
  "/files/a/b/c.pdf",
  "/nowhere/at/all",
];

let undo: (() => void) | null = null;
afterEach(() => {
  undo?.();
  undo = null;
});

describe("remembered route matches", () => {
  it("answer exactly what the router answers, the first time and from memory, with the asked tree's routes", () => {
    const remembering = rememberingMatchRoutes(original as never, router.parsePath) as typeof original;
    for (let round = 0; round < 3; round++) {
      // A new tree of the same shape each round, as Remix builds for each request.
      const routes = tree();
      for (const path of PATHS) {
        for (const location of [path, { pathname: path.split(/[?#]/)[0]! }]) {
          const expected = original(routes, location) as { route: Route }[] | null;
          const actual = remembering(routes, location) as { route: Route }[] | null;
          expect(actual, `${path} (round ${round})`).toEqual(expected);
          // The very route objects of the tree asked about, not those of an earlier tree.
          expect(actual?.map((m) => m.route)).toEqual(expected?.map((m) => m.route));
          actual?.forEach((m, i) => expect(m.route).toBe(expected![i]!.route));
        }
      }
    }
  });

  it("keep a basename apart, and tell trees of another shape apart", () => {
    const remembering = rememberingMatchRoutes(original as never, router.parsePath) as typeof original;
    const routes = tree();
    expect(remembering(routes, "/app/needs/n-1", "/app")).toEqual(original(routes, "/app/needs/n-1", "/app"));
    expect(remembering(routes, "/needs/n-1", "/app")).toBeNull();

    const other = tree();
    other[0]!.children![2]!.path = "requests/:id"; // the same ids, another path
    expect(remembering(routes, "/needs/n-1")).not.toBeNull();
    expect(remembering(other, "/needs/n-1")).toBeNull();
    expect(remembering(other, "/requests/n-1")).toEqual(original(other, "/requests/n-1"));
  });

  it("give every caller its own params, and match trees without unique ids as before", () => {
    const remembering = rememberingMatchRoutes(original as never, router.parsePath) as typeof original;
    const routes = tree();
    const first = remembering(routes, "/needs/n-1") as { params: Record<string, string> }[];
    first[0]!.params.id = "changed";
    const second = remembering(routes, "/needs/n-1") as { params: Record<string, string> }[];
    expect(second.map((m) => m.params.id)).toEqual(["n-1", "n-1"]);

    const noIds = [{ path: "/", children: [{ path: "a" }, { path: "b" }] }] as unknown as Route[];
    expect(remembering(noIds, "/b")).toEqual(original(noIds, "/b"));
  });

  it("forget the oldest pathnames beyond the limit and still answer them", () => {
    const remembering = rememberingMatchRoutes(original as never, router.parsePath) as typeof original;
    const routes = tree();
    for (let i = 0; i <= MAX_PATHNAMES + 10; i++) remembering(routes, `/needs/n-${i}`);
    expect(remembering(routes, "/needs/n-0")).toEqual(original(routes, "/needs/n-0"));
  });

  it("is what Remix's server runtime calls once installed, and can be undone", async () => {
    undo = rememberRouteMatches();
    expect(router.matchRoutes).not.toBe(original);
    const { createRoutes } = (await import("@remix-run/server-runtime/dist/routes.js")) as unknown as {
      createRoutes: (manifest: Record<string, unknown>) => Route[];
    };
    const { matchServerRoutes } = (await import("@remix-run/server-runtime/dist/routeMatching.js")) as unknown as {
      matchServerRoutes: (routes: Route[], pathname: string) => { route: { id: string } }[] | null;
    };
    const routes = createRoutes({
      root: { id: "root", path: "", module: {} },
      "routes/needs.$id": { id: "routes/needs.$id", parentId: "root", path: "needs/:id", module: {} },
    });
    for (let i = 0; i < 2; i++) {
      expect(matchServerRoutes(routes, "/needs/n-1")?.map((m) => m.route.id)).toEqual(["root", "routes/needs.$id"]);
    }
    undo();
    undo = null;
    expect(router.matchRoutes).toBe(original);
  });

  it("is what the router's own data query calls (patches/@remix-run+router, ADR 014)", async () => {
    const { createStaticHandler } = createRequire(import.meta.url)("@remix-run/router") as {
      createStaticHandler: (routes: unknown[]) => {
        query: (request: Request) => Promise<{ matches: { route: { id: string } }[] } | Response>;
      };
    };
    const handler = createStaticHandler([
      { id: "root", path: "/", loader: () => null, children: [{ id: "need", path: "needs/:id", loader: () => 1 }] },
    ]);
    const seen: string[] = [];
    const installed = router.matchRoutes;
    router.matchRoutes = (routes, location, basename) => {
      seen.push(typeof location === "string" ? location : location.pathname);
      return installed(routes, location, basename);
    };
    undo = () => {
      router.matchRoutes = installed;
    };
    const context = await handler.query(new Request("http://localhost/needs/n-1?x=1"));
    expect("matches" in context && context.matches.map((m) => m.route.id)).toEqual(["root", "need"]);
    expect(seen).toEqual(["/needs/n-1"]);
  });
});
