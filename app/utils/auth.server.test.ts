import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createUser } from "../../db/test/factories";
import { createSessionCookie, getUser, signOut } from "./auth.server";

const request = (cookie: string, method = "GET") =>
  new Request("http://localhost:3000/me", { method, headers: { Cookie: cookie } });

describe("the signed-in user of a request", () => {
  it("is read once per page request, however many loaders ask", async () => {
    const user = createUser({ role: "vendor" });
    const cookie = (await createSessionCookie(user.id)).split(";")[0]!;
    const page = request(cookie);
    const first = getUser(page);
    expect(getUser(page)).toBe(first);
    expect((await first)?.id).toBe(user.id);
    // The session ending during the request does not change what its loaders were told…
    getSqlite().prepare("DELETE FROM sessions WHERE user_id = ?").run(user.id);
    expect((await getUser(page))?.id).toBe(user.id);
    // …but the next request sees it.
    await expect(getUser(request(cookie))).resolves.toBeNull();
  });

  it("is read again at each call of a form post, whose action may sign out before the loaders run", async () => {
    const user = createUser({ role: "sme" });
    const cookie = (await createSessionCookie(user.id)).split(";")[0]!;
    const post = request(cookie, "POST");
    expect((await getUser(post))?.id).toBe(user.id);
    await signOut(post);
    await expect(getUser(post)).resolves.toBeNull();
  });
});
