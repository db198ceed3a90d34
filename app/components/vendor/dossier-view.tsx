import type { ReactNode } from "react";
import { useTranslation } from "~/utils/i18n-react";
import { Card } from "~/components/ui/page";
import { PackageList } from "./package-list";

type DossierData = {
  legalName: string;
  taxCode: string | null;
  description: string;
  yearFounded: number | null;
  website: string | null;
  teamSize: number | null;
  street: string | null;
  ward: string | null;
  city: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  certifications: string[];
  categories: string[];
  sectors: string[];
  references: {
    id: string;
    clientName: string;
    contactName: string;
    contactPhone: string;
    contactEmail: string | null;
    project: string;
  }[];
  packages: {
    id: string;
    name: string;
    category: string;
    priceFrom: number;
    priceTo: number;
    unit: string;
    included: string;
  }[];
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="whitespace-pre-line text-slate-900 sm:col-span-2">{children || "—"}</dd>
    </div>
  );
}

/** The whole dossier, as the vendor and the vetting staff read it (references included). */
export function DossierView({
  dossier,
  editLinks,
}: {
  dossier: DossierData;
  editLinks?: Record<"company" | "references" | "packages", ReactNode>;
}) {
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <Card>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-semibold">{t("dossier.sections.company")}</h2>
          {editLinks?.company}
        </div>
        <dl className="mt-2 divide-y divide-slate-100">
          <Row label={t("fields.legalName")}>{dossier.legalName}</Row>
          <Row label={t("fields.taxCode")}>{dossier.taxCode}</Row>
          <Row label={t("dossier.fields.description")}>{dossier.description}</Row>
          <Row label={t("dossier.fields.yearFounded")}>{dossier.yearFounded}</Row>
          <Row label={t("dossier.fields.teamSize")}>{dossier.teamSize}</Row>
          <Row label={t("dossier.fields.address")}>
            {[dossier.street, dossier.ward, dossier.city].filter(Boolean).join(", ")}
          </Row>
          <Row label={t("dossier.fields.website")}>{dossier.website}</Row>
          <Row label={t("dossier.fields.contact")}>
            {[dossier.contactName, dossier.contactPhone, dossier.contactEmail].filter(Boolean).join(" · ")}
          </Row>
          <Row label={t("vendors.categories")}>{dossier.categories.map((c) => t(`categories.${c}`)).join(", ")}</Row>
          <Row label={t("vendors.profile.sectors")}>{dossier.sectors.map((s) => t(`sectors.${s}`)).join(", ")}</Row>
          <Row label={t("vendors.profile.certifications")}>{dossier.certifications.join(", ")}</Row>
        </dl>
      </Card>
      <Card>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-semibold">{t("dossier.sections.references")}</h2>
          {editLinks?.references}
        </div>
        {dossier.references.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">{t("dossier.references.none")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100">
            {dossier.references.map((r) => (
              <li key={r.id} className="py-3">
                <p className="font-semibold">{r.clientName}</p>
                <p className="text-sm text-slate-700">{r.project}</p>
                <p className="text-sm">{[r.contactName, r.contactPhone, r.contactEmail].filter(Boolean).join(" · ")}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <section>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-semibold">{t("dossier.sections.packages")}</h2>
          {editLinks?.packages}
        </div>
        <PackageList packages={dossier.packages} />
      </section>
    </div>
  );
}
