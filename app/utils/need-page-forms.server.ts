/**
 * The need page's forms (ask, answer, withdraw a bid, close bidding), read on the server only: the
 * page's JavaScript then carries no zod. A refusal comes back through Conform's `reply`, next to
 * its field, as before; only the instant check in the browser is gone (the one checkbox of
 * closing bidding asks the server).
 */
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { text } from "./validation";

const confirmed = z.literal("on", { errorMap: () => ({ message: "errors.confirmRequired" }) });

/** Closing bidding early: the owner confirms it. */
const CloseSchema = z.object({ intent: z.literal("close"), confirm: confirmed });
const AskSchema = z.object({ intent: z.literal("ask"), question: text(1000) });
const AnswerSchema = z.object({ intent: z.literal("answer"), questionId: z.string(), answer: text(2000) });
const WithdrawSchema = z.object({ intent: z.literal("withdraw"), confirm: confirmed });

export const parseClose = (formData: FormData) => parseWithZod(formData, { schema: CloseSchema });
export const parseAsk = (formData: FormData) => parseWithZod(formData, { schema: AskSchema });
export const parseAnswer = (formData: FormData) => parseWithZod(formData, { schema: AnswerSchema });
export const parseWithdraw = (formData: FormData) => parseWithZod(formData, { schema: WithdrawSchema });
