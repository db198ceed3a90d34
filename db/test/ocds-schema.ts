/**
 * The official OCDS 1.1.5 release-package schema with the bids extension applied, for tests.
 * The schema files are third-party (Apache-2.0) and are read from `../shared/ocds/` beside the
 * repository (or OCDS_SCHEMA_DIR), never copied into it and never fetched over the network:
 * the package schema's `$ref` to the release schema resolves to the local, patched copy.
 */
import fs from "node:fs";
import path from "node:path";
import Ajv, { type ValidateFunction } from "ajv-draft-04";
import addFormats from "ajv-formats";

/** Keywords of the OCDS schemas that carry metadata, not validation. */
const OCDS_VOCABULARY = ["codelist", "openCodelist", "omitWhenMerged", "versionId", "wholeListMerge", "deprecated"];

export function ocdsSchemaDir(): string {
  const candidates = [
    process.env.OCDS_SCHEMA_DIR,
    path.resolve(process.cwd(), "../shared/ocds"),
    // A git worktree one level further down (…/wt/<branch>) shares the same folder.
    path.resolve(process.cwd(), "../../shared/ocds"),
  ].filter((c): c is string => !!c);
  const found = candidates.find((c) => fs.existsSync(path.join(c, "release-schema.json")));
  if (!found) {
    throw new Error(
      `OCDS schemas not found (looked in ${candidates.join(", ")}): set OCDS_SCHEMA_DIR to the folder ` +
        "holding release-schema.json, release-package-schema.json and bids-extension-release-schema.json",
    );
  }
  return found;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (v: Json | undefined): v is { [key: string]: Json } =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** RFC 7396 JSON Merge Patch: how OCDS extensions apply to the release schema. */
export function mergePatch(target: Json | undefined, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const result: { [key: string]: Json } = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

const read = (dir: string, file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Json;

let cached: ValidateFunction | null = null;

/** A validator of a whole release package. */
export function releasePackageValidator(): ValidateFunction {
  if (cached) return cached;
  const dir = ocdsSchemaDir();
  const release = mergePatch(read(dir, "release-schema.json"), read(dir, "bids-extension-release-schema.json"));
  const releasePackage = read(dir, "release-package-schema.json") as { [key: string]: Json };
  const releaseRef = (releasePackage.properties as { releases: { items: { $ref: string } } }).releases.items.$ref;
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  for (const keyword of OCDS_VOCABULARY) if (!ajv.getKeyword(keyword)) ajv.addKeyword(keyword);
  ajv.addSchema(release as object, releaseRef);
  cached = ajv.compile(releasePackage);
  return cached;
}
