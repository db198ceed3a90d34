/**
 * Questions on a need (docs/product.md §7): a vendor asks while the need is open, the owner answers
 * once. Answered questions are public without the asker; an unanswered one is seen only by its
 * asker, the owner and staff. Each change is a transition (ADR 006) that tells the other side.
 */
import crypto from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb, schema } from "../../db/client.server";
import { getNeedForViewer, type NeedViewer } from "./needs.server";
import { notify, organisationUserIds } from "./notifications.server";
import { expectOneChange, transition } from "./transition.server";

export type QuestionResult = { ok: true } | { ok: false; error: "closed" | "stale" };

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

export type QuestionView = {
  id: string;
  question: string;
  answer: string | null;
  answeredAt: number | null;
  createdAt: number;
  mine: boolean;
};

/**
 * The questions a viewer may read: every answered one, without the asker; a vendor also sees its
 * own unanswered ones; the owner and staff see all.
 */
export function questionsFor(needId: string, viewer: NeedViewer, isOwnerOrStaff: boolean): QuestionView[] {
  return getDb()
    .select()
    .from(schema.needQuestions)
    .where(eq(schema.needQuestions.needId, needId))
    .orderBy(asc(schema.needQuestions.createdAt))
    .all()
    .filter((q) => isOwnerOrStaff || q.answer !== null || q.vendorId === viewer.organisationId)
    .map((q) => ({
      id: q.id,
      question: q.question,
      answer: q.answer,
      answeredAt: q.answeredAt,
      createdAt: q.createdAt,
      mine: q.vendorId === viewer.organisationId,
    }));
}

/** A vendor asks a question on an open need; the owner is told. */
export async function askQuestion(
  user: NeedViewer,
  needId: string,
  question: string,
  now = Date.now(),
): Promise<QuestionResult> {
  return transition((tx): QuestionResult => {
    const need = getNeedForViewer(needId, user, now, tx);
    if (user.role !== "vendor") notFound();
    if (need.statusNow !== "open") return { ok: false, error: "closed" };
    tx.insert(schema.needQuestions)
      .values({
        id: crypto.randomUUID(),
        needId,
        askedBy: user.id,
        vendorId: user.organisationId,
        question,
        createdAt: now,
      })
      .run();
    notify(
      organisationUserIds(need.organisationId, tx),
      "question_asked",
      { need: need.title },
      `/needs/${needId}#questions`,
      tx,
    );
    return { ok: true };
  });
}

/**
 * The owner answers a question once; the asker is told. An answer already given (from another
 * tab) is not overwritten: `stale`.
 */
export async function answerQuestion(
  user: NeedViewer,
  needId: string,
  questionId: string,
  answer: string,
  now = Date.now(),
): Promise<QuestionResult> {
  return transition((tx): QuestionResult => {
    const need = getNeedForViewer(needId, user, now, tx);
    if (!need.isOwner) notFound();
    const q = tx
      .select()
      .from(schema.needQuestions)
      .where(and(eq(schema.needQuestions.id, questionId), eq(schema.needQuestions.needId, needId)))
      .get();
    if (!q) notFound();
    if (q.answer !== null) return { ok: false, error: "stale" };
    expectOneChange(
      tx
        .update(schema.needQuestions)
        .set({ answer, answeredBy: user.id, answeredAt: now })
        .where(and(eq(schema.needQuestions.id, questionId), isNull(schema.needQuestions.answer)))
        .run(),
      "the question",
    );
    notify([q.askedBy], "question_answered", { need: need.title }, `/needs/${needId}#questions`, tx);
    return { ok: true };
  });
}
