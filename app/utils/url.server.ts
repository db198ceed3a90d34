/**
 * The site's own address. Every absolute link (in mail above all: a password-reset link that
 * followed the request's Host could be pointed at an attacker's site) and the one Origin accepted
 * on state-changing requests come from BASE_URL, never from the request. Development without
 * BASE_URL falls back to http://localhost:PORT; production refuses to start without it.
 */
import { env } from "./env.server";

export function baseUrl(): string {
  const config = env();
  if (config.BASE_URL) return new URL(config.BASE_URL).origin;
  if (config.NODE_ENV === "production") throw new Error("BASE_URL is required in production");
  return `http://localhost:${config.PORT}`;
}

/** An absolute link to a path on this site. */
export function siteUrl(pathAndQuery: string): string {
  return new URL(pathAndQuery, baseUrl()).toString();
}

/**
 * The Origins a state-changing request may carry: BASE_URL's. Without BASE_URL (development
 * only) the loopback names of the dev server are accepted too, so 127.0.0.1 works as localhost.
 */
export function allowedOrigins(): string[] {
  const config = env();
  if (config.BASE_URL) return [new URL(config.BASE_URL).origin];
  return [baseUrl(), `http://127.0.0.1:${config.PORT}`, `http://[::1]:${config.PORT}`];
}
