import { Form } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { Button } from "~/components/ui/button";
import { FieldErrors } from "~/components/ui/field-errors";
import { Card } from "~/components/ui/page";
import { formatDate } from "~/lib/format";
import { useIntentResult } from "~/utils/use-intent-result";
import { useServerForm } from "~/utils/server-form";
import { ErrorSummary } from "~/components/ui/error-summary";

type Question = {
  id: string;
  question: string;
  answer: string | null;
  answeredAt: number | null;
  createdAt: number;
  mine: boolean;
};

function TextForm({
  intent,
  name,
  label,
  submit,
  extra,
}: {
  intent: string;
  name: string;
  label: string;
  submit: string;
  extra?: Record<string, string>;
}) {
  const formIntent = extra?.questionId ? `answer-${extra.questionId}` : intent;
  const { form, field: fieldOf } = useServerForm(`form-${formIntent}`, useIntentResult(formIntent));
  const field = fieldOf(name);
  return (
    <Form method="post" {...form.props} className="space-y-2">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(extra ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <ErrorSummary form={form} labels={{ [name]: label }} />
      <label htmlFor={field.id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={field.id}
        name={field.name}
        defaultValue={field.defaultValue}
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={field.errors ? field.errorId : undefined}
        rows={3}
        required
        className="block w-full rounded-md border border-slate-300 px-3 py-2 aria-[invalid=true]:border-red-600"
      />
      <FieldErrors id={field.errorId} errors={field.errors} />
      <Button variant="secondary">{submit}</Button>
    </Form>
  );
}

/** Questions and answers on a need; answers are shown to every vendor, without who asked. */
export function QuestionsSection({
  questions,
  canAsk,
  canAnswer,
}: {
  needId: string;
  questions: Question[];
  canAsk: boolean;
  canAnswer: boolean;
}) {
  const { t } = useTranslation();
  if (!canAsk && !canAnswer && questions.length === 0) return null;
  return (
    <Card>
      <h2 id="questions" className="text-lg font-semibold">
        {t("questions.title")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t("questions.explain")}</p>
      {questions.length === 0 ? (
        <p className="mt-3 text-slate-700">{t("questions.none")}</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {questions.map((q) => (
            <li key={q.id} className="rounded-md border border-slate-200 p-3">
              <p className="font-medium">
                {t("questions.q")}: {q.question}
              </p>
              <p className="text-xs text-slate-600">
                {formatDate(q.createdAt)}
                {q.mine ? ` · ${t("questions.yours")}` : ""}
              </p>
              {q.answer ? (
                <p className="mt-2 whitespace-pre-line">
                  <span className="font-medium">{t("questions.a")}:</span> {q.answer}
                </p>
              ) : canAnswer ? (
                <div className="mt-2">
                  <TextForm
                    intent="answer"
                    name="answer"
                    label={t("questions.answerLabel")}
                    submit={t("questions.answerSubmit")}
                    extra={{ questionId: q.id }}
                  />
                </div>
              ) : (
                <p className="mt-2 text-sm text-slate-600">{t("questions.awaiting")}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      {canAsk ? (
        <div className="mt-4 border-t border-slate-200 pt-4">
          <TextForm intent="ask" name="question" label={t("questions.askLabel")} submit={t("questions.askSubmit")} />
        </div>
      ) : null}
    </Card>
  );
}
