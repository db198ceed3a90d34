import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PILLAR_MAX, PILLARS } from "~/lib/dbi";
import { criteriaCount, criterionMax } from "~/lib/questionnaire";
import { currentQuestionnaire, loadQuestionnaires, QUESTIONNAIRES_DIR } from "./questionnaires.server";

describe("questionnaire files", () => {
  const all = loadQuestionnaires();

  it("exist, and each adds up to the pillar maxima of docs/product.md §4 with 60 criteria in both languages", () => {
    expect(all.size).toBeGreaterThan(0);
    for (const q of all.values()) {
      expect(q.pillars.map((p) => p.id)).toEqual([...PILLARS]);
      for (const pillar of q.pillars) {
        expect(
          pillar.criteria.reduce((s, c) => s + criterionMax(c), 0),
          `${q.id} ${pillar.id}`,
        ).toBe(PILLAR_MAX[pillar.id]);
        for (const c of pillar.criteria) {
          expect(c.question.vi.trim(), c.id).not.toBe("");
          expect(c.question.en.trim(), c.id).not.toBe("");
          for (const o of c.options) expect(o.label.vi && o.label.en, c.id).toBeTruthy();
        }
      }
      expect(criteriaCount(q)).toBe(60);
    }
  });

  it("score strategy as one criterion from 0 to 25 in steps of 5, the others 0 to 5", () => {
    const q = all.get("dbi-2021")!;
    const strategy = q.pillars.find((p) => p.id === "strategy")!;
    expect(strategy.criteria).toHaveLength(1);
    expect(strategy.criteria[0]!.options.map((o) => o.points)).toEqual([0, 5, 10, 15, 20, 25]);
    for (const pillar of q.pillars.filter((p) => p.id !== "strategy")) {
      for (const c of pillar.criteria)
        expect(
          c.options.map((o) => o.points),
          c.id,
        ).toEqual([0, 1, 2, 3, 4, 5]);
    }
  });

  it("load a new version from another file with no code change, and refuse one that does not add up", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kns-q-"));
    const current = JSON.parse(
      fs.readFileSync(path.join(QUESTIONNAIRES_DIR, `${currentQuestionnaire().id}.json`), "utf8"),
    );
    fs.writeFileSync(path.join(dir, "dbi-2021.json"), JSON.stringify(current));
    fs.writeFileSync(
      path.join(dir, "dbi-2030.json"),
      JSON.stringify({ ...current, id: "dbi-2030", date: "2030-01-01" }),
    );
    const loaded = loadQuestionnaires(dir);
    expect([...loaded.keys()]).toEqual(["dbi-2021", "dbi-2030"]);

    const broken = structuredClone(current);
    broken.id = "broken";
    broken.pillars[0].criteria.pop();
    fs.writeFileSync(path.join(dir, "broken.json"), JSON.stringify(broken));
    expect(() => loadQuestionnaires(dir)).toThrow(/customer: criteria add up to 60, not 65/);
  });
});
