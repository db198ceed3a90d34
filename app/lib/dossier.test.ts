import { describe, expect, it } from "vitest";
import { DOSSIER_PARTS, missingDossierParts, type DossierFacts } from "./dossier";

const complete: DossierFacts = {
  description: "Chúng tôi triển khai phần mềm kế toán cho doanh nghiệp nhỏ tại TP.HCM.",
  yearFounded: 2015,
  website: "https://example.vn",
  teamSize: 25,
  street: "12 Lê Lợi",
  ward: "Phường Sài Gòn",
  city: "TP. Hồ Chí Minh",
  contactName: "Nguyễn Văn An",
  contactEmail: "an@example.vn",
  contactPhone: "0909123456",
  categories: ["accounting"],
  sectors: ["retail_trade"],
  referenceCount: 2,
  packageCount: 1,
};

describe("dossier completeness", () => {
  it("accepts a complete dossier", () => {
    expect(missingDossierParts(complete)).toEqual([]);
  });

  it("names every missing part of an empty dossier", () => {
    const empty: DossierFacts = {
      description: "",
      yearFounded: null,
      website: null,
      teamSize: null,
      street: null,
      ward: null,
      city: null,
      contactName: null,
      contactEmail: null,
      contactPhone: null,
      categories: [],
      sectors: [],
      referenceCount: 0,
      packageCount: 0,
    };
    expect(missingDossierParts(empty)).toEqual([...DOSSIER_PARTS]);
  });

  it("needs at least two references", () => {
    expect(missingDossierParts({ ...complete, referenceCount: 1 })).toEqual(["references"]);
  });

  it("needs the whole address and the whole contact", () => {
    expect(missingDossierParts({ ...complete, ward: " ", contactPhone: null })).toEqual(["address", "contact"]);
  });
});
