/**
 * The operator's path of docs/operations.md, on a server of its own in production mode: the
 * compiled start on an empty database (no demo data, a hint to create the first admin),
 * `npm run admin:create`, the first sign-in and forced password change, the general POST limit,
 * `npm run db:backup` while the server runs, `npm run db:restore` into a fresh folder, and a clean
 * stop on SIGTERM that leaves no write-ahead log behind.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { expect, expectAccessible, test } from "./fixtures";

const run = promisify(execFile);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, server: ChildProcess, output: () => string) {
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error(`the server stopped (${server.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer /healthz:\n${output()}`);
}

test("a production server on an empty database: admin:create, first sign-in, backup, restore, clean stop", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dir = path.resolve(`e2e/.data/operations-${crypto.randomUUID().slice(0, 8)}`);
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const base = `http://localhost:${port}`;
  // The settings file of docs/operations.md, read by `node --env-file` as the systemd unit does.
  const settings = {
    NODE_ENV: "production",
    BASE_URL: base,
    PORT: String(port),
    DATABASE_PATH: path.join(dir, "app.db"),
    UPLOADS_DIR: path.join(dir, "uploads"),
    TRUST_PROXY: "loopback",
    MAIL_FROM: '"Kết Nối Số <no-reply@ketnoiso.vn>"',
    LOG_LEVEL: "info",
    RATE_LIMIT_POSTS_PER_MINUTE: "6",
    CHECKIN_SECRET: crypto.randomBytes(32).toString("hex"),
  };
  const envFile = path.join(dir, "ketnoiso.env");
  const writeEnvFile = (file: string, values: Record<string, string>) =>
    fs.writeFileSync(
      file,
      Object.entries(values)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(""),
    );
  writeEnvFile(envFile, settings);
  // Nothing from the test runner's own environment leaks in: the file is the configuration.
  // (NODE_ENV is the file's too: the environment would win over the file.)
  const bare: NodeJS.ProcessEnv = { NODE_ENV: "production", PATH: process.env.PATH!, HOME: process.env.HOME ?? dir };
  const node = (args: string[], env: NodeJS.ProcessEnv = bare) =>
    run(process.execPath, args, { env, cwd: process.cwd() });

  await test.step("production refuses to start without BASE_URL, naming it", async () => {
    const { BASE_URL: _unset, ...withoutBase } = settings;
    const incomplete = path.join(dir, "incomplete.env");
    writeEnvFile(incomplete, withoutBase);
    const failed = await node([`--env-file=${incomplete}`, "build/server.js"]).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("Cannot start: BASE_URL is required in production");
  });

  let output = "";
  const server = spawn(process.execPath, [`--env-file=${envFile}`, "--enable-source-maps", "build/server.js"], {
    env: bare,
  });
  server.stdout!.on("data", (chunk) => (output += chunk));
  server.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
  try {
    await test.step("the compiled server starts with no demo data and says how to create an admin", async () => {
      await waitForHealth(base, server, () => output);
      expect(output).toContain("npm run admin:create -- --email");
      const db = new Database(settings.DATABASE_PATH, { readonly: true });
      expect((db.prepare("SELECT count(*) AS n FROM users").get() as { n: number }).n).toBe(0);
      db.close();
      // Every line the server writes on its own is one JSON object with a request id where there is a request.
      const requestLine = () =>
        output
          .split("\n")
          .filter((l) => l.startsWith("{"))
          .map((l) => JSON.parse(l))
          .find((l) => l.msg === "request");
      await expect.poll(requestLine).toMatchObject({ method: "GET", path: "/healthz", status: 200 });
      expect(requestLine().id).toMatch(/^[0-9a-f-]{36}$/);
    });

    let oneTime = "";
    await test.step("admin:create prints a one-time password", async () => {
      const { stdout } = await node([
        `--env-file=${envFile}`,
        "build/admin-create.js",
        "--email",
        "Quan.Tri@ops.test",
        "--name",
        "Trần Quản Trị",
      ]);
      expect(stdout).toContain("Administrator created: quan.tri@ops.test (Trần Quản Trị)");
      oneTime = stdout.match(/One-time password: (\S+)/)![1]!;
      expect(oneTime).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
      expect(stdout).toContain(`Sign in at ${base}/login`);
    });

    await test.step("the admin signs in and must choose a new password first", async () => {
      await page.goto(`${base}/login`);
      await page.getByLabel("Email").fill("quan.tri@ops.test");
      await page.getByLabel("Mật khẩu").fill(oneTime);
      await page.getByRole("button", { name: "Đăng nhập" }).click();
      await expect(page).toHaveURL(`${base}/me/password`);
      await expect(page.getByText("Bạn đang dùng mật khẩu tạm thời")).toBeVisible();
      await expectAccessible(page);
      await page.goto(`${base}/admin/users`);
      await expect(page).toHaveURL(`${base}/me/password`);
      await page.getByLabel("Mật khẩu tạm thời").fill(oneTime);
      await page.getByLabel("Mật khẩu mới", { exact: true }).fill("quản trị hệ thống kết nối");
      await page.getByLabel("Nhập lại mật khẩu mới").fill("quản trị hệ thống kết nối");
      await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
      await expect(page).toHaveURL(`${base}/me?notice=passwordChanged`);
      await page.goto(`${base}/admin/users`);
      await expect(page.getByRole("main").getByText("quan.tri@ops.test")).toBeVisible();
      const cookie = (await page.context().cookies(base)).find((c) => c.name === "kns_session")!;
      expect(cookie.secure).toBe(true);

      const db = new Database(settings.DATABASE_PATH, { readonly: true });
      const actions = db.prepare("SELECT action FROM audit_log ORDER BY id").all() as { action: string }[];
      expect(actions.map((a) => a.action)).toEqual(["admin_created", "sign_in", "password_changed"]);
      db.close();
    });

    await test.step("a flood of posts from one address gets the 429 page in the user's language", async () => {
      let status = 0;
      let body = "";
      for (let i = 0; i < 8 && status !== 429; i++) {
        const response = await page.request.post(`${base}/login?lang=en`, {
          headers: { Origin: base },
          form: { email: "x@ops.test", password: "wrong" },
          maxRedirects: 0,
        });
        status = response.status();
        body = await response.text();
      }
      expect(status).toBe(429);
      expect(body).toContain("Too many forms were sent from your network address in one minute.");
    });

    const backups = path.join(dir, "backups");
    await test.step("db:backup copies the live database and the uploads", async () => {
      fs.mkdirSync(path.join(settings.UPLOADS_DIR, "engagement-1"), { recursive: true });
      fs.writeFileSync(path.join(settings.UPLOADS_DIR, "engagement-1", "report.pdf"), "%PDF-1.7 report");
      const { stdout } = await node([`--env-file=${envFile}`, "build/db-backup.js", "--root", backups, "--keep", "14"]);
      expect(stdout).toMatch(/Backup of .* written to .*backups\/.* \(checked\)\./);
    });

    await test.step("db:restore puts it back into a fresh folder, checked (the restore drill)", async () => {
      const [folder] = fs.readdirSync(backups);
      const drill = {
        DATABASE_PATH: path.join(dir, "drill", "app.db"),
        UPLOADS_DIR: path.join(dir, "drill", "uploads"),
      };
      const { stdout } = await node(["build/db-restore.js", path.join(backups, folder!)], { ...bare, ...drill });
      expect(stdout).toMatch(/Restored the backup of .* \(\d+ rows, integrity ok\) and .* \(1 files\)\./);
      const restored = new Database(drill.DATABASE_PATH, { readonly: true });
      expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
      const admin = restored
        .prepare("SELECT role, must_change_password FROM users WHERE email = ?")
        .get("quan.tri@ops.test");
      expect(admin).toEqual({ role: "admin", must_change_password: 0 });
      restored.close();
      expect(fs.readFileSync(path.join(drill.UPLOADS_DIR, "engagement-1", "report.pdf"), "utf8")).toBe(
        "%PDF-1.7 report",
      );

      // `npm run admin:create` on the restored copy: an existing admin gets a new one-time password.
      const again = await run(
        "npm",
        ["run", "--silent", "admin:create", "--", "--email", "quan.tri@ops.test", "--name", "Trần Quản Trị"],
        {
          env: { ...bare, ...drill },
        },
      );
      expect(again.stdout).toContain("quan.tri@ops.test is now an active administrator");
      const promoted = new Database(drill.DATABASE_PATH, { readonly: true });
      expect(
        promoted.prepare("SELECT must_change_password AS m FROM users WHERE email = ?").get("quan.tri@ops.test"),
      ).toEqual({ m: 1 });
      promoted.close();
    });

    await test.step("SIGTERM stops the server cleanly: the database is checkpointed and closed", async () => {
      server.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(output).toContain('"msg":"stopped"');
      const wal = `${settings.DATABASE_PATH}-wal`;
      expect(!fs.existsSync(wal) || fs.statSync(wal).size === 0).toBe(true);
    });

    await test.step("with the server stopped, db:restore --force puts the backup back in place", async () => {
      const [folder] = fs.readdirSync(backups);
      fs.writeFileSync(path.join(settings.UPLOADS_DIR, "after-backup.txt"), "not in the backup");
      const refused = await node([`--env-file=${envFile}`, "build/db-restore.js", path.join(backups, folder!)]).catch(
        (e) => e,
      );
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("add --force to replace it");
      const { stdout } = await node([
        `--env-file=${envFile}`,
        "build/db-restore.js",
        path.join(backups, folder!),
        "--force",
      ]);
      expect(stdout).toContain("integrity ok");
      expect(fs.existsSync(path.join(settings.UPLOADS_DIR, "after-backup.txt"))).toBe(false);
    });
  } finally {
    if (server.exitCode === null) server.kill("SIGKILL");
  }
});
