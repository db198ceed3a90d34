/**
 * Forms that are one button and hidden fields — shortlisting a bid, awarding one, inviting a
 * vendor from the matches, starting an assessment — read on the server only: nothing about them is
 * checked in the browser, and a route module that defines a zod schema ships zod (~14 KB gzipped)
 * to the browser even when only its action uses it (ADR 015). A refusal comes back with Conform's
 * `reply`, as before.
 */
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";

/** The compare page's form: shortlist and un-shortlist. Awarding goes through /needs/:id/award. */
const ShortlistSchema = z.object({
  intent: z.enum(["shortlist", "unshortlist"]),
  bidId: z.string({ required_error: "errors.bidNotLive" }).max(100),
});

const AwardSchema = z.object({ bidId: z.string({ required_error: "errors.bidNotLive" }).max(100) });

const MatchInviteSchema = z.object({
  intent: z.literal("invite"),
  vendorId: z.string({ required_error: "matchmaking.errors.vendorNotVetted" }).max(100),
});

const StartSchema = z.object({ intent: z.literal("start") });

export const parseShortlist = (formData: FormData) => parseWithZod(formData, { schema: ShortlistSchema });
export const parseAward = (formData: FormData) => parseWithZod(formData, { schema: AwardSchema });
export const parseMatchInvite = (formData: FormData) => parseWithZod(formData, { schema: MatchInviteSchema });
export const parseStartAssessment = (formData: FormData) => parseWithZod(formData, { schema: StartSchema });
