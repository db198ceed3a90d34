import { afterEach, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { getSqlite } from "../../db/client.server";
import { sendEmail } from "./email.server";

function outboxRow(to: string) {
  return getSqlite().prepare('SELECT * FROM outbox WHERE "to" = ? ORDER BY id DESC').get(to) as
    { status: string; subject: string; text: string } | undefined;
}

afterEach(() => {
  delete process.env.SMTP_URL;
});

describe("email", () => {
  it("keeps the mail in the outbox when no SMTP server is configured", async () => {
    delete process.env.SMTP_URL;
    const status = await sendEmail({ to: "kept@test.vn", subject: "Xin chào", text: "Nội dung" });
    expect(status).toBe("kept");
    expect(outboxRow("kept@test.vn")).toMatchObject({ status: "kept", subject: "Xin chào", text: "Nội dung" });
  });

  it("sends through SMTP_URL when it is set", async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, callback) {
        let data = "";
        stream.on("data", (chunk: Buffer) => (data += chunk.toString()));
        stream.on("end", () => {
          received.push(data);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.server.address() as { port: number }).port;
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
    try {
      const status = await sendEmail({ to: "smtp@test.vn", subject: "Reset", text: "Open this link" });
      expect(status).toBe("sent");
      expect(received).toHaveLength(1);
      expect(received[0]).toContain("Open this link");
      expect(received[0]).toMatch(/To: smtp@test\.vn/);
      expect(outboxRow("smtp@test.vn")?.status).toBe("sent");
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("records a failure when the SMTP server cannot be reached", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1?ignoreTLS=true&connectionTimeout=2000";
    const status = await sendEmail({ to: "down@test.vn", subject: "S", text: "T" });
    expect(status).toBe("failed");
    expect(outboxRow("down@test.vn")?.status).toBe("failed");
  });
});
