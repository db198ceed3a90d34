/**
 * The bid form, read on the server only: the bid page's JavaScript then carries neither zod nor
 * Conform's browser half (ADR 015's addendum). Every check of a bid — the amounts, the plan adding
 * up (`planProblems`) — is made here, and a refusal comes back through Conform's `reply`, next to
 * its field. Conform's list buttons (add or remove a milestone without JavaScript) are read here
 * too: the reply brings the list back changed.
 */
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { MAX_MILESTONES, planProblems, VALIDITY_DAYS } from "~/lib/bid-rules";
import { money, text, wholeNumber } from "./validation";

const BidSchema = z
  .object({
    total: money(),
    durationDays: wholeNumber(1, 3650),
    approach: text(4000),
    validityDays: z
      .enum(VALIDITY_DAYS.map(String) as [string, ...string[]], { errorMap: () => ({ message: "errors.choose" }) })
      .transform(Number),
    milestones: z
      .array(z.object({ title: text(200), dueOffsetDays: wholeNumber(1, 3650), amount: money() }), {
        required_error: "errors.milestonesRequired",
      })
      .min(1, "errors.milestonesRequired")
      .max(MAX_MILESTONES, "errors.tooMany"),
  })
  .superRefine((bid, ctx) => {
    for (const p of planProblems(bid.total, bid.durationDays, bid.milestones)) {
      ctx.addIssue({ code: "custom", path: p.path, message: p.message });
    }
  });

export type BidFormValue = z.infer<typeof BidSchema>;

export const parseBid = (formData: FormData) => parseWithZod(formData, { schema: BidSchema });
