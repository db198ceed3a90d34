/**
 * Demo data (docs/product.md §15): the five demo accounts plus realistic Vietnamese companies, made by
 * `npm start` when the database is empty outside production. Deterministic: the same every time.
 */
import crypto from "node:crypto";
import type Database from "better-sqlite3";
import { fakerVI as faker } from "@faker-js/faker";
import { drizzleFor } from "./client.server";
import * as schema from "./schema";
import { seedBids } from "./seed-bids";
import { seedDelivery } from "./seed-delivery";
import { seedFlagScenarios } from "./seed-flags";
import { seedMatching } from "./seed-matching";
import { seedNeeds } from "./seed-needs";
import { seedOutcomes } from "./seed-outcomes";
import { seedEventsAndGuides } from "./seed-events";
import { CAPITAL_BAND_IDS, REVENUE_BAND_IDS, sizeClassFromBands } from "../app/lib/enterprise-size";
import { SECTORS, sectorGroup, type Sector, type StaffOrganisation } from "../app/lib/reference";
import { searchText } from "../app/lib/search-text";
import { taxCodeCheckDigit } from "../app/lib/tax-code";
import { hashPassword } from "../app/utils/auth.server";
import { seedVendors, streetAddress } from "./seed-vendors";
import { DAY_MS } from "../app/lib/local-date";

export const DEMO_PASSWORD = "Demo@12345";

export const DEMO_ACCOUNTS = [
  { email: "admin@demo.test", note: "admin" },
  { email: "staff@demo.test", note: "staff, HUBA" },
  { email: "sme@demo.test", note: "SME owner" },
  { email: "vendor@demo.test", note: "vendor, vetted" },
  { email: "vendor2@demo.test", note: "vendor, dossier submitted and waiting for vetting" },
] as const;

export function isEmpty(sqlite: Database.Database): boolean {
  const row = sqlite.prepare("SELECT count(*) AS n FROM users").get() as { n: number };
  return row.n === 0;
}

/** A valid tax code built from a counter, so that every seeded organisation has a unique one. */
function taxCodeFor(n: number): string {
  for (let k = n; ; k += 1_000_003) {
    const nine = String(300_000_000 + (k % 699_999_999)).padStart(9, "0");
    const check = taxCodeCheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

const COMPANY_WORDS = [
  "Minh Phát",
  "Đồng Tâm",
  "Phúc Thịnh",
  "Sài Gòn Xanh",
  "Ánh Dương",
  "Hưng Long",
  "Bến Thành",
  "Tân Tiến",
  "Hoàng Gia",
  "Việt Nhật",
  "An Khang",
  "Thiên Phú",
  "Nam Việt",
  "Hòa Bình",
  "Trường Sơn",
  "Sông Hồng",
  "Mekong",
  "Lộc Phát",
  "Kim Ngân",
  "Bình Minh",
  "Đại Thành",
  "Phương Nam",
  "Thành Công",
  "Quang Trung",
];
const SME_KINDS = ["Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV"];

export async function seed(sqlite: Database.Database) {
  faker.seed(20220415);
  const db = drizzleFor(sqlite);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = Date.now();
  let taxCounter = 1;

  db.transaction((tx) => {
    const staffOrgs: Record<StaffOrganisation, string> = { HUBA: "", HCA: "", DEPARTMENT: "" };
    const staffNames: Record<StaffOrganisation, string> = {
      HUBA: "Hiệp hội Doanh nghiệp TP.HCM (HUBA)",
      HCA: "Hội Tin học TP.HCM (HCA)",
      DEPARTMENT: "Sở Khoa học và Công nghệ TP.HCM",
    };
    for (const code of Object.keys(staffOrgs) as StaffOrganisation[]) {
      const id = crypto.randomUUID();
      staffOrgs[code] = id;
      tx.insert(schema.organisations)
        .values({ id, kind: "staff", legalName: staffNames[code], staffCode: code, city: "TP. Hồ Chí Minh" })
        .run();
    }

    const addUser = (
      organisationId: string,
      organisationName: string,
      role: schema.User["role"],
      email: string,
      name: string,
    ) => {
      const id = crypto.randomUUID();
      tx.insert(schema.users)
        .values({
          id,
          email,
          name,
          phone: faker.phone.number(),
          passwordHash,
          role,
          organisationId,
          lang: "vi",
          emailVerifiedAt: now,
          searchText: searchText(`${name} ${email} ${organisationName}`),
          createdAt: now - faker.number.int({ min: 1, max: 300 }) * DAY_MS,
        })
        .run();
      return id;
    };

    addUser(staffOrgs.DEPARTMENT, staffNames.DEPARTMENT, "admin", "admin@demo.test", "Trần Quốc Bảo");
    const hubaStaff = addUser(staffOrgs.HUBA, staffNames.HUBA, "staff", "staff@demo.test", "Lê Thị Mai Anh");
    const hcaStaff = addUser(staffOrgs.HCA, staffNames.HCA, "staff", "staff.hca@demo.test", "Phạm Minh Khôi");

    const addSme = (email: string, legalName: string, sector: Sector, contact: string) => {
      const id = crypto.randomUUID();
      const employees = faker.number.int({ min: 3, max: 90 });
      const revenueBand = faker.helpers.arrayElement(REVENUE_BAND_IDS.slice(0, 4));
      const capitalBand = faker.helpers.arrayElement(CAPITAL_BAND_IDS.slice(0, 3));
      const sizeClass = sizeClassFromBands({ group: sectorGroup(sector), employees, revenueBand, capitalBand });
      tx.insert(schema.organisations)
        .values({
          id,
          kind: "sme",
          legalName,
          taxCode: taxCodeFor(taxCounter++),
          sector,
          employees,
          revenueBand,
          capitalBand,
          sizeClass: sizeClass === "large" ? "medium" : sizeClass,
          phone: faker.phone.number(),
          street: streetAddress(faker),
          ward: `Phường ${faker.helpers.arrayElement(["Bến Nghé", "Sài Gòn", "Tân Định", "Thủ Đức", "An Khánh", "Bình Thạnh", "Gò Vấp", "Phú Nhuận"])}`,
          city: "TP. Hồ Chí Minh",
          createdAt: now - faker.number.int({ min: 5, max: 400 }) * DAY_MS,
        })
        .run();
      addUser(id, legalName, "sme", email, contact);
      return id;
    };

    addSme("sme@demo.test", "Công ty TNHH Thực phẩm Đồng Tâm", "food_beverage", "Nguyễn Thị Hương");

    const words = faker.helpers.shuffle([...COMPANY_WORDS]);
    for (let i = 0; i < 16; i++) {
      const name =
        `${faker.helpers.arrayElement(SME_KINDS)} ${words[i % words.length]} ${i >= words.length ? i : ""}`.trim();
      addSme(
        `sme${i + 1}@demo.test`,
        name,
        faker.helpers.arrayElement(SECTORS),
        `${faker.person.lastName()} ${faker.person.firstName()}`,
      );
    }
    seedVendors(tx, {
      faker,
      now,
      addUser,
      nextTaxCode: () => taxCodeFor(taxCounter++),
      reviewers: { HUBA: hubaStaff, HCA: hcaStaff },
    });

    seedNeeds(tx, now);
    seedBids(tx, now);
    seedDelivery(tx, now);
    seedMatching(tx, now);
    seedFlagScenarios(tx, now);
    seedOutcomes(tx, now);
    seedEventsAndGuides(tx, now);
  });

  // The monitoring engine reads the demo data like any other: the flags staff see come from the rules.
  // Inserted in bulk: the maintained track records (ADR 012) are computed once from the history.
  const { rebuildVendorStats } = await import("../app/models/vendor-stats.server");
  rebuildVendorStats(undefined, now);
  const { sweep } = await import("../app/models/flags.server");
  await sweep(now);
}
