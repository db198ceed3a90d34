/**
 * Structured logs: one JSON line per event on stdout (errors on stderr), so an operator can follow
 * one request by its id (`journalctl -u ketnoiso -o cat | grep <id>`). Secrets never reach a line:
 * fields named like a password, token, cookie or credential are replaced, and so are credentials
 * inside URLs and `token=` query parameters in any text.
 */
type Fields = Record<string, unknown>;
type Level = "info" | "warn" | "error";

const RANK = { info: 0, warn: 1, error: 2, silent: 3 } as const;
const SECRET_KEY = /pass(word)?|secret|token|cookie|authorization|credential|smtp_?url|api_?key/i;

function threshold(): number {
  const level = process.env.LOG_LEVEL;
  return level && level in RANK ? RANK[level as keyof typeof RANK] : RANK.info;
}

/** Text with the secrets a URL or a query string can carry taken out. */
export function redactText(text: string): string {
  return text
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)([^/\s:@]+):([^@\s/]+)@/gi, "$1$2:[redacted]@")
    .replace(/([?&](?:token|password|code|key)=)[^&\s"']+/gi, "$1[redacted]");
}

/** A copy of the fields safe to write (secret-named keys replaced, text scrubbed), depth-limited. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (value instanceof Error) return redactText(value.stack ?? value.message);
  if (value === null || typeof value !== "object") return value;
  if (depth > 4) return "[…]";
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && v !== null && v !== undefined ? "[redacted]" : redact(v, depth + 1);
  }
  return out;
}

/**
 * Lines for stdout not written yet. A busy server writes one line per request: they leave together,
 * in one write at the end of the event-loop turn, instead of one write (a system call on a pipe,
 * synchronous in Node) each (ADR 014). An error line goes out at once, after the lines before it,
 * and what is left is written when the process exits.
 */
let pending = "";
let scheduled = false;

/** Writes the lines waiting for stdout now. */
export function flushLog() {
  scheduled = false;
  if (!pending) return;
  const text = pending;
  pending = "";
  process.stdout.write(text);
}
process.on("exit", flushLog);

function write(level: Level, msg: string, fields: Fields = {}) {
  if (RANK[level] < threshold()) return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...(redact(fields) as Fields) });
  if (level === "error") {
    flushLog();
    process.stderr.write(line + "\n");
    return;
  }
  pending += line + "\n";
  if (!scheduled) {
    scheduled = true;
    setImmediate(flushLog);
  }
}

export const log = {
  info: (msg: string, fields?: Fields) => write("info", msg, fields),
  warn: (msg: string, fields?: Fields) => write("warn", msg, fields),
  error: (msg: string, fields?: Fields) => write("error", msg, fields),
};
