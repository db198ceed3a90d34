/**
 * `npm run admin:create -- --email … --name … [--lang vi|en] [--organisation DEPARTMENT|HUBA|HCA]`
 *
 * Creates an administrator (or makes an existing staff account one) on DATABASE_PATH, migrating
 * it first, and prints a one-time password that must be changed at first sign-in. Works on any
 * database, production included; the audit log records it. Compiled into build/admin-create.js.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { z } from "zod";
import { openSqlite, setConnection } from "../db/client.server";
import { runMigrations } from "../db/migrate";
import { LANGUAGES, STAFF_ORGANISATIONS } from "../app/lib/reference";
import { createOrPromoteAdmin } from "../app/models/staff-accounts.server";
import { hashPassword, temporaryPassword } from "../app/utils/auth.server";
import { env } from "../app/utils/env.server";

const USAGE = `Usage: npm run admin:create -- --email admin@example.vn --name "Nguyễn Văn A" [--lang vi|en] [--organisation ${STAFF_ORGANISATIONS.join("|")}]`;

const Args = z.object({
  email: z.string().trim().toLowerCase().email("--email must be an email address"),
  name: z.string().trim().min(2, "--name must be the person's full name").max(120),
  lang: z.enum(LANGUAGES).default("vi"),
  organisation: z.enum(STAFF_ORGANISATIONS).default("DEPARTMENT"),
});

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let raw;
try {
  raw = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      lang: { type: "string" },
      organisation: { type: "string" },
    },
  }).values;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const parsed = Args.safeParse(raw);
if (!parsed.success) fail(parsed.error.issues.map((i) => i.message).join("\n"));
const args = parsed.data;

const database = env().DATABASE_PATH;
const sqlite = openSqlite(database);
try {
  runMigrations(sqlite);
  setConnection(sqlite);
  const password = temporaryPassword();
  const result = createOrPromoteAdmin(
    {
      email: args.email,
      name: args.name,
      lang: args.lang,
      staffCode: args.organisation,
      passwordHash: await hashPassword(password),
    },
    os.userInfo().username,
  );
  if (result.outcome === "refused") {
    console.error(
      `${args.email} belongs to an account of role "${result.role}", which cannot be made an administrator.`,
    );
    process.exitCode = 2;
  } else {
    const login = env().BASE_URL ? new URL("/login", env().BASE_URL).toString() : "/login";
    console.log(
      [
        result.outcome === "created"
          ? `Administrator created: ${args.email} (${args.name}) in ${database}`
          : `${args.email} is now an active administrator (in ${database}); its sessions were ended.`,
        `One-time password: ${password}`,
        `Sign in at ${login}: the site asks for a new password at once. This password is shown only here.`,
      ].join("\n"),
    );
  }
} finally {
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
}
