import { describe, expect, it } from "vitest";
import { createUser } from "../../db/test/factories";
import { createSessionCookie, getUser } from "./auth.server";
import { getLang } from "./i18n.server";

const page = (cookie: string) => new Request("http://localhost:3000/me", { headers: { Cookie: cookie } });

describe("malformed cookies are ignored, never a 500", () => {
  it("a lang cookie that is not valid percent-encoding falls back to Vietnamese", () => {
    expect(getLang(page("lang=%E0%A4%A"))).toBe("vi");
    expect(getLang(page("lang=%E0%A4%A; lang=en"))).toBe("vi");
    expect(getLang(page("lang=fr"))).toBe("vi");
    expect(getLang(page("lang=en"))).toBe("en");
  });

  it("a garbage session cookie is no session", async () => {
    await expect(getUser(page("kns_session=%E0%A4%A"))).resolves.toBeNull();
    await expect(getUser(page("kns_session=' OR 1=1 --"))).resolves.toBeNull();
    await expect(getUser(page(`kns_session=${"x".repeat(5000)}`))).resolves.toBeNull();
  });

  it("a malformed lang cookie beside a valid session leaves the session working", async () => {
    const user = createUser({ role: "sme" });
    const session = (await createSessionCookie(user.id)).split(";")[0]!;
    const found = await getUser(page(`lang=%E0%A4%A; ${session}`));
    expect(found?.id).toBe(user.id);
  });
});
