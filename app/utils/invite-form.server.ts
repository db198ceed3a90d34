/**
 * The vendor profile's invitation form, read on the server only: the page's own JavaScript then
 * carries no zod (the form has one select; a refusal comes back with Conform's `reply`).
 */
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";

const InviteSchema = z.object({
  needId: z
    .string({ required_error: "vendorProfile.errors.chooseNeed" })
    .trim()
    .min(1, "vendorProfile.errors.chooseNeed")
    .max(100),
});

export const parseInvite = (formData: FormData) => parseWithZod(formData, { schema: InviteSchema });
