/**
 * Remix's `<RemixServer>` with the route tree built once per build instead of once per request
 * (ADR 016). Remix's own builds the render's route objects from the build's manifest at every
 * request (`createServerRoutes`), then React Router converts them to data routes
 * (`createStaticRouter`): with this app's 75 routes that is about 1 ms of a page's CPU, and it
 * depends only on the build. Here both are made once per manifest and shared by every request; the
 * per-request parts (the location, the matches, the loader data) are rebuilt as Remix does.
 *
 * It does what `RemixServer` of @remix-run/react 2.17 does for this app's configuration (no SPA
 * mode, no single fetch): the same context value, the same error boundary, the same router
 * provider. `remix-server.server.test.tsx` renders pages with both and compares the HTML.
 */
import { Fragment } from "react";
import type { EntryContext } from "@remix-run/node";
import { UNSAFE_RemixContext as RemixContext } from "@remix-run/react";
import { createServerRoutes, shouldHydrateRouteLoader } from "@remix-run/react/dist/routes.js";
import { RemixErrorBoundary } from "@remix-run/react/dist/errorBoundaries.js";
import type { StaticHandlerContext } from "@remix-run/router";
import { createStaticRouter, StaticRouterProvider } from "react-router-dom/server.js";

type StaticRouter = ReturnType<typeof createStaticRouter>;
type Tree = { router: StaticRouter; byId: Map<string, StaticRouter["routes"][number]> };

/** A static router on the build's routes, made on its first request, and its routes by id. */
const trees = new WeakMap<object, Tree>();

function treeFor(context: EntryContext): Tree {
  let tree = trees.get(context.manifest.routes);
  if (!tree) {
    const routes = createServerRoutes(context.manifest.routes, context.routeModules, context.future, context.isSpaMode);
    const router = createStaticRouter(
      routes,
      { ...context.staticHandlerContext, matches: [] },
      { future: { v7_partialHydration: true, v7_relativeSplatPath: context.future.v3_relativeSplatPath } },
    );
    const byId: Tree["byId"] = new Map();
    const walk = (list: StaticRouter["routes"]) => {
      for (const route of list) {
        byId.set(route.id, route);
        if (route.children) walk(route.children);
      }
    };
    walk(router.routes);
    tree = { router, byId };
    trees.set(context.manifest.routes, tree);
  }
  return tree;
}

/**
 * What `createStaticRouter` gives for this request, without making its routes again: the router
 * made once, with this request's basename and state (location, matches on the shared routes,
 * loader and action data, errors) over it.
 */
function staticRouter(tree: Tree, context: StaticHandlerContext): StaticRouter {
  const matches = context.matches.map((match) => ({ ...match, route: tree.byId.get(match.route.id) ?? match.route }));
  const state: StaticRouter["state"] = {
    ...tree.router.state,
    location: context.location,
    matches,
    loaderData: context.loaderData,
    actionData: context.actionData,
    errors: context.errors,
  };
  return Object.create(tree.router, {
    basename: { value: context.basename },
    state: { value: state },
  }) as StaticRouter;
}

export function RemixServer({
  context,
  abortDelay,
}: {
  context: EntryContext;
  url: string | URL;
  abortDelay?: number;
  nonce?: string;
}) {
  const { manifest, routeModules, criticalCss, serverHandoffString } = context;
  const tree = treeFor(context);
  // As Remix does: a route that hydrates its own data renders its fallback on the server.
  context.staticHandlerContext.loaderData = { ...context.staticHandlerContext.loaderData };
  for (const match of context.staticHandlerContext.matches) {
    const routeId = match.route.id;
    const route = routeModules[routeId];
    const manifestRoute = manifest.routes[routeId]!;
    if (
      route &&
      shouldHydrateRouteLoader(manifestRoute, route, context.isSpaMode) &&
      (route.HydrateFallback || !manifestRoute.hasLoader)
    ) {
      context.staticHandlerContext.loaderData[routeId] = undefined;
    }
  }
  const router = staticRouter(tree, context.staticHandlerContext);
  return (
    <Fragment>
      <RemixContext.Provider
        value={{
          manifest,
          routeModules,
          criticalCss,
          serverHandoffString,
          future: context.future,
          isSpaMode: context.isSpaMode,
          serializeError: context.serializeError,
          abortDelay,
          renderMeta: context.renderMeta,
        }}
      >
        <RemixErrorBoundary location={router.state.location}>
          <StaticRouterProvider router={router} context={context.staticHandlerContext} hydrate={false} />
        </RemixErrorBoundary>
      </RemixContext.Provider>
      {/* Where Remix renders single fetch's stream (off here): the same tree, so the same useId()s. */}
      {null}
    </Fragment>
  );
}
