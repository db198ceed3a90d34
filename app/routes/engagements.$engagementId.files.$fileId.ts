import fs from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getAttachmentForViewer } from "~/models/attachments.server";
import { requireUser } from "~/utils/auth.server";

/** An attachment, to the engagement's parties and staff only (anyone else: 404), as a download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const file = getAttachmentForViewer(params.engagementId ?? "", params.fileId ?? "", user);
  const body = fs.readFileSync(file.file);
  return new Response(body, { headers: { ...file.headers, "Content-Length": String(body.byteLength) } });
}
