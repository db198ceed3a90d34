/**
 * The app functions the fixtures use, in one module so that they load once per worker, through
 * tsx (see `app()` in fixtures.ts). Not a spec: Playwright only runs *.spec.ts.
 */
export { getSqlite } from "../db/client.server";
export { taxCodeCheckDigit } from "../app/lib/tax-code";
export { CHECKLIST_ITEMS } from "../app/lib/vendor-options";
export { questionPages } from "../app/lib/questionnaire";
export { recordAudit } from "../app/models/audit.server";
export { saveAssessmentStep, startAssessment } from "../app/models/assessments.server";
export { awardBid, submitBid } from "../app/models/bids.server";
export { verifyEmail } from "../app/models/accounts.server";
export { raiseIncident } from "../app/models/incidents.server";
export { decideMilestone, submitMilestone } from "../app/models/milestones.server";
export { issueToken } from "../app/models/tokens.server";
export { inviteVendor } from "../app/models/invitations.server";
export { closeNeed, createNeed } from "../app/models/needs.server";
export { currentQuestionnaire } from "../app/models/questionnaires.server";
export { createStaffUser } from "../app/models/staff-accounts.server";
export { findUserByEmail, getUserById, registerSme, registerVendor } from "../app/models/users.server";
export { addReference, saveCompany, savePackage, vendorStanding } from "../app/models/dossier.server";
export { decide, submitDossier } from "../app/models/vetting.server";
export { createSessionCookie, hashPassword } from "../app/utils/auth.server";
export { latestAssessment } from "../app/models/assessments.server";
export { createEvent, registerForEvent } from "../app/models/events.server";
export { createResource } from "../app/models/resources.server";
