/** Reference data of docs/product.md §3. Labels live in the locale files under `sectors.*` and `categories.*`. */
import type { SectorGroup } from "./enterprise-size";

export const SECTORS = [
  "healthcare",
  "education",
  "transport",
  "finance_banking",
  "tourism",
  "agriculture",
  "logistics",
  "environment",
  "energy",
  "workforce_training",
  "manufacturing",
  "retail_trade",
  "construction",
  "food_beverage",
  "other",
] as const;
export type Sector = (typeof SECTORS)[number];

/** Decree 80 groups: agriculture, forestry, fishery, industry and construction vs trade and services. */
const AGRICULTURE_INDUSTRY: ReadonlySet<Sector> = new Set(["agriculture", "manufacturing", "construction", "energy"]);

export function sectorGroup(sector: Sector): SectorGroup {
  return AGRICULTURE_INDUSTRY.has(sector) ? "agriculture_industry" : "trade_services";
}

export const CATEGORIES = [
  "accounting",
  "e_invoice",
  "e_contract",
  "erp",
  "crm",
  "hr_payroll",
  "ecommerce",
  "digital_marketing",
  "warehouse_logistics",
  "pos_retail",
  "cloud_hosting",
  "cybersecurity",
  "data_analytics",
  "ai_automation",
  "iot_manufacturing",
  "web_app_development",
  "dx_consulting",
  "digital_skills_training",
] as const;
export type Category = (typeof CATEGORIES)[number];

export const STAFF_ORGANISATIONS = ["HUBA", "HCA", "DEPARTMENT"] as const;
export type StaffOrganisation = (typeof STAFF_ORGANISATIONS)[number];

export const ROLES = ["sme", "vendor", "staff", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = ["sme", "vendor", "staff"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const VENDOR_STATUSES = ["draft", "submitted", "vetted", "changes_requested", "rejected", "suspended"] as const;
export type VendorStatus = (typeof VENDOR_STATUSES)[number];

export const LANGUAGES = ["vi", "en"] as const;
export type Lang = (typeof LANGUAGES)[number];

export const PACKAGE_UNITS = ["one_off", "per_month", "per_year"] as const;
export type PackageUnit = (typeof PACKAGE_UNITS)[number];
