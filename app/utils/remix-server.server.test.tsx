import type { EntryContext } from "@remix-run/node";
import { Link, Outlet, RemixServer as RemixsOwn, useLoaderData, useLocation, useRouteError } from "@remix-run/react";
import { createStaticHandler, isRouteErrorResponse, type AgnosticDataRouteObject } from "@remix-run/router";
import { useId } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RemixServer } from "./remix-server.server";

// A small app as Remix hands it to the entry: a manifest, route modules and a static handler's context.
function Root() {
  const { who } = useLoaderData<{ who: string }>();
  const id = useId();
  return (
    <main id={id}>
      <p>root of {who}</p>
      <Link to="/a/1">one</Link>
      <Link to="b">relative</Link>
      <Outlet />
    </main>
  );
}
function RootError() {
  const error = useRouteError();
  return <p>root error {isRouteErrorResponse(error) ? error.status : "?"}</p>;
}
function Index() {
  return <p id={useId()}>index at {useLocation().pathname}</p>;
}
function Item() {
  const { x } = useLoaderData<{ x: string }>();
  return (
    <section id={useId()}>
      item {x} <Link to="..">up</Link>
    </section>
  );
}
function ItemError() {
  const error = useRouteError();
  return <p>no item: {isRouteErrorResponse(error) ? `${error.status} ${String(error.data)}` : "?"}</p>;
}

const routeModules = {
  root: { default: Root, ErrorBoundary: RootError },
  "routes/_index": { default: Index },
  "routes/a.$x": { default: Item, ErrorBoundary: ItemError },
} as unknown as EntryContext["routeModules"];

const entry = (id: string, parentId: string | undefined, extra: object) => ({
  id,
  parentId,
  hasAction: false,
  hasLoader: true,
  hasClientAction: false,
  hasClientLoader: false,
  hasErrorBoundary: id !== "routes/_index",
  module: `/build/${id}.js`,
  ...extra,
});

function manifest(): EntryContext["manifest"] {
  return {
    entry: { module: "/build/entry.client.js", imports: [] },
    url: "/build/manifest.js",
    version: "test",
    routes: {
      root: entry("root", undefined, { path: "" }),
      "routes/_index": entry("routes/_index", "root", { index: true }),
      "routes/a.$x": entry("routes/a.$x", "root", { path: "a/:x" }),
    },
  } as unknown as EntryContext["manifest"];
}

const dataRoutes: AgnosticDataRouteObject[] = [
  {
    id: "root",
    path: "",
    hasErrorBoundary: true,
    loader: () => ({ who: "everyone" }),
    children: [
      { id: "routes/_index", index: true, loader: () => null },
      {
        id: "routes/a.$x",
        path: "a/:x",
        hasErrorBoundary: true,
        loader: ({ params }) => {
          if (params.x === "missing") throw new Response("not here", { status: 404 });
          return { x: params.x };
        },
      },
    ],
  },
];
const handler = createStaticHandler(dataRoutes);

async function contextFor(path: string, theManifest: EntryContext["manifest"]): Promise<EntryContext> {
  const staticHandlerContext = await handler.query(new Request(`http://localhost${path}`));
  if (staticHandlerContext instanceof Response) throw new Error(`unexpected response for ${path}`);
  return {
    manifest: theManifest,
    routeModules,
    staticHandlerContext,
    serverHandoffString: "{}",
    future: {
      v3_fetcherPersist: true,
      v3_relativeSplatPath: true,
      v3_throwAbortReason: true,
      v3_singleFetch: false,
      v3_lazyRouteDiscovery: true,
      unstable_optimizeDeps: false,
    },
    isSpaMode: false,
    serializeError: (error: Error) => ({ message: error.message, stack: undefined }),
  } as unknown as EntryContext;
}

describe("RemixServer with the route tree made once", () => {
  it("renders exactly what Remix's own renders, page after page on one manifest", async () => {
    const shared = manifest();
    const pages = ["/", "/a/7", "/a/missing", "/a/8", "/nowhere", "/"];
    for (const path of pages) {
      const mine = renderToString(
        <RemixServer context={await contextFor(path, shared)} url={`http://localhost${path}`} />,
      );
      const theirs = renderToString(
        <RemixsOwn context={await contextFor(path, shared)} url={`http://localhost${path}`} />,
      );
      expect(mine, path).toBe(theirs);
    }
  });

  it("shows each request its own location, data and errors, not the first request's", async () => {
    const shared = manifest();
    const render = async (path: string) =>
      renderToString(<RemixServer context={await contextFor(path, shared)} url={`http://localhost${path}`} />);
    expect(await render("/")).toContain("index at <!-- -->/");
    const item = await render("/a/42");
    expect(item).toContain("item <!-- -->42");
    expect(item).toContain('href="/"');
    expect(await render("/a/missing")).toContain("no item: <!-- -->404 not here");
    expect(await render("/nowhere")).toContain("root error <!-- -->404");
    expect(await render("/a/43")).toContain("item <!-- -->43");
  });
});
