/**
 * Sessions and passwords. Lucia v3 is deprecated upstream (ADR 002): everything that touches it
 * stays in this file, so that it can be replaced without touching routes.
 */
import crypto from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { redirect } from "@remix-run/node";
import { eq, sql } from "drizzle-orm";
import { Cookie, Lucia, TimeSpan, type DatabaseSession, type DatabaseUser } from "lucia";
import { getDb, schema, type DB } from "../../db/client.server";
import { readCookie } from "~/lib/cookies";
import { isSafeMethod } from "./csrf";
import { hasRole } from "~/lib/permissions";
import type { Role } from "~/lib/reference";
import { isProduction } from "./env.server";

export { safeRedirect } from "~/lib/redirect";

const SESSION_DAYS = 30;
export const SESSION_COOKIE = "kns_session";
const COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;

let instance: { db: DB; lucia: ReturnType<typeof createLucia> } | null = null;

/**
 * The drizzle adapter, reading a session and its user with one statement prepared once (ADR 014):
 * the adapter's own reading built two queries at every request (the session, then the user
 * through a join) and had SQLite compile each. The answer is the same: the session, or none; its
 * user, or none (the session is then deleted by lucia).
 */
class SessionAdapter extends DrizzleSQLiteAdapter {
  private readonly sessionAndUser;

  constructor(db: DB) {
    super(db, schema.sessions, schema.users);
    this.sessionAndUser = db
      .select({ session: schema.sessions, user: schema.users })
      .from(schema.sessions)
      .leftJoin(schema.users, eq(schema.sessions.userId, schema.users.id))
      .where(eq(schema.sessions.id, sql.placeholder("id")))
      .prepare();
  }

  override async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = this.sessionAndUser.get({ id: sessionId });
    if (!row) return [null, null];
    const { session } = row;
    const databaseSession = {
      id: session.id,
      userId: session.userId,
      expiresAt: new Date(session.expiresAt * 1000),
      attributes: {},
    };
    if (!row.user) return [databaseSession, null];
    return [databaseSession, { id: row.user.id, attributes: row.user }];
  }
}

function createLucia(db: DB) {
  const adapter = new SessionAdapter(db);
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(SESSION_DAYS, "d"),
    sessionCookie: {
      name: SESSION_COOKIE,
      attributes: { secure: isProduction(), sameSite: "lax" },
    },
    getUserAttributes: (a) => ({
      email: a.email,
      name: a.name,
      role: a.role,
      organisationId: a.organisationId,
      lang: a.lang,
      active: a.active,
      mustChangePassword: a.mustChangePassword,
    }),
  });
}

/** Built for the process's connection (tests give each file its own database). */
function lucia() {
  const db = getDb();
  if (instance?.db !== db) instance = { db, lucia: createLucia(db) };
  return instance.lucia;
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: typeof schema.users.$inferSelect;
  }
}

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  lang: "vi" | "en";
  mustChangePassword: boolean;
};

// Argon2id (the library's default algorithm) with OWASP's recommended minimum parameters.
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when no user matched, so a miss costs the same time as a hit. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  if (!dummyHash) dummyHash = hashPassword("not-a-real-password-0000");
  return dummyHash;
}

/**
 * Starts a session; returns the Set-Cookie header value. The session itself expires after 30
 * days without use (lucia extends it once past half its life: sliding expiry), so the cookie is
 * kept as long as browsers allow and the database decides whether the session still holds.
 */
export async function createSessionCookie(userId: string): Promise<string> {
  const session = await lucia().createSession(userId, {});
  const cookie = lucia().createSessionCookie(session.id);
  return new Cookie(cookie.name, cookie.value, { ...cookie.attributes, maxAge: COOKIE_MAX_AGE_S }).serialize();
}

export function blankSessionCookie(): string {
  return lucia().createBlankSessionCookie().serialize();
}

export async function invalidateUserSessions(userId: string) {
  await lucia().invalidateUserSessions(userId);
}

/** The session id from the Cookie header; a malformed header or value counts as no session. */
function sessionIdFrom(request: Request): string | null {
  // Not lucia's readSessionCookie: it decodes every cookie in the header and throws on one bad one.
  const id = readCookie(request.headers.get("Cookie"), SESSION_COOKIE);
  return id && /^[a-z0-9]{1,128}$/i.test(id) ? id : null;
}

/** Each GET's user, read once: the root loader and the page's loader ask for it in the same request. */
const usersOfRequests = new WeakMap<Request, Promise<SessionUser | null>>();

/**
 * The signed-in user, or null (no session, an expired one, or a deactivated account). A GET or
 * HEAD reads the session once however many loaders ask; a form post reads it at each call, since
 * its action may sign in or out, or change the user, before the loaders run.
 */
export function getUser(request: Request): Promise<SessionUser | null> {
  if (!isSafeMethod(request.method)) return readUser(request);
  let user = usersOfRequests.get(request);
  if (!user) {
    user = readUser(request);
    usersOfRequests.set(request, user);
  }
  return user;
}

async function readUser(request: Request): Promise<SessionUser | null> {
  const sessionId = sessionIdFrom(request);
  if (!sessionId) return null;
  const { user } = await lucia().validateSession(sessionId);
  if (!user || !user.active) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organisationId: user.organisationId,
    lang: user.lang,
    mustChangePassword: user.mustChangePassword,
  };
}

export async function signOut(request: Request) {
  const sessionId = sessionIdFrom(request);
  if (sessionId) await lucia().invalidateSession(sessionId);
}

const CHANGE_PASSWORD_PATH = "/me/password";

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  const url = new URL(request.url);
  if (!user) {
    const redirectTo = `${url.pathname}${url.search}`;
    throw redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  }
  if (user.mustChangePassword && url.pathname !== CHANGE_PASSWORD_PATH) {
    throw redirect(CHANGE_PASSWORD_PATH);
  }
  return user;
}

/** For models: refuses (403) a user who does not hold one of the roles (app/lib/permissions.ts). */
export function assertRole(user: Pick<SessionUser, "role">, ...roles: Role[]): void {
  if (!hasRole(user, ...roles)) throw new Response("Forbidden", { status: 403 });
}

export { hasRole };

/** The signed-in user when they hold one of the roles (an admin holds "staff" too); else 403. */
export async function requireRole(request: Request, ...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  assertRole(user, ...roles);
  return user;
}

export async function requireAnonymous(request: Request) {
  if (await getUser(request)) throw redirect("/me");
}

/** A temporary password readable over the phone: 4 groups of 4 unambiguous characters. */
export function temporaryPassword(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  const chars = Array.from(crypto.randomBytes(16), (b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-");
}
