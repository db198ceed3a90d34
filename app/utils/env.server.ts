import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  DATABASE_PATH: z.string().min(1).default("./data/app.db"),
  /** Where attachments are kept: never under public/. */
  UPLOADS_DIR: z.string().min(1).default("./data/uploads"),
  /** The public address (scheme, host, port): every emailed link and the one accepted Origin. */
  BASE_URL: z
    .string()
    .superRefine((v, ctx) => {
      const url = URL.canParse(v) ? new URL(v) : null;
      if (!url || !/^https?:$/.test(url.protocol)) {
        ctx.addIssue({ code: "custom", message: "must be an http:// or https:// address, e.g. https://ketnoiso.vn" });
      } else if (url.pathname !== "/" || url.search || url.hash) {
        ctx.addIssue({ code: "custom", message: "must be an origin only, without a path (the app is served at /)" });
      }
    })
    .optional(),
  /** Which proxies to believe about the client's address: unset trusts none (ADR 008). */
  TRUST_PROXY: z.string().optional(),
  /** The general limit on state-changing requests from one address; 0 turns it off. */
  RATE_LIMIT_POSTS_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  /** Minutes between two risk-flag sweeps inside the server; 0 turns the sweep off. */
  FLAG_SWEEP_MINUTES: z.coerce.number().min(0).default(15),
  LOG_LEVEL: z.enum(["info", "warn", "error", "silent"]).default("info"),
  SMTP_URL: z.string().min(1).optional(),
  MAIL_FROM: z.string().default("Kết Nối Số <no-reply@ketnoiso.vn>"),
  /** How often the mail worker sends pending mail, in seconds (0 turns it off). */
  MAIL_WORKER_SECONDS: z.coerce.number().int().min(0).default(20),
  /**
   * The OCDS export's ocid prefix: `ocds-` and the six characters the Open Contracting Partnership
   * registers for a publisher, optionally followed by a part of our own. The default is a placeholder.
   */
  /**
   * The key that signs event check-in links (the QR code on a registration, ADR 013): at least 32
   * characters, required in production. Changing it makes the codes already issued stop working.
   */
  CHECKIN_SECRET: z.string().min(32, "must be at least 32 characters (e.g. openssl rand -hex 32)").optional(),
  OCID_PREFIX: z
    .string()
    .regex(/^ocds-[a-z0-9]{6}(?:-[A-Za-z0-9._-]+)?$/)
    .default("ocds-xxxxxx-kns"),
  /** `1` serves the scale benchmark's trivial page, /bench/trivial (issue 14); unset it is a 404. */
  BENCH_TRIVIAL: z.enum(["0", "1"]).optional(),
});

export type Env = z.infer<typeof EnvSchema>;

/** Every variable the application reads (the README's table and docs/operations.md list each). */
export const ENV_VARIABLES = Object.keys(EnvSchema.shape) as (keyof Env)[];

/** The validated environment, read when asked (cheap), so tests can change it. Empty counts as unset. */
export function env(): Env {
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ""));
  return EnvSchema.parse(raw);
}

export const isProduction = () => env().NODE_ENV === "production";

/**
 * What stops the server from starting, in words an operator can act on (each names its variable).
 * Empty when the environment is fit to serve.
 */
export function configurationProblems(source: Record<string, string | undefined> = process.env): string[] {
  const raw = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`);
  }
  const problems: string[] = [];
  if (parsed.data.NODE_ENV === "production" && !parsed.data.BASE_URL) {
    problems.push(
      "BASE_URL is required in production: the public address of the site (e.g. https://ketnoiso.example.vn). " +
        "Every emailed link and the accepted Origin of forms come from it, never from the request's Host.",
    );
  }
  if (parsed.data.NODE_ENV === "production" && !parsed.data.CHECKIN_SECRET) {
    problems.push(
      "CHECKIN_SECRET is required in production: at least 32 random characters (openssl rand -hex 32). " +
        "It signs the check-in links in the QR codes of event registrations.",
    );
  }
  return problems;
}

/** Outside production, a fixed key stands in when CHECKIN_SECRET is unset (never in production). */
const DEVELOPMENT_CHECKIN_SECRET = "development-only-check-in-secret-not-for-production";

/** The key that signs event check-in links. */
export function checkinSecret(): string {
  const config = env();
  if (config.CHECKIN_SECRET) return config.CHECKIN_SECRET;
  if (config.NODE_ENV === "production") throw new Error("CHECKIN_SECRET is not set");
  return DEVELOPMENT_CHECKIN_SECRET;
}
