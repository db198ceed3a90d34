import { describe, expect, it } from "vitest";
import { createI18n, sharedI18n, translator } from "./i18n";
import { LANGUAGES } from "~/lib/reference";

describe("the server's shared translations", () => {
  it("answer every call as a fresh i18next instance does, the first time and from memory", () => {
    for (const lang of LANGUAGES) {
      const fresh = createI18n(lang);
      const shared = sharedI18n(lang);
      const fixedFresh = fresh.getFixedT(null, ["translation"]);
      const fixedShared = shared.getFixedT(null, ["translation"]);
      const calls: [string, Record<string, unknown>?][] = [
        ["nav.skip"],
        ["nav.menu"],
        ["nav.notificationsCount", { count: 1 }],
        ["nav.notificationsCount", { count: 7 }],
        ["bench.trivial", { one: 1 }],
        ["bench.trivial", { one: 2 }],
        ["no.such.key"],
        ["nav.skip", { lng: lang === "vi" ? "en" : "vi" }],
      ];
      for (let round = 0; round < 3; round++) {
        for (const [key, options] of calls) {
          expect(fixedShared(key, options as never), `${lang} ${key} ${JSON.stringify(options)}`).toBe(
            fixedFresh(key, options as never),
          );
          expect(shared.t(key, options as never)).toBe(fresh.t(key, options as never));
          expect(translator(lang)(key, options as never)).toBe(fresh.t(key, options as never));
        }
      }
    }
    // The two languages are told apart.
    expect(sharedI18n("vi").getFixedT(null, ["translation"])("nav.skip")).not.toBe(
      sharedI18n("en").getFixedT(null, ["translation"])("nav.skip"),
    );
  });
});
