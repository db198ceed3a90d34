/**
 * Signing in and asking for a password reset, read on the server only: the two pages' JavaScript
 * then carries neither zod nor Conform's browser half (~24 KB gzipped; ADR 015). Their checks (an
 * email's form, a password typed) show next to the field after the server's answer, as before.
 */
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { currentPassword, email } from "./validation";

const LoginSchema = z.object({ email, password: currentPassword, redirectTo: z.string().optional() });
const ForgotSchema = z.object({ email });

export const parseLogin = (formData: FormData) => parseWithZod(formData, { schema: LoginSchema });
export const parseForgot = (formData: FormData) => parseWithZod(formData, { schema: ForgotSchema });
