/**
 * Files delivered with a milestone: checked by their content before anything is written, stored
 * under UPLOADS_DIR (never in public/) as `<engagement>/<uuid>.<ext>` with the extension of the
 * detected type, and served to the engagement's parties and staff only. The uploader's name is
 * kept to show people; it never decides the extension a download is saved under.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { getDb, schema, type Tx } from "../../db/client.server";
import {
  attachmentDisposition,
  downloadName,
  MAX_FILE_BYTES,
  MAX_FILES,
  safeFileName,
  sniffFileType,
} from "~/lib/file-types";
import { env } from "~/utils/env.server";
import { engagementForActor, notFound, type Actor } from "./engagements.server";

export function uploadsDir() {
  return path.resolve(env().UPLOADS_DIR);
}

export type Upload = { name: string; bytes: Uint8Array };
export type UploadRefusal = "file_type" | "file_size" | "too_many_files";
/** A file written to disk, not yet recorded (see `recordAttachments`). */
export type StoredUpload = { key: string; fileName: string; mime: string; size: number };

/** Checks every file by its content before anything is written. */
export function checkUploads(files: Upload[]): UploadRefusal | null {
  if (files.length > MAX_FILES) return "too_many_files";
  for (const f of files) {
    if (f.bytes.byteLength > MAX_FILE_BYTES) return "file_size";
    if (!sniffFileType(f.bytes, f.name)) return "file_type";
  }
  return null;
}

/**
 * Writes checked files to disk under names of their detected type. Done before the transaction
 * that records them; if that transaction does not commit, `discardUploads` removes them.
 */
export function storeUploads(engagementId: string, files: Upload[]): StoredUpload[] {
  const stored: StoredUpload[] = [];
  try {
    for (const f of files) {
      const type = sniffFileType(f.bytes, f.name);
      if (!type) throw new Error("storeUploads: an unchecked file");
      const key = `${engagementId}/${crypto.randomUUID()}.${type.ext}`;
      const target = path.join(uploadsDir(), key);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, f.bytes, { flag: "wx" });
      stored.push({ key, fileName: safeFileName(f.name), mime: type.mime, size: f.bytes.byteLength });
    }
  } catch (error) {
    discardUploads(stored);
    throw error;
  }
  return stored;
}

export function discardUploads(stored: readonly StoredUpload[]) {
  for (const s of stored) fs.rmSync(path.join(uploadsDir(), s.key), { force: true });
}

/** Records stored files as a submission's attachments, in the submission's transaction. */
export function recordAttachments(
  tx: Tx,
  ids: { engagementId: string; submissionId: string; uploadedBy: string },
  stored: readonly StoredUpload[],
  now: number,
) {
  for (const s of stored) {
    tx.insert(schema.attachments)
      .values({
        id: crypto.randomUUID(),
        engagementId: ids.engagementId,
        submissionId: ids.submissionId,
        fileName: s.fileName,
        mimeType: s.mime,
        size: s.size,
        storageKey: s.key,
        uploadedBy: ids.uploadedBy,
        createdAt: now,
      })
      .run();
  }
}

/**
 * An attachment the actor may download: the engagement's parties and staff only, else 404. The
 * headers send it as a download (never shown inline, never sniffed) under a name whose extension
 * is the detected type's.
 */
export function getAttachmentForViewer(engagementId: string, attachmentId: string, actor: Actor) {
  const db = getDb();
  engagementForActor(db, engagementId, actor);
  const a = db
    .select()
    .from(schema.attachments)
    .where(and(eq(schema.attachments.id, attachmentId), eq(schema.attachments.engagementId, engagementId)))
    .get();
  if (!a) notFound();
  const file = path.join(uploadsDir(), a.storageKey);
  if (!fs.existsSync(file)) notFound();
  const name = downloadName(a.fileName, a.mimeType);
  return {
    ...a,
    file,
    downloadName: name,
    headers: {
      "Content-Type": a.mimeType,
      "Content-Disposition": attachmentDisposition(name),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  };
}
