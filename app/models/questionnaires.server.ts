/**
 * The assessment questionnaires: one JSON file per version in db/questionnaires/, found by its
 * id. Adding a version is adding a file; the newest (by its date) is the one new assessments use,
 * and each stored assessment is scored with the version it was taken with.
 */
import fs from "node:fs";
import path from "node:path";
import {
  describeFileErrors,
  QuestionnaireFile,
  questionnaireProblems,
  resolveQuestionnaire,
  type Questionnaire,
} from "~/lib/questionnaire";

export const QUESTIONNAIRES_DIR = path.resolve("db/questionnaires");

let cache: Map<string, Questionnaire> | null = null;

/**
 * Reads and checks every file (its shape with Zod, then the scoring rules); a bad file stops the
 * app loudly, naming the file and the field.
 */
export function loadQuestionnaires(dir = QUESTIONNAIRES_DIR): Map<string, Questionnaire> {
  const found = new Map<string, Questionnaire>();
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith(".json"))
    .sort()) {
    const raw = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
    const parsed = QuestionnaireFile.safeParse(raw);
    if (!parsed.success) throw new Error(`questionnaire ${name}: ${describeFileErrors(parsed.error)}`);
    const questionnaire = resolveQuestionnaire(parsed.data);
    const problems = questionnaireProblems(questionnaire);
    if (problems.length) throw new Error(`questionnaire ${name}: ${problems.join("; ")}`);
    if (`${questionnaire.id}.json` !== name) throw new Error(`questionnaire ${name} has id ${questionnaire.id}`);
    found.set(questionnaire.id, questionnaire);
  }
  return found;
}

function all(): Map<string, Questionnaire> {
  if (!cache) cache = loadQuestionnaires();
  return cache;
}

export function getQuestionnaire(id: string): Questionnaire {
  const questionnaire = all().get(id);
  if (!questionnaire) throw new Error(`no questionnaire ${id} in ${QUESTIONNAIRES_DIR}`);
  return questionnaire;
}

/** The pillars of the current questionnaire, as choices (guides are filed under one). */
export function pillarOptions(): { value: string; label: { vi: string; en: string } }[] {
  return currentQuestionnaire().pillars.map((p) => ({ value: p.id, label: p.title }));
}

/** The version new assessments are taken with: the newest by date. */
export function currentQuestionnaire(): Questionnaire {
  const newest = [...all().values()].sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id))[0];
  if (!newest) throw new Error(`no questionnaire in ${QUESTIONNAIRES_DIR}`);
  return newest;
}
