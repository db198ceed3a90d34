/// <reference types="@remix-run/dev" />
import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address as the server saw it (for rate limits and the audit log). */
    ip: string;
    /** The Content-Security-Policy nonce of this response's scripts. */
    cspNonce: string;
    /** This request's id, as in its log line and its X-Request-Id header. */
    requestId: string;
  }
}
