import { describe, expect, it, vi as mock } from "vitest";
import { lookup } from "~/lib/translate";
import { stringsOf } from "./i18n";
import { stringsStore, type PageStrings } from "./i18n-browser";
import {
  ALWAYS,
  languageStrings,
  pageStrings,
  pageStringsScript,
  recordingTranslations,
  restUrl,
} from "./i18n-strings.server";

describe("the strings a page carries", () => {
  it("are the strings the render found, and the few namespaces every page needs, of its language only", () => {
    const { translations, used } = recordingTranslations("en");
    translations.t("vendors.title");
    translations.t("nav.home");
    translations.t("nope.missing");
    expect([...used].sort()).toEqual(["nav.home", "vendors.title"]);
    const payload = pageStrings("en", used);
    expect(Object.keys(payload.strings).sort()).toEqual([...ALWAYS, "nav", "vendors"].sort());
    expect(payload.strings.vendors).toEqual({ title: lookup(stringsOf("en"), "vendors.title") });
    expect(payload.strings.nav).toEqual({ home: lookup(stringsOf("en"), "nav.home") });
    for (const ns of ALWAYS) expect(payload.strings[ns]).toEqual(stringsOf("en")[ns]);
    expect(payload.lang).toBe("en");
    expect(payload.rest).toBe(`/strings/en/${languageStrings("en").version}`);
  });

  it("the rest's address changes with the strings and differs by language", () => {
    expect(restUrl("vi")).toMatch(/^\/strings\/vi\/[0-9a-f]{12}$/);
    expect(languageStrings("vi").version).not.toBe(languageStrings("en").version);
    expect(JSON.parse(languageStrings("vi").json)).toEqual(stringsOf("vi"));
  });

  it("go into a JSON script no string can end, with the nonce", () => {
    const payload: PageStrings = { lang: "vi", rest: "/strings/vi/x", strings: { a: { b: "</script><b>&" } } };
    const html = pageStringsScript(payload, "abc123");
    expect(html.startsWith('<script type="application/json" id="strings" nonce="abc123">')).toBe(true);
    expect(html.match(/<\/script/g)).toHaveLength(1);
    const json = html.slice(html.indexOf(">") + 1, html.lastIndexOf("</script>"));
    expect(JSON.parse(json)).toEqual(payload);
    expect(pageStringsScript(payload, '"><x')).toContain('nonce="x"');
  });
});

describe("the browser's translations", () => {
  function page() {
    const { translations, used } = recordingTranslations("vi");
    const server = translations.t("vendors.title");
    return { server, payload: pageStrings("vi", used) };
  }

  it("give the text the server rendered, without fetching anything", () => {
    const { server, payload } = page();
    const fetchStrings = mock.fn(() => Promise.resolve(stringsOf("vi")));
    const store = stringsStore(payload, fetchStrings);
    expect(store.t("vendors.title")).toBe(server);
    expect(fetchStrings).not.toHaveBeenCalled();
  });

  it("give the same plural forms as the server", () => {
    const { translations, used } = recordingTranslations("en");
    const pluralKey = Object.entries(stringsOf("en"))
      .flatMap(([ns, v]) => Object.keys(v as object).map((k) => `${ns}.${k}`))
      .find((k) => k.endsWith("_one"))!
      .replace(/_one$/, "");
    const server = [0, 1, 2].map((count) => translations.t(pluralKey, { count }));
    const store = stringsStore(pageStrings("en", used), () => new Promise(() => {}));
    expect([0, 1, 2].map((count) => store.t(pluralKey, { count }))).toEqual(server);
  });

  it("give a missing key's key, fetch the rest once, and tell the components when it came", async () => {
    const { payload } = page();
    const fetchStrings = mock.fn((_url: string) => Promise.resolve(stringsOf("vi")));
    const store = stringsStore(payload, fetchStrings);
    const listener = mock.fn();
    const unsubscribe = store.subscribe(listener);
    expect(store.t("landing.title")).toBe("landing.title");
    expect(store.t("stats.title")).toBe("stats.title");
    expect(fetchStrings).toHaveBeenCalledTimes(1);
    expect(fetchStrings).toHaveBeenCalledWith(payload.rest);
    expect(store.version()).toBe(0);
    await store.loadRest();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.version()).toBe(1);
    expect(store.t("landing.title")).toBe(recordingTranslations("vi").translations.t("landing.title"));
    unsubscribe();
    await store.loadRest();
    expect(fetchStrings).toHaveBeenCalledTimes(1);
  });

  it("do not make the page render again when nothing was missing", async () => {
    const { server, payload } = page();
    const store = stringsStore(payload, () => Promise.resolve(stringsOf("vi")));
    const listener = mock.fn();
    store.subscribe(listener);
    expect(store.t("vendors.title")).toBe(server);
    await store.loadRest();
    expect(listener).not.toHaveBeenCalled();
    expect(store.version()).toBe(0);
    expect(store.t("landing.title")).toBe(recordingTranslations("vi").translations.t("landing.title"));
  });

  it("ask again after a failed fetch", async () => {
    const { payload } = page();
    const warn = mock.spyOn(console, "warn").mockImplementation(() => {});
    const fetchStrings = mock
      .fn((_url: string) => Promise.resolve(stringsOf("vi")))
      .mockImplementationOnce(() => Promise.reject(new Error("offline")));
    const store = stringsStore(payload, fetchStrings);
    await store.loadRest();
    expect(store.t("landing.title")).toBe("landing.title");
    await store.loadRest();
    expect(fetchStrings).toHaveBeenCalledTimes(2);
    expect(store.t("landing.title")).not.toBe("landing.title");
    warn.mockRestore();
  });
});
