import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmAction } from "~/components/ui/confirm";
import { Card, PageHeader } from "~/components/ui/page";
import { PackageForm, PackageSchema } from "~/components/vendor/package-form";
import { PackageList } from "~/components/vendor/package-list";
import { removePackage, savePackage } from "~/models/vendors.server";
import { requireRole } from "~/utils/auth.server";
import { requireEditableDossier } from "~/utils/dossier-guard.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "dossier.packages.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { dossier } = await requireEditableDossier(request);
  return json({ packages: dossier.packages });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "vendor");
  const formData = await request.formData();
  if (formData.get("intent") === "remove") {
    removePackage(user.organisationId, String(formData.get("packageId") ?? ""));
    return redirect("/me/dossier/packages");
  }
  const submission = parseWithZod(formData, { schema: PackageSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = savePackage(user.organisationId, null, submission.value);
  if (!result.ok) return json(submission.reply({ formErrors: ["errors.dossierLocked"] }), { status: 409 });
  return redirect("/me/dossier/packages");
}

export default function DossierPackages() {
  const { t } = useTranslation();
  const { packages } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <p>
        <Link to="/me/dossier" className="text-sm font-medium text-brand-700 underline">
          ← {t("dossier.back")}
        </Link>
      </p>
      <PageHeader title={t("dossier.packages.title")} lead={t("dossier.packages.lead")} />
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
