import { useTranslation } from "~/utils/i18n-react";
import { Card } from "~/components/ui/page";
import { RadioGroup, SelectField, TextareaField } from "~/components/ui/field";
import { RECOMMEND_MAX, REVIEW_SCORES, SCORE_MAX } from "~/lib/delivery-rules";
import { EngagementForm, useEngagementForm } from "./forms";
import { RateSmeSchema, ReplySchema, ReviewSchema } from "./schemas";
import type { View } from "./types";

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ value: String(from + i), label: String(from + i) }));

/** Once completed: the SME's review and the vendor's reply, the vendor's private rating of the SME. */
export function ReviewSection({ view }: { view: View }) {
  const { t } = useTranslation();
  const { review, side, smeRating } = view;
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("delivery.review.title")}</h2>
      {review ? (
        <div className="mt-2 space-y-2">
          <ul className="grid gap-1 sm:grid-cols-2">
            {REVIEW_SCORES.map((s) => (
              <li key={s}>
                {t(`delivery.review.${s}`)}: <strong>{review[s]}/5</strong>
              </li>
            ))}
            <li>
              {t("delivery.review.recommend")}: <strong>{review.recommend}/10</strong>
            </li>
          </ul>
          <p className="whitespace-pre-line">{review.comment}</p>
          {review.reply ? (
            <p className="rounded-md bg-slate-50 p-2 text-sm">
              <span className="font-medium">{t("delivery.review.reply")}:</span> {review.reply}
            </p>
          ) : side === "vendor" ? (
            <ReplyForm />
          ) : null}
        </div>
      ) : side === "sme" ? (
        <div className="mt-2">
          <p className="mb-3 text-sm text-slate-700">{t("delivery.review.ask")}</p>
          <ReviewForm />
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-700">{t("delivery.review.waiting")}</p>
      )}
      {side === "vendor" ? (
        <div className="mt-4 border-t border-slate-200 pt-4">
          <h3 className="font-semibold">{t("delivery.rateSme.title")}</h3>
          {smeRating ? (
            <p className="text-sm">{t("delivery.rateSme.done", { rating: smeRating.rating })}</p>
          ) : (
            <RateSmeForm />
          )}
        </div>
      ) : side === "staff" && smeRating ? (
        <p className="mt-4 text-sm">
          {t("delivery.rateSme.staffView", { rating: smeRating.rating, comment: smeRating.comment ?? "" })}
        </p>
      ) : null}
    </Card>
  );
}

function ReviewForm() {
  const { t } = useTranslation();
  const [form, fields] = useEngagementForm("review", ReviewSchema);
  return (
    <EngagementForm form={form} intent="review" submit={t("delivery.review.submit")}>
      {REVIEW_SCORES.map((s) => (
        <RadioGroup key={s} meta={fields[s]} legend={t(`delivery.review.${s}`)} options={range(1, SCORE_MAX)} />
      ))}
      <SelectField
        meta={fields.recommend}
        label={t("delivery.review.recommend")}
        options={range(0, RECOMMEND_MAX)}
        placeholder={t("form.choose")}
      />
      <TextareaField meta={fields.comment} label={t("delivery.review.comment")} rows={3} />
    </EngagementForm>
  );
}

function ReplyForm() {
  const { t } = useTranslation();
  const [form, fields] = useEngagementForm("reply", ReplySchema);
  return (
    <EngagementForm form={form} intent="reply" submit={t("delivery.review.replySubmit")} variant="secondary">
      <TextareaField meta={fields.reply} label={t("delivery.review.replyLabel")} rows={3} />
    </EngagementForm>
  );
}

function RateSmeForm() {
  const { t } = useTranslation();
  const [form, fields] = useEngagementForm("rate_sme", RateSmeSchema);
  return (
    <EngagementForm form={form} intent="rate_sme" submit={t("delivery.rateSme.submit")} variant="secondary">
      <p className="text-sm text-slate-700">{t("delivery.rateSme.explain")}</p>
      <SelectField
        meta={fields.rating}
        label={t("delivery.rateSme.rating")}
        options={range(1, SCORE_MAX)}
        placeholder={t("form.choose")}
      />
      <TextareaField meta={fields.comment} label={t("delivery.review.comment")} rows={3} />
    </EngagementForm>
  );
}
