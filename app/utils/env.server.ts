import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  DATABASE_PATH: z.string().min(1).default("./data/app.db"),
  /** Where attachments are kept: never under public/. */
  UPLOADS_DIR: z.string().min(1).default("./data/uploads"),
  BASE_URL: z.string().url().optional(),
  SMTP_URL: z.string().min(1).optional(),
  MAIL_FROM: z.string().default("Kết Nối Số <no-reply@ketnoiso.vn>"),
  /**
   * The OCDS export's ocid prefix: `ocds-` and the six characters the Open Contracting Partnership
   * registers for a publisher, optionally followed by a part of our own. The default is a placeholder.
   */
  OCID_PREFIX: z
    .string()
    .regex(/^ocds-[a-z0-9]{6}(?:-[A-Za-z0-9._-]+)?$/)
    .default("ocds-xxxxxx-kns"),
});

export type Env = z.infer<typeof EnvSchema>;

/** The validated environment, read when asked (cheap), so tests can change it. Empty counts as unset. */
export function env(): Env {
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ""));
  return EnvSchema.parse(raw);
}

export const isProduction = () => env().NODE_ENV === "production";
