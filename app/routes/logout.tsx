import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { recordSignOut } from "~/models/accounts.server";
import { blankSessionCookie, getUser, signOut } from "~/utils/auth.server";

/** Signing out changes state, so it is POST only; a GET just goes home. */
export function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getUser(request);
  await signOut(request);
  if (user) recordSignOut(user.id, context.ip);
  return redirect("/", { headers: { "Set-Cookie": blankSessionCookie() } });
}
