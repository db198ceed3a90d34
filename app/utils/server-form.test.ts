import { describe, expect, it } from "vitest";
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
