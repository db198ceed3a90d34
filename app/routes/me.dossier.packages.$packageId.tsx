import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { Card, PageHeader } from "~/components/ui/page";
import { PackageForm, PackageSchema } from "~/components/vendor/package-form";
import { getPackage, savePackage } from "~/models/dossier.server";
import { requireRole } from "~/utils/auth.server";
import { requireEditableDossier } from "~/utils/dossier-guard.server";
import { PendingChangeNote } from "~/components/vendor/pending-change-note";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "dossier.packages.editTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, dossier } = await requireEditableDossier(request);
  const pkg = getPackage(user.organisationId, params.packageId ?? "");
  return json({ pkg, mode: dossier.mode, change: dossier.change });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "vendor");
  const submission = parseWithZod(await request.formData(), { schema: PackageSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = savePackage(user.organisationId, params.packageId ?? "", submission.value);
  if (!result.ok) return json(submission.reply({ formErrors: ["errors.dossierLocked"] }), { status: 409 });
  return redirect("/me/dossier/packages");
}

export default function EditPackage() {
  const { t } = useTranslation();
  const { pkg, mode, change } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link to="/me/dossier/packages" className="text-sm font-medium text-brand-700 underline">
          ← {t("dossier.packages.back")}
        </Link>
      </p>
      <PageHeader title={t("dossier.packages.editTitle")} lead={pkg.name} />
      <PendingChangeNote mode={mode} change={change} />
      <Card>
        <PackageForm
          id={`package-${pkg.id}`}
          lastResult={lastResult}
          submitLabel={t("dossier.save")}
          defaultValue={{
            name: pkg.name,
            category: pkg.category,
            priceFrom: String(pkg.priceFrom),
            priceTo: String(pkg.priceTo),
            unit: pkg.unit,
            included: pkg.included,
          }}
        />
      </Card>
    </div>
  );
}
