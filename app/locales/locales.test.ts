import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "./en.json";
import vi from "./vi.json";

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

const viKeys = new Set(keys(vi as Tree));
const enKeys = new Set(keys(en as Tree));
/** A key exists when it is a leaf, or a plural family (`key_one`, `key_other`). */
const has = (set: Set<string>, key: string) => set.has(key) || set.has(`${key}_other`);

describe("locale files", () => {
  it("have the same keys in Vietnamese and English", () => {
    expect([...viKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !viKeys.has(k))).toEqual([]);
  });

  it("have no empty text", () => {
    const empty = (tree: Tree) =>
      keys(tree).filter((k) => k.split(".").reduce<unknown>((t, p) => (t as Tree)[p], tree) === "");
    expect(empty(vi as Tree)).toEqual([]);
    expect(empty(en as Tree)).toEqual([]);
  });

  it("hold every key the code names literally", () => {
    const root = path.resolve(__dirname, "..");
    const missing: string[] = [];
    for (const file of sourceFiles(root)) {
      const text = fs.readFileSync(file, "utf8");
      for (const match of text.matchAll(/\bt\(\s*"([a-zA-Z][\w.]*)"/g)) {
        const key = match[1]!;
        if (!key.includes(".")) continue;
        if (!has(viKeys, key) || !has(enKeys, key)) missing.push(`${path.relative(root, file)}: ${key}`);
      }
      for (const match of text.matchAll(/"(errors\.[a-zA-Z]+)"/g)) {
        if (!has(viKeys, match[1]!) || !has(enKeys, match[1]!))
          missing.push(`${path.relative(root, file)}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("use the same interpolation variables in both languages", () => {
    const get = (tree: Tree, key: string) => key.split(".").reduce<unknown>((t, p) => (t as Tree)[p], tree) as string;
    const vars = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const differ = [...viKeys].filter(
      (k) => enKeys.has(k) && vars(get(vi as Tree, k)).join() !== vars(get(en as Tree, k)).join(),
    );
    expect(differ).toEqual([]);
  });
});
