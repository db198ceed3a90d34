/**
 * Kept only so that branches written before the split still compile: vendors are now
 * dossier.server.ts (the dossier and the vendor's edits), vetting.server.ts (submission, staff
 * decisions, the queue) and directory.server.ts (the public directory). Import from those; this
 * module goes once nothing imports it.
 */
export * from "./dossier.server";
export * from "./vetting.server";
export * from "./directory.server";
