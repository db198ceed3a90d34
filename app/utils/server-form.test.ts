import { describe, expect, it } from "vitest";
import { parseBid } from "./bid-form.server";
import { parseAsk } from "./need-page-forms.server";
import { useServerForm } from "./server-form";

const formData = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
};

describe("a form checked on the server, shown as Conform shows it", () => {
  it("puts a refused field's message and the text typed next to that field, with Conform's ids", () => {
    const refused = parseAsk(formData({ intent: "ask", question: "  " }));
    expect(refused.status).toBe("error");
    const { form, field } = useServerForm("form-ask", refused.reply());
    const question = field("question");
    expect(question).toMatchObject({ id: "form-ask-question", name: "question", errorId: "form-ask-question-error" });
    expect(question.errors?.length).toBe(1);
    expect(question.defaultValue).toBe("  ");
    expect(form.allErrors).toEqual({ question: question.errors });
    expect(form.errors).toBeUndefined();
    expect(form.props).toEqual({ id: "form-ask", noValidate: true, "aria-describedby": undefined });
  });

  it("shows a refusal of the whole form (a closed need) in the summary, keeping the question", () => {
    const accepted = parseAsk(formData({ intent: "ask", question: "Có hỗ trợ tại chỗ không?" }));
    const { form, field } = useServerForm("form-ask", accepted.reply({ formErrors: ["errors.biddingClosed"] }));
    expect(form.errors).toEqual(["errors.biddingClosed"]);
    expect(form.props["aria-describedby"]).toBe("form-ask-error");
    expect(field("question")).toMatchObject({ errors: undefined, defaultValue: "Có hỗ trợ tại chỗ không?" });
  });

  it("is an empty form before anything was sent", () => {
    const { form, field } = useServerForm("close-n1", undefined);
    expect(form.allErrors).toEqual({});
    expect(field("confirm")).toMatchObject({ id: "close-n1-confirm", errors: undefined, defaultValue: undefined });
  });
});

describe("the bid form's list of milestones, checked on the server", () => {
  const bid = (entries: [string, string][]) => {
    const data = new FormData();
    for (const [k, v] of entries) data.append(k, v);
    return parseBid(data);
  };
  const filled: [string, string][] = [
    ["total", "50.000.000"],
    ["durationDays", "60"],
    ["validityDays", "60"],
    ["approach", "Cấu hình và đào tạo."],
    ["milestones[0].title", "Cấu hình"],
    ["milestones[0].dueOffsetDays", "15"],
    ["milestones[0].amount", "20.000.000"],
  ];

  it("opens with the bid being edited, and each row's fields named by its place", () => {
    const { field, rows } = useServerForm("bid-n1", undefined, {
      total: "50000000",
      milestones: [{ title: "Cấu hình" }, { title: "Nghiệm thu" }],
    });
    expect(field("total").defaultValue).toBe("50000000");
    expect(rows("milestones")).toHaveLength(2);
    expect(field("milestones[1].title")).toMatchObject({
      id: "bid-n1-milestones[1].title",
      name: "milestones[1].title",
      defaultValue: "Nghiệm thu",
    });
  });

  it("adds a row through the server without JavaScript, keeping what was typed and showing no errors yet", () => {
    const { listButton } = useServerForm("bid-n1", undefined);
    const add = listButton({ type: "insert", name: "milestones", defaultValue: { title: "" } });
    expect(add).toMatchObject({ type: "submit", name: "__intent__", formNoValidate: true });
    const reply = bid([...filled.filter(([k]) => k !== "total"), [add.name, add.value]]).reply();
    const { form, field, rows } = useServerForm("bid-n1", reply, { total: "1" });
    expect(rows("milestones")).toHaveLength(2);
    expect(field("milestones[0].title").defaultValue).toBe("Cấu hình");
    expect(field("total").defaultValue).toBeUndefined();
    expect(form.allErrors).toEqual({});
  });

  it("removes the row it names", () => {
    const { listButton } = useServerForm("bid-n1", undefined);
    const remove = listButton({ type: "remove", name: "milestones", index: 0 });
    const reply = bid([...filled, ["milestones[1].title", "Nghiệm thu"], [remove.name, remove.value]]).reply();
    const { field, rows } = useServerForm("bid-n1", reply);
    expect(rows("milestones")).toHaveLength(1);
    expect(field("milestones[0].title").defaultValue).toBe("Nghiệm thu");
  });

  it("shows a sent bid's errors by row and field, and a form with no rows still shows one", () => {
    const reply = bid(filled.map(([k, v]) => [k, k === "milestones[0].amount" ? "19.000.000" : v])).reply();
    const { form, rows } = useServerForm("bid-n1", reply);
    expect(Object.keys(form.allErrors).length).toBeGreaterThan(0);
    expect(useServerForm("bid-n1", undefined).rows("milestones")).toEqual([{}]);
    expect(rows("milestones")).toHaveLength(1);
  });
});
