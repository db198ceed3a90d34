/**
 * Questions on a need (docs/product.md §7): the SME's answers are shown to every vendor without
 * the asker's name; a question nobody has answered yet stays between its asker, the SME and staff;
 * only the owner answers. Exercised through the need page's loader and action with real sessions.
 */
import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import * as needRoute from "~/routes/needs.$needId._index";
import { openNeed, person, vettedVendor } from "./people";
import { request, run } from "./routes";

type Handler = Parameters<typeof run>[0];
type Question = { id: string; question: string; answer: string | null; mine: boolean };

const ANSWERED = "Có cần tích hợp hóa đơn điện tử không?";
const OPEN = "Có thể lùi hạn nộp hồ sơ một tuần không?";

async function post(userId: string, needId: string, form: Record<string, string>) {
  return run(needRoute.action as Handler, await request(`/needs/${needId}`, { userId, form }), { needId });
}

async function load(userId: string, needId: string) {
  const page = await run(needRoute.loader as Handler, await request(`/needs/${needId}`, { userId }), { needId });
  expect(page.status).toBe(200);
  return { questions: (page.data as { questions: Question[] }).questions, text: JSON.stringify(page.data) };
}

/** Vendor A asks two questions; the owner answers the first. */
async function askedAndAnswered() {
  const { needId, owner } = openNeed();
  const asker = vettedVendor("Người Hỏi Kín Đáo");
  for (const question of [ANSWERED, OPEN]) {
    expect((await post(asker.id, needId, { intent: "ask", question })).status).toBe(302);
  }
  const [first] = getSqlite()
    .prepare("SELECT id FROM need_questions WHERE need_id = ? AND question = ?")
    .pluck()
    .all(needId, ANSWERED) as string[];
  const answered = await post(owner.id, needId, {
    intent: "answer",
    questionId: first!,
    answer: "Có, cần xuất hóa đơn điện tử.",
  });
  expect(answered.status).toBe(302);
  return { needId, owner, asker, answeredId: first! };
}

describe("questions on a need", () => {
  it("show every vendor the answered ones, with the answer and without who asked", async () => {
    const { needId, asker } = await askedAndAnswered();
    const other = vettedVendor("Nhà Cung Cấp Khác");
    const { questions, text } = await load(other.id, needId);
    expect(questions).toEqual([
      expect.objectContaining({ question: ANSWERED, answer: "Có, cần xuất hóa đơn điện tử.", mine: false }),
    ]);
    for (const secret of [asker.name, asker.organisation, asker.email, asker.id, asker.organisationId]) {
      expect(text).not.toContain(secret);
    }
  });

  it("keep an unanswered one between its asker, the owner and staff", async () => {
    const { needId, owner, asker } = await askedAndAnswered();
    const other = vettedVendor("Nhà Cung Cấp Tò Mò");
    expect((await load(other.id, needId)).text).not.toContain(OPEN);

    const own = await load(asker.id, needId);
    expect(own.questions.map((q) => [q.question, q.mine])).toEqual([
      [ANSWERED, true],
      [OPEN, true],
    ]);
    for (const reader of [owner, person("staff", "Cán Bộ Đọc")]) {
      expect((await load(reader.id, needId)).questions.map((q) => q.question)).toEqual([ANSWERED, OPEN]);
    }
  });

  it("are answered by the owner only: a vendor or another SME answering gets a 404 and changes nothing", async () => {
    const { needId, asker } = await askedAndAnswered();
    const open = getSqlite()
      .prepare("SELECT id FROM need_questions WHERE need_id = ? AND question = ?")
      .pluck()
      .get(needId, OPEN) as string;
    for (const intruder of [asker, vettedVendor("Kẻ Trả Lời"), person("sme", "Doanh Nghiệp Khác")]) {
      const answered = await post(intruder.id, needId, { intent: "answer", questionId: open, answer: "Được." });
      expect(answered.status).toBe(404);
    }
    expect(getSqlite().prepare("SELECT answer FROM need_questions WHERE id = ?").pluck().get(open)).toBeNull();
  });

  it("cannot be asked by the SME that owns the need", async () => {
    const { needId, owner } = openNeed();
    expect((await post(owner.id, needId, { intent: "ask", question: "Tự hỏi?" })).status).toBe(404);
    expect(getSqlite().prepare("SELECT count(*) FROM need_questions WHERE need_id = ?").pluck().get(needId)).toBe(0);
  });
});
