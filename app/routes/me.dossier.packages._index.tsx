import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { ConfirmAction } from "~/components/ui/confirm";
import { Card, PageHeader } from "~/components/ui/page";
import { PackageForm, PackageSchema } from "~/components/vendor/package-form";
import { PackageList } from "~/components/vendor/package-list";
import { RemovalErrors } from "~/components/vendor/removal-errors";
import { removePackage, savePackage } from "~/models/dossier.server";
import { requireRole } from "~/utils/auth.server";
import { requireEditableDossier } from "~/utils/dossier-guard.server";
import { PendingChangeNote } from "~/components/vendor/pending-change-note";
import { title } from "~/utils/meta";
import { useIntentResult } from "~/utils/use-intent-result";

const RemoveSchema = z.object({
  intent: z.literal("remove"),
  packageId: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(100),
});

export const meta: MetaFunction = (args) => title(args, "dossier.packages.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { dossier } = await requireEditableDossier(request);
  return json({ packages: dossier.packages, mode: dossier.mode, change: dossier.change });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "vendor");
  const formData = await request.formData();
  if (formData.get("intent") === "remove") {
    const submission = parseWithZod(formData, { schema: RemoveSchema });
    if (submission.status !== "success") return json({ intent: "remove", result: submission.reply() }, { status: 400 });
    const result = removePackage(user.organisationId, submission.value.packageId);
    if (!result.ok) {
      return json(
        { intent: "remove", result: submission.reply({ formErrors: ["errors.dossierLocked"] }) },
        { status: 409 },
      );
    }
    return redirect("/me/dossier/packages");
  }
  const submission = parseWithZod(formData, { schema: PackageSchema });
  if (submission.status !== "success") return json({ intent: "add", result: submission.reply() }, { status: 400 });
  const result = savePackage(user.organisationId, null, submission.value);
  if (!result.ok) {
    return json({ intent: "add", result: submission.reply({ formErrors: ["errors.dossierLocked"] }) }, { status: 409 });
  }
  return redirect("/me/dossier/packages");
}

export default function DossierPackages() {
  const { t } = useTranslation();
  const { packages, mode, change } = useLoaderData<typeof loader>();
  const removal = useIntentResult("remove");
  const lastResult = useIntentResult("add");
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <p>
        <Link to="/me/dossier" className="text-sm font-medium text-brand-700 underline">
          ← {t("dossier.back")}
        </Link>
      </p>
      <PageHeader title={t("dossier.packages.title")} lead={t("dossier.packages.lead")} />
      <PendingChangeNote mode={mode} change={change} />
      <RemovalErrors result={removal} />
      <PackageList
        packages={packages}
        actions={(p) => (
          <>
            <Link
              to={`/me/dossier/packages/${p.id}`}
              className="inline-flex min-h-11 items-center rounded-md border border-slate-300 px-3 text-sm font-semibold hover:bg-slate-100"
            >
              {t("dossier.edit")}
            </Link>
            <ConfirmAction
              label={t("dossier.remove")}
              question={t("dossier.packages.removeQuestion", { name: p.name })}
              confirmLabel={t("dossier.confirmRemove")}
              fields={{ intent: "remove", packageId: p.id }}
            />
          </>
        )}
      />
      <Card>
        <h2 className="mb-4 text-lg font-semibold">{t("dossier.packages.add")}</h2>
        <PackageForm id="new-package" lastResult={lastResult} submitLabel={t("dossier.packages.submit")} />
      </Card>
    </div>
  );
}
