import i18next from "i18next";
import { describe, expect, it } from "vitest";
import en from "~/locales/en.json";
import vi from "~/locales/vi.json";
import { lookupKept, namespaceOf, translatorFor, type Strings } from "./translate";

const files = { vi, en } as const;
const i18n = i18next.createInstance();
await i18n.init({
  lng: "vi",
  fallbackLng: false,
  resources: { vi: { translation: vi }, en: { translation: en } },
  interpolation: { escapeValue: false },
  returnNull: false,
});

function leaves(node: Strings, prefix = ""): [string, string][] {
  return Object.entries(node).flatMap(([k, v]) =>
    typeof v === "string" ? [[prefix + k, v] as [string, string]] : leaves(v as Strings, `${prefix}${k}.`),
  );
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

describe.each(Object.keys(files) as (keyof typeof files)[])("translate (%s) says what i18next says", (lang) => {
  const strings = files[lang] as Strings;
  const ours = translatorFor(lang, strings);
  const theirs = i18n.getFixedT(lang);
  const all = leaves(strings);
  // Each key once; a plural group (`x_one`, `x_other`) also as its bare key with counts.
  const groups = new Map<string, { texts: string[]; plural: boolean }>();
  for (const [key, text] of all) {
    const base = key.replace(PLURAL, "");
    const group = groups.get(base) ?? { texts: [], plural: false };
    group.texts.push(text);
    group.plural ||= base !== key;
    groups.set(base, group);
    if (base !== key) groups.set(key, { texts: [text], plural: false });
  }
  const variables = (texts: string[]) =>
    Object.fromEntries(
      [...new Set(texts.flatMap((t) => [...t.matchAll(/{{(.+?)}}/g)].map((m) => m[1]!.trim())))].map((name, i) => [
        name,
        `‹${name} ${i}›`,
      ]),
    );

  it("covers every key of the file", () => {
    expect(all.length).toBeGreaterThan(2000);
    expect([...groups.values()].filter((g) => g.plural).length).toBeGreaterThan(60);
  });

  it("every key, with its variables filled, missing, and with none given", () => {
    let compared = 0;
    for (const [key, { texts, plural }] of groups) {
      const values = variables(texts);
      const cases: Record<string, unknown>[] = [
        values,
        {},
        Object.fromEntries(Object.keys(values).map((k) => [k, ""])),
      ];
      if (plural) for (const count of [0, 1, 2, 5, 21]) cases.push({ ...values, count }, { count });
      for (const options of cases) {
        expect(ours(key, options), `${key} ${JSON.stringify(options)}`).toBe(theirs(key, options));
        compared += 1;
      }
      expect(ours(key)).toBe(theirs(key));
    }
    expect(compared).toBeGreaterThan(6000);
  });

  it("every key ending in `_<word>` as its base key with that word as context (and counts)", () => {
    let compared = 0;
    for (const [key, text] of all) {
      const cut = key.lastIndexOf("_");
      if (cut <= key.lastIndexOf(".")) continue;
      const [base, context] = [key.slice(0, cut), key.slice(cut + 1)];
      const values = variables([text]);
      for (const options of [
        { ...values, context },
        { context },
        { ...values, context, count: 1 },
        { ...values, context, count: 0 },
        { ...values, context: "nope" },
        { ...values, context: "" },
      ]) {
        expect(ours(base, options), `${base} ${JSON.stringify(options)}`).toBe(theirs(base, options));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it("a missing key, a default value, a list of keys, a namespace", () => {
    const keys = ["nope.missing", "nav.missing.deeper", `${all[0]![0]}.below`, "missing {{x}}", "needs.count"];
    const options: Record<string, unknown>[] = [
      {},
      { x: 3 },
      { defaultValue: "Mặc định {{x}}", x: null },
      { defaultValue: "" },
      { count: 2, defaultValue: "d", defaultValue_other: "o {{count}}" },
      { count: 1, defaultValue_one: "one {{count}}" },
    ];
    for (const key of keys)
      for (const option of options)
        expect(ours(key, option), `${key} ${JSON.stringify(option)}`).toBe(theirs(key, option));
    const found = all[1]![0];
    expect(ours(["nope.a", found, "nope.b"])).toBe(theirs(["nope.a", found, "nope.b"]));
    expect(ours(["nope.a", "nope.b"])).toBe(theirs(["nope.a", "nope.b"]));
    expect(ours("nav")).toMatch(/^key 'nav \((vi|en)\)' returned an object/);
    expect(namespaceOf("needs.list.title")).toBe("needs");
    expect(namespaceOf("nav")).toBe("nav");
  });
});

describe("lookupKept", () => {
  it("answers a key it found before from memory, and keeps no key it did not find", () => {
    const strings: Strings = { needs: { title: "Nhu cầu" } };
    expect(lookupKept(strings, "needs.title")).toBe("Nhu cầu");
    expect(lookupKept(strings, "needs.missing")).toBeUndefined();
    // A language's strings never change; if they did, a found key would keep its first answer
    // and a missing one would be looked up again.
    (strings.needs as Strings).title = "changed";
    (strings.needs as Strings).missing = "now here";
    expect(lookupKept(strings, "needs.title")).toBe("Nhu cầu");
    expect(lookupKept(strings, "needs.missing")).toBe("now here");
    expect(lookupKept({ needs: { title: "Needs" } }, "needs.title")).toBe("Needs");
  });
});
