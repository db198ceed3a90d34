/**
 * The forms that parsed by hand before Conform: each action answers bad input with a 400 whose
 * errors are by field and whose values are what was typed (so the page shows them again, with or
 * without JavaScript), and good input with the change and a redirect.
 */
import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { createUser } from "../../db/test/factories";
import { createFlag, flagStatus } from "../../db/test/flags";
import { completeDossier } from "../../db/test/vendors";
import { getDossier } from "~/models/dossier.server";
import { emailSettings } from "~/models/notifications.server";
import { createSessionCookie } from "~/utils/auth.server";
import { action as adminSettings } from "./admin.settings";
import { action as dossierReferences } from "./me.dossier.references";
import { action as notificationSettings } from "./notifications.settings";
import { action as staffFlag } from "./staff.flags.$flagId";
import { action as verifyEmail } from "./verify-email";

type Action = (args: ActionFunctionArgs) => Promise<Response>;

async function post(
  action: Action,
  user: { id: string } | null,
  fields: Record<string, string>,
  params: Record<string, string> = {},
): Promise<Response> {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded" });
  if (user) headers.set("Cookie", (await createSessionCookie(user.id)).split(";")[0]!);
  const request = new Request("http://localhost:3000/form", {
    method: "POST",
    headers,
    body: new URLSearchParams(fields),
  });
  try {
    return await action({ request, params, context: { ip: "127.0.0.1", cspNonce: "", requestId: "test" } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const replyOf = async (response: Response) => {
  const body = (await response.json()) as SubmissionResult<string[]> | { result: SubmissionResult<string[]> };
  return "result" in body ? body.result : body;
};

describe("admin settings", () => {
  it("refuses a value that is not a number at its field, keeping what was typed", async () => {
    const admin = createUser({ role: "admin" });
    const response = await post(adminSettings, admin, { intent: "thresholds", noOutcomeDays: "sáu mươi" });
    expect(response.status).toBe(400);
    const reply = await replyOf(response);
    expect(reply.error?.noOutcomeDays).toEqual(["errors.number"]);
    expect(reply.initialValue).toMatchObject({ noOutcomeDays: "sáu mươi" });
  });

  it("checks a rate typed as a percentage against the stored rule (at most 100%)", async () => {
    const admin = createUser({ role: "admin" });
    const response = await post(adminSettings, admin, { intent: "support", "micro.solution.rate": "150" });
    expect(response.status).toBe(400);
    expect((await replyOf(response)).error?.["micro.solution.rate"]).toEqual(["errors.tooLarge"]);
  });
});

describe("notification settings", () => {
  it("saves the groups ticked, and turns off those left unticked", async () => {
    const user = createUser({ role: "sme" });
    const response = await post(notificationSettings, user, { vetting: "on" });
    expect(response.status).toBe(302);
    const settings = emailSettings(user.id);
    expect(settings.vetting).toBe(true);
    expect(Object.values(settings).filter((on) => !on).length).toBeGreaterThan(0);
  });

  it("refuses a value a checkbox cannot send, at its field", async () => {
    const user = createUser({ role: "sme" });
    const response = await post(notificationSettings, user, { vetting: "maybe" });
    expect(response.status).toBe(400);
    expect((await replyOf(response)).error?.vetting).toEqual(["errors.choose"]);
  });
});

describe("a staff action on a flag", () => {
  it("asks for the note at its field, writing nothing", async () => {
    const staff = createUser({ role: "staff" });
    const id = createFlag("acknowledged");
    const response = await post(staffFlag, staff, { intent: "resolve", note: "  " }, { flagId: id });
    expect(response.status).toBe(400);
    expect((await replyOf(response)).error?.note).toEqual(["errors.required"]);
    expect(flagStatus(id)).toBe("acknowledged");
  });
});

describe("removing a reference from the dossier", () => {
  it("refuses a request that names no reference, and removes the one named", async () => {
    const vendor = createUser({ role: "vendor" });
    completeDossier(vendor.organisationId);
    const [reference] = getDossier(vendor.organisationId).references;
    const missing = await post(dossierReferences, vendor, { intent: "remove" });
    expect(missing.status).toBe(400);
    expect((await replyOf(missing)).error?.referenceId).toEqual(["errors.required"]);
    const removed = await post(dossierReferences, vendor, { intent: "remove", referenceId: reference!.id });
    expect(removed.status).toBe(302);
    expect(getDossier(vendor.organisationId).references.map((r) => r.id)).not.toContain(reference!.id);
  });
});

describe("confirming an email address", () => {
  it("refuses a form without its token", async () => {
    const response = await post(verifyEmail, null, {});
    expect(response.status).toBe(400);
    expect((await replyOf(response)).error?.token).toEqual(["verify.invalid"]);
  });
});
