/**
 * Remembered route matches (ADR 014). React Router's `matchRoutes` flattens and ranks the whole
 * route tree and compiles a regular expression per route tried, at every call; Remix calls it four
 * times or more for each page (the server's match, the render's, and the fog-of-war manifest's,
 * once per parent path), each time on a tree it has just built again. With this app's 75 routes
 * (74 route files and the root) that was a fifth of the server's work on a page that does nothing
 * else.
 *
 * The answer depends only on the tree's shape (each route's id, path, index and case flags, and
 * its place) and on the pathname, so it is kept per shape and pathname, as the route ids, params
 * and matched pathnames, and handed back with the route objects of the tree asked about. A tree
 * whose routes lack unique ids is matched as before. The process's build never changes, so only a
 * few shapes exist; pathnames are kept up to `MAX_PATHNAMES` per shape, the oldest forgotten first.
 *
 * The callers (`@remix-run/server-runtime`, `@remix-run/react`, `react-router`) read
 * `matchRoutes` from `@remix-run/router`'s CommonJS exports at each call, so replacing that export
 * reaches them all; the router's own data query (`query`, `queryRoute`) reads it too through
 * patches/@remix-run+router+1.23.3.patch (applied at `npm ci`).
 */
import { createRequire } from "node:module";

type Route = { id?: unknown; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };
type Match = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: Route };
type MatchRoutes = (routes: Route[], location: string | { pathname?: string }, basename?: string) => Match[] | null;
type RouterExports = { matchRoutes: MatchRoutes; parsePath: (path: string) => { pathname?: string } };

/** What a match was, without the route objects: ids, the params, and each match's pathnames. */
type Remembered = { ids: string[]; params: Match["params"]; pathnames: string[]; bases: string[] } | null;
type Shape = { key: string; byId: Map<string, Route> };

export const MAX_PATHNAMES = 1000;
const MAX_SHAPES = 8;

/** The shape of a tree (null when a route has no id or one is repeated), by the tree's array. */
function shapeOf(routes: Route[]): Shape | null {
  const byId = new Map<string, Route>();
  const parts: string[] = [];
  const walk = (list: Route[], depth: number): boolean => {
    for (const route of list) {
      if (typeof route.id !== "string" || byId.has(route.id)) return false;
      byId.set(route.id, route);
      parts.push(
        `${depth}\t${route.id}\t${route.path ?? "\u0000"}\t${route.index ? 1 : 0}${route.caseSensitive ? 1 : 0}`,
      );
      if (route.children?.length && !walk(route.children, depth + 1)) return false;
    }
    return true;
  };
  return walk(routes, 0) ? { key: parts.join("\n"), byId } : null;
}

/** `matchRoutes` as the router has it, answering a tree shape and pathname it saw before from memory. */
export function rememberingMatchRoutes(original: MatchRoutes, parsePath: RouterExports["parsePath"]): MatchRoutes {
  const shapes = new WeakMap<Route[], Shape | null>();
  const remembered = new Map<string, Map<string, Remembered>>();

  return function matchRoutes(routes, location, basename = "/") {
    let shape = shapes.get(routes);
    if (shape === undefined) {
      shape = Array.isArray(routes) ? shapeOf(routes) : null;
      shapes.set(routes, shape);
    }
    if (!shape) return original(routes, location, basename);

    const pathname = typeof location === "string" ? parsePath(location).pathname : location?.pathname;
    const key = `${basename}\u0000${pathname ?? ""}`;
    let byPath = remembered.get(shape.key);
    let known = byPath?.get(key);
    if (known === undefined) {
      const matches = original(routes, location, basename);
      known = matches && {
        ids: matches.map((m) => m.route.id as string),
        params: { ...matches.at(-1)?.params },
        pathnames: matches.map((m) => m.pathname),
        bases: matches.map((m) => m.pathnameBase),
      };
      if (!byPath) {
        if (remembered.size >= MAX_SHAPES) remembered.delete(remembered.keys().next().value!);
        byPath = new Map();
        remembered.set(shape.key, byPath);
      }
      if (byPath.size >= MAX_PATHNAMES) byPath.delete(byPath.keys().next().value!);
      byPath.set(key, known);
      return matches;
    }
    if (!known) return null;
    // One params object shared by every match, as the router answers (each holds all the params).
    const params = { ...known.params };
    const byId = shape.byId;
    return known.ids.map((id, i) => ({
      params,
      pathname: known.pathnames[i]!,
      pathnameBase: known.bases[i]!,
      route: byId.get(id)!,
    }));
  };
}

/** Replaces `@remix-run/router`'s exported `matchRoutes` for this process; returns how to undo it. */
export function rememberRouteMatches(): () => void {
  const router = createRequire(import.meta.url)("@remix-run/router") as RouterExports;
  const original = router.matchRoutes;
  router.matchRoutes = rememberingMatchRoutes(original, router.parsePath);
  return () => {
    router.matchRoutes = original;
  };
}
