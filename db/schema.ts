/**
 * The whole schema. Times are integers (ms since the epoch, UTC) unless a library dictates
 * otherwise; money is integer VND; statuses are the string enums of app/lib/reference.ts.
 * Each list a page shows has the index that serves its filter and order. One file though long:
 * drizzle-kit diffs it against the migrations, and the tables' foreign keys are read together.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  CATEGORIES,
  LANGUAGES,
  ORGANISATION_KINDS,
  PACKAGE_UNITS,
  ROLES,
  SECTORS,
  STAFF_ORGANISATIONS,
  VENDOR_STATUSES,
} from "../app/lib/reference";
import { CAPITAL_BAND_IDS, REVENUE_BAND_IDS, SIZE_CLASSES } from "../app/lib/enterprise-size";
import { ASSESSMENT_STATUSES } from "../app/lib/dbi";
import { DOSSIER_CHANGE_STATUSES } from "../app/lib/dossier-change";
import { NEED_EVENTS, NEED_STATUSES } from "../app/lib/need-status";
import { BID_STATUSES } from "../app/lib/bid-rules";
import { FLAG_STATUSES, RULE_CODES, SEVERITIES, SUBJECT_TYPES } from "../app/lib/risk-rules";
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES } from "../app/lib/incident-rules";
import { OUTBOX_STATUSES } from "../app/lib/mail-queue";
import {
  AMENDMENT_KINDS,
  AMENDMENT_STATUSES,
  ENGAGEMENT_STATUSES,
  MILESTONE_STATUSES,
  SIDES,
  SUBMISSION_DECISIONS,
} from "../app/lib/delivery-rules";
import { EVENT_AUDIENCES, EVENT_STATUSES, EVENT_TYPES, REGISTRATION_STATUSES } from "../app/lib/event-rules";
import { RESOURCE_KINDS, RESOURCE_STATUSES } from "../app/lib/resource-rules";

const createdAt = () =>
  integer("created_at")
    .notNull()
    .$defaultFn(() => Date.now());

export const organisations = sqliteTable(
  "organisations",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ORGANISATION_KINDS }).notNull(),
    legalName: text("legal_name").notNull(),
    /** Unique for SMEs and vendors; staff organisations have none. */
    taxCode: text("tax_code"),
    /** For staff organisations: HUBA, HCA or DEPARTMENT. */
    staffCode: text("staff_code", { enum: STAFF_ORGANISATIONS }),
    sector: text("sector", { enum: SECTORS }),
    employees: integer("employees"),
    revenueBand: text("revenue_band", { enum: REVENUE_BAND_IDS }),
    capitalBand: text("capital_band", { enum: CAPITAL_BAND_IDS }),
    sizeClass: text("size_class", { enum: SIZE_CLASSES }),
    vendorStatus: text("vendor_status", { enum: VENDOR_STATUSES }),
    phone: text("phone"),
    street: text("street"),
    ward: text("ward"),
    city: text("city"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("organisations_tax_code_unique").on(t.taxCode),
    uniqueIndex("organisations_staff_code_unique").on(t.staffCode),
    index("organisations_kind_created_idx").on(t.kind, t.createdAt),
    index("organisations_vendor_status_idx").on(t.vendorStatus),
    // The vetting queue's counts by status (covering: vendors only, not every SME).
    index("organisations_kind_vendor_status_idx").on(t.kind, t.vendorStatus),
    // Reports: the SMEs of one sector, registered in a period.
    index("organisations_kind_sector_created_idx").on(t.kind, t.sector, t.createdAt),
  ],
);

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    /** Stored lower-cased, so the unique index is unique ignoring case. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    phone: text("phone"),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    lang: text("lang", { enum: LANGUAGES }).notNull().default("vi"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
    /** Set when the owner of the address followed the link we sent it. */
    emailVerifiedAt: integer("email_verified_at"),
    lastSignInAt: integer("last_sign_in_at"),
    /** Name, email and organisation folded by app/lib/search-text.ts, for the admin's search. */
    searchText: text("search_text").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(sql`lower(${t.email})`),
    index("users_organisation_idx").on(t.organisationId),
    index("users_role_created_idx").on(t.role, t.createdAt),
    index("users_created_idx").on(t.createdAt),
  ],
);

/** Lucia v3's session table: `expires_at` is in seconds, as @lucia-auth/adapter-drizzle writes it. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const TOKEN_PURPOSES = ["password_reset", "email_verification"] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** Single-use links sent by email (password reset, email verification). */
export const userTokens = sqliteTable(
  "user_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    purpose: text("purpose", { enum: TOKEN_PURPOSES }).notNull(),
    /** SHA-256 of the token; the token itself is only ever in the email. */
    tokenHash: text("token_hash").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("user_tokens_hash_unique").on(t.tokenHash),
    index("user_tokens_user_purpose_idx").on(t.userId, t.purpose),
  ],
);

/**
 * The outbox is the mail queue (ADR 007): `pending` mail waits for the worker, which marks it
 * `sent`, or `failed` after its last attempt; `kept` is mail written where no SMTP server is
 * configured (development), recorded and logged but never sent. The statuses and the retry
 * schedule are in app/lib/mail-queue.ts.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    /** JSON: the attachments ({ filename, contentType, content }), e.g. an event's .ics; null for none. */
    attachments: text("attachments"),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull(),
    /** The last attempt's error, kept until the mail is sent. */
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    /** When the worker may try a pending mail (again); null once it is sent, failed or kept. */
    nextAttemptAt: integer("next_attempt_at"),
    sentAt: integer("sent_at"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at"),
  },
  (t) => [
    index("outbox_to_created_idx").on(t.to, t.createdAt),
    index("outbox_status_next_idx").on(t.status, t.nextAttemptAt),
    index("outbox_created_idx").on(t.createdAt),
    /** The admin's list filtered by status, newest first (`listOutbox`). */
    index("outbox_status_created_idx").on(t.status, t.createdAt),
  ],
);

export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  /** JSON */
  value: text("value").notNull(),
  updatedAt: integer("updated_at").notNull(),
  updatedBy: text("updated_by").references(() => users.id),
});

/** Append-only: triggers in the migrations refuse UPDATE and DELETE. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    actorId: text("actor_id").references(() => users.id),
    /** The email tried, for sign-in failures where no user is known. */
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    ip: text("ip"),
    /** JSON */
    details: text("details"),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_actor_at_idx").on(t.actorId, t.at),
    index("audit_log_action_at_idx").on(t.action, t.at),
  ],
);

export const RATE_EVENT_KINDS = ["sign_in_failure", "sign_up", "password_reset_email", "password_reset_ip"] as const;

/**
 * Events counted by the rate limits: failed sign-ins per email and address, sign-ups per address,
 * password-reset requests per email and per address.
 */
export const rateEvents = sqliteTable(
  "rate_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: RATE_EVENT_KINDS }).notNull(),
    key: text("key").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("rate_events_kind_key_at_idx").on(t.kind, t.key, t.at)],
);

/**
 * DX assessments (docs/product.md §4). One draft per organisation at a time, saved at every step; a
 * completed one is kept for good with the questionnaire version it was taken with.
 */
export const assessments = sqliteTable(
  "assessments",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    /** The questionnaire file's id, e.g. `dbi-2021`. */
    questionnaireId: text("questionnaire_id").notNull(),
    status: text("status", { enum: ASSESSMENT_STATUSES }).notNull(),
    /** JSON: criterion id → points of the chosen option. */
    answers: text("answers").notNull().default("{}"),
    /** The pillar step the taker is on (0-based), for resuming. */
    step: integer("step").notNull().default(0),
    /** JSON: pillar → score, set on completion. */
    pillarScores: text("pillar_scores"),
    totalScore: integer("total_score"),
    level: integer("level"),
    startedAt: integer("started_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    completedAt: integer("completed_at"),
  },
  (t) => [
    index("assessments_org_status_completed_idx").on(t.organisationId, t.status, t.completedAt),
    // Reports (covering): assessments completed in a period, with their SME and level.
    index("assessments_status_completed_idx").on(t.status, t.completedAt, t.organisationId, t.level),
    uniqueIndex("assessments_one_draft_per_org")
      .on(t.organisationId)
      .where(sql`${t.status} = 'draft'`),
  ],
);

/**
 * An SME's need (docs/product.md §7). `status` is what a person last made it; what it is now (an open
 * need past its deadline is evaluating or expired) comes from app/lib/need-status.ts.
 */
export const needs = sqliteTable(
  "needs",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    description: text("description").notNull(),
    category: text("category", { enum: CATEGORIES }).notNull(),
    sector: text("sector", { enum: SECTORS }).notNull(),
    budgetMin: integer("budget_min").notNull(),
    budgetMax: integer("budget_max").notNull(),
    desiredStart: integer("desired_start").notNull(),
    deadline: integer("deadline").notNull(),
    requirements: text("requirements").notNull().default(""),
    status: text("status", { enum: NEED_STATUSES }).notNull(),
    publishedAt: integer("published_at"),
    closedAt: integer("closed_at"),
    cancelledAt: integer("cancelled_at"),
    cancelReason: text("cancel_reason"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("needs_org_updated_idx").on(t.organisationId, t.updatedAt),
    index("needs_status_published_idx").on(t.status, t.publishedAt),
    index("needs_status_deadline_idx").on(t.status, t.deadline),
    index("needs_status_budget_idx").on(t.status, t.budgetMax),
    index("needs_status_category_published_idx").on(t.status, t.category, t.publishedAt),
    index("needs_status_sector_published_idx").on(t.status, t.sector, t.publishedAt),
    // Matchmaking: the open needs of the categories a vendor offers, still taking bids.
    index("needs_status_category_deadline_idx").on(t.status, t.category, t.deadline),
    // Matchmaking (covering): the sector of each engagement's need, without reading the need's row.
    index("needs_id_sector_idx").on(t.id, t.sector),
    // Reports (covering): the needs published in a period, with what their outcome and bids need.
    index("needs_published_report_idx").on(t.publishedAt, t.status, t.sector, t.deadline, t.id),
    // The sweep: evaluating and awarded needs changed recently (ADR 012).
    index("needs_status_updated_idx").on(t.status, t.updatedAt),
  ],
);

/** Everything that happened to a need, with who and when; edits keep each changed field's before and after. */
export const needEvents = sqliteTable(
  "need_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    needId: text("need_id")
      .notNull()
      .references(() => needs.id),
    actorId: text("actor_id")
      .notNull()
      .references(() => users.id),
    event: text("event", { enum: NEED_EVENTS }).notNull(),
    /** JSON: field → [before, after], for edits. */
    changes: text("changes"),
    note: text("note"),
    at: integer("at").notNull(),
  },
  (t) => [index("need_events_need_at_idx").on(t.needId, t.at)],
);

export type Organisation = typeof organisations.$inferSelect;
export type User = typeof users.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Vendors: the dossier, vetting and the directory (docs/product.md §6)

export type { PackageUnit } from "../app/lib/reference";

/** The dossier's company facts, one row per vendor organisation. */
export const vendorProfiles = sqliteTable(
  "vendor_profiles",
  {
    organisationId: text("organisation_id")
      .primaryKey()
      .references(() => organisations.id),
    description: text("description").notNull().default(""),
    yearFounded: integer("year_founded"),
    website: text("website"),
    teamSize: integer("team_size"),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    /** JSON array of certification names (ISO 27001, ISO 9001, CMMI, …). */
    certifications: text("certifications").notNull().default("[]"),
    submittedAt: integer("submitted_at"),
    vettedAt: integer("vetted_at"),
    vettingExpiresAt: integer("vetting_expires_at"),
    /** The staff organisation (HUBA, HCA, DEPARTMENT) whose member approved. */
    vettedBy: text("vetted_by", { enum: STAFF_ORGANISATIONS }),
    /** Filled from verified reviews (engagements issue); null until the first. */
    ratingAvg: integer("rating_avg_x100"),
    ratingCount: integer("rating_count").notNull().default(0),
    /**
     * The logo: a file under UPLOADS_DIR (`logos/<vendor>/<uuid>.<ext>`), its type as read from its
     * content and the width and height from its header (app/lib/logo.ts); null when there is none.
     */
    logoKey: text("logo_key"),
    logoMime: text("logo_mime"),
    logoWidth: integer("logo_width"),
    logoHeight: integer("logo_height"),
    updatedAt: integer("updated_at").notNull(),
    /**
     * Until when the vendor is listed in the directory: its `vetting_expires_at` while its
     * organisation is a vetted vendor (not suspended, not pending), else null. Kept by triggers
     * (migration vendor_listing_triggers) on both tables, so that the directory's filter
     * (`isVettedNow`: `listed_until > now`) and its orders are served by this table's indexes alone.
     */
    listedUntil: integer("listed_until"),
    /**
     * The rowid of the vendor's row in `vendors_fts`, kept by `refreshVendorSearch` (and set by a
     * trigger when the profile is created after that row), so that a search joins its matches to
     * this table by an integer key instead of reading each match's vendor id.
     */
    searchRowid: integer("search_rowid"),
  },
  (t) => [
    index("vendor_profiles_vetted_idx").on(t.vettedAt),
    index("vendor_profiles_submitted_idx").on(t.submittedAt),
    // The directory: how many are listed; newest first; best rated first; a search's matches.
    index("vendor_profiles_listed_idx").on(t.listedUntil),
    index("vendor_profiles_listed_newest_idx").on(sql`${t.vettedAt} DESC`, t.organisationId, t.listedUntil),
    index("vendor_profiles_listed_rating_idx").on(
      sql`(${t.ratingAvg} IS NULL)`,
      sql`${t.ratingAvg} DESC`,
      sql`${t.ratingCount} DESC`,
      sql`${t.vettedAt} DESC`,
      t.organisationId,
      t.listedUntil,
    ),
    index("vendor_profiles_listed_search_idx").on(
      t.searchRowid,
      t.listedUntil,
      t.ratingCount,
      t.vettedAt,
      t.organisationId,
    ),
  ],
);

export const vendorCategories = sqliteTable(
  "vendor_categories",
  {
    vendorId: text("vendor_id")
      .notNull()
      .references(() => organisations.id),
    category: text("category", { enum: CATEGORIES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.category] }),
    index("vendor_categories_category_idx").on(t.category, t.vendorId),
  ],
);

export const vendorSectors = sqliteTable(
  "vendor_sectors",
  {
    vendorId: text("vendor_id")
      .notNull()
      .references(() => organisations.id),
    sector: text("sector", { enum: SECTORS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.vendorId, t.sector] }), index("vendor_sectors_sector_idx").on(t.sector, t.vendorId)],
);

/** SME client references; removed ones are kept with `removedAt`. */
export const vendorReferences = sqliteTable(
  "vendor_references",
  {
    id: text("id").primaryKey(),
    vendorId: text("vendor_id")
      .notNull()
      .references(() => organisations.id),
    clientName: text("client_name").notNull(),
    contactName: text("contact_name").notNull(),
    contactPhone: text("contact_phone").notNull(),
    contactEmail: text("contact_email"),
    project: text("project").notNull(),
    createdAt: createdAt(),
    removedAt: integer("removed_at"),
  },
  (t) => [index("vendor_references_vendor_idx").on(t.vendorId, t.createdAt)],
);

/** Service packages; withdrawn ones are kept with `removedAt`. Prices are integer VND. */
export const servicePackages = sqliteTable(
  "service_packages",
  {
    id: text("id").primaryKey(),
    vendorId: text("vendor_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    category: text("category", { enum: CATEGORIES }).notNull(),
    priceFrom: integer("price_from").notNull(),
    priceTo: integer("price_to").notNull(),
    unit: text("unit", { enum: PACKAGE_UNITS }).notNull(),
    included: text("included").notNull(),
    createdAt: createdAt(),
    removedAt: integer("removed_at"),
  },
  (t) => [
    index("service_packages_vendor_idx").on(t.vendorId, t.createdAt),
    index("service_packages_category_price_idx").on(t.category, t.priceFrom),
  ],
);

/**
 * The vendor's portfolio: case studies of work for SMEs. One may name a completed engagement of
 * this vendor on the platform, which the profile then shows as verified. Removed ones are kept
 * with `removedAt`.
 */
export const caseStudies = sqliteTable(
  "case_studies",
  {
    id: text("id").primaryKey(),
    vendorId: text("vendor_id")
      .notNull()
      .references(() => organisations.id),
    title: text("title").notNull(),
    /** The client's sector. */
    sector: text("sector", { enum: SECTORS }).notNull(),
    challenge: text("challenge").notNull(),
    work: text("work").notNull(),
    result: text("result").notNull(),
    engagementId: text("engagement_id").references(() => engagements.id),
    createdAt: createdAt(),
    removedAt: integer("removed_at"),
  },
  (t) => [index("case_studies_vendor_idx").on(t.vendorId, t.createdAt)],
);

/**
 * A vetted vendor's proposed dossier change (app/lib/dossier-change.ts): the approved content when
 * the vendor started (`base`) and the content it proposes, both JSON. Live only once staff approve
 * it; at most one open (pending or changes requested) per vendor. `version` counts the vendor's
 * edits: staff approve the version they saw (compare-and-set).
 */
export const dossierChanges = sqliteTable(
  "dossier_changes",
  {
    id: text("id").primaryKey(),
    vendorId: text("vendor_id")
      .notNull()
      .references(() => organisations.id),
    status: text("status", { enum: DOSSIER_CHANGE_STATUSES }).notNull(),
    /** JSON DossierContent: the approved version the change started from. */
    base: text("base").notNull(),
    /** JSON DossierContent: the version proposed. */
    proposed: text("proposed").notNull(),
    version: integer("version").notNull().default(1),
    /** Staff's note when they asked for changes. */
    note: text("note"),
    createdAt: createdAt(),
    /** When the vendor last edited it: the staff queue's order. */
    updatedAt: integer("updated_at").notNull(),
    decidedAt: integer("decided_at"),
    decidedBy: text("decided_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("dossier_changes_one_open_per_vendor")
      .on(t.vendorId)
      .where(sql`status IN ('pending', 'changes_requested')`),
    index("dossier_changes_vendor_created_idx").on(t.vendorId, t.createdAt),
    index("dossier_changes_status_updated_idx").on(t.status, t.updatedAt),
  ],
);

export const VETTING_EVENTS = [
  "submitted",
  "approved",
  "changes_requested",
  "rejected",
  "suspended",
  "reinstated",
  "conflict_declared",
] as const;
export type VettingEvent = (typeof VETTING_EVENTS)[number];

/** The history of a vendor's vetting: every submission, decision and declaration, with who and when. */
export const vettingEvents = sqliteTable(
  "vetting_events",
  {
    id: text("id").primaryKey(),
    vendorId: text("vendor_id")
      .notNull()
      .references(() => organisations.id),
    event: text("event", { enum: VETTING_EVENTS }).notNull(),
    actorId: text("actor_id")
      .notNull()
      .references(() => users.id),
    /** Comments, a reason, or a conflict declaration's note. */
    note: text("note"),
    /** JSON: the checklist as reviewed, for decisions. */
    checklist: text("checklist"),
    at: integer("at").notNull(),
  },
  (t) => [
    index("vetting_events_vendor_at_idx").on(t.vendorId, t.at),
    index("vetting_events_vendor_actor_idx").on(t.vendorId, t.actorId, t.event),
    // Reports: approvals in a period.
    index("vetting_events_event_at_idx").on(t.event, t.at),
  ],
);

// ---------------------------------------------------------------------------------------------
// Notifications (docs/product.md §13)

export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    /** A key of NOTIFICATION_KINDS (app/lib/notification-kinds.ts). */
    kind: text("kind").notNull(),
    /** JSON: the values the kind's text needs. */
    params: text("params").notNull().default("{}"),
    link: text("link").notNull(),
    createdAt: integer("created_at").notNull(),
    readAt: integer("read_at"),
  },
  (t) => [
    index("notifications_user_created_idx").on(t.userId, t.createdAt),
    index("notifications_user_unread_idx").on(t.userId, t.readAt),
  ],
);

/** The kinds of email a user turned off; absent means on. */
export const emailOptOuts = sqliteTable(
  "email_opt_outs",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

export type Need = typeof needs.$inferSelect;
export type Assessment = typeof assessments.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Bids, questions and engagements (docs/product.md §7)

export const bids = sqliteTable(
  "bids",
  {
    id: text("id").primaryKey(),
    needId: text("need_id")
      .notNull()
      .references(() => needs.id),
    vendorId: text("vendor_id")
      .notNull()
      .references(() => organisations.id),
    submittedBy: text("submitted_by")
      .notNull()
      .references(() => users.id),
    status: text("status", { enum: BID_STATUSES }).notNull(),
    /** Integer VND. */
    total: integer("total").notNull(),
    durationDays: integer("duration_days").notNull(),
    approach: text("approach").notNull(),
    validityDays: integer("validity_days").notNull(),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
    withdrawnAt: integer("withdrawn_at"),
  },
  (t) => [
    // One live bid per vendor per need, whatever the application does.
    uniqueIndex("bids_one_live_per_vendor")
      .on(t.needId, t.vendorId)
      .where(sql`status <> 'withdrawn'`),
    index("bids_need_status_idx").on(t.needId, t.status),
    index("bids_vendor_updated_idx").on(t.vendorId, t.updatedAt),
  ],
);

export const bidMilestones = sqliteTable(
  "bid_milestones",
  {
    id: text("id").primaryKey(),
    bidId: text("bid_id")
      .notNull()
      .references(() => bids.id),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    dueOffsetDays: integer("due_offset_days").notNull(),
    amount: integer("amount").notNull(),
  },
  (t) => [index("bid_milestones_bid_idx").on(t.bidId, t.position)],
);

/** Vendors' questions on a need; answers are shown to every vendor without the asker. */
export const needQuestions = sqliteTable(
  "need_questions",
  {
    id: text("id").primaryKey(),
    needId: text("need_id")
      .notNull()
      .references(() => needs.id),
    askedBy: text("asked_by")
      .notNull()
      .references(() => users.id),
    vendorId: text("vendor_id")
      .notNull()
      .references(() => organisations.id),
    question: text("question").notNull(),
    answer: text("answer"),
    answeredBy: text("answered_by").references(() => users.id),
    answeredAt: integer("answered_at"),
    createdAt: createdAt(),
  },
  (t) => [index("need_questions_need_idx").on(t.needId, t.createdAt)],
);

export {
  AMENDMENT_KINDS,
  AMENDMENT_STATUSES,
  ENGAGEMENT_STATUSES,
  MILESTONE_STATUSES,
  type MilestoneStatus,
} from "../app/lib/delivery-rules";

export const engagements = sqliteTable(
  "engagements",
  {
    id: text("id").primaryKey(),
    needId: text("need_id")
      .notNull()
      .references(() => needs.id),
    bidId: text("bid_id")
      .notNull()
      .references(() => bids.id),
    smeId: text("sme_id")
      .notNull()
      .references(() => organisations.id),
    vendorId: text("vendor_id")
      .notNull()
      .references(() => organisations.id),
    status: text("status", { enum: ENGAGEMENT_STATUSES }).notNull(),
    /** Integer VND, as awarded. */
    total: integer("total").notNull(),
    awardedAt: integer("awarded_at").notNull(),
    awardedBy: text("awarded_by")
      .notNull()
      .references(() => users.id),
    completedAt: integer("completed_at"),
    terminatedAt: integer("terminated_at"),
    terminationReason: text("termination_reason"),
    /** The latest event on the timeline: what "no activity for 21 days" reads. */
    lastActivityAt: integer("last_activity_at"),
    /**
     * DESIGN §10 health as a rank: 2 red (an open or acknowledged high flag on the engagement),
     * 1 amber (a medium one), 0 green. Kept by the flag engine in the transaction that opens or
     * closes a flag, repaired by the sweep (flags.server.ts `refreshHealth`).
     */
    healthRank: integer("health_rank").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    // Exactly one engagement per need: a second award on the same need cannot insert.
    uniqueIndex("engagements_need_unique").on(t.needId),
    uniqueIndex("engagements_bid_unique").on(t.bidId),
    index("engagements_sme_awarded_idx").on(t.smeId, t.awardedAt),
    index("engagements_vendor_awarded_idx").on(t.vendorId, t.awardedAt),
    index("engagements_status_awarded_idx").on(t.status, t.awardedAt),
    // Matchmaking (covering): a vendor's engagements by status, with the need (its sector) and the id (milestones).
    index("engagements_vendor_status_idx").on(t.vendorId, t.status, t.needId, t.id),
    // Decree 80 yearly cap: one SME's engagements completed in a year, in completion order.
    index("engagements_sme_status_completed_idx").on(t.smeId, t.status, t.completedAt),
    // Reports: engagements awarded in a period, in keyset order for the download; completed in a period.
    index("engagements_awarded_idx").on(t.awardedAt, t.id),
    index("engagements_status_completed_idx").on(t.status, t.completedAt),
    // The staff list and the dashboard: by status and health, worst first, newest award first.
    index("engagements_status_health_awarded_idx").on(t.status, t.healthRank, t.awardedAt),
    index("engagements_health_awarded_idx").on(t.healthRank, t.awardedAt),
  ],
);

export const engagementMilestones = sqliteTable(
  "engagement_milestones",
  {
    id: text("id").primaryKey(),
    engagementId: text("engagement_id")
      .notNull()
      .references(() => engagements.id),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    dueAt: integer("due_at").notNull(),
    amount: integer("amount").notNull(),
    status: text("status", { enum: MILESTONE_STATUSES }).notNull(),
    /** The first submission: whether the milestone was delivered on time. */
    firstSubmittedAt: integer("first_submitted_at"),
    /** The latest submission: when the SME's 14 days to decide started. */
    submittedAt: integer("submitted_at"),
    acceptedAt: integer("accepted_at"),
    /** How many times the SME sent it back. */
    rejections: integer("rejections").notNull().default(0),
  },
  (t) => [
    index("engagement_milestones_engagement_idx").on(t.engagementId, t.position),
    index("engagement_milestones_status_due_idx").on(t.status, t.dueAt),
    // Matchmaking (covering): the due and on-time milestones of a vendor's engagements.
    index("engagement_milestones_engagement_status_due_idx").on(t.engagementId, t.status, t.dueAt),
    // Market-wide on-time figures (covering): accepted milestones by first submission and due date,
    // and the never-submitted ones by due date (`marketStats`).
    index("engagement_milestones_status_submitted_due_idx").on(t.status, t.firstSubmittedAt, t.dueAt),
    index("engagement_milestones_submitted_due_idx").on(t.firstSubmittedAt, t.dueAt, t.status),
  ],
);

/**
 * Each vendor's track record, maintained (ADR 012): recomputed from its history by
 * vendor-stats.server.ts in the same transaction as every event that changes it (an award, a
 * milestone submitted, accepted or re-dated, an engagement completed or terminated, a review),
 * and by the sweep once `next_due_at` passes (an unsubmitted milestone falling due counts as due
 * but not on time). Matching, compare and the vendor home read it instead of the history.
 */
export const vendorStats = sqliteTable(
  "vendor_stats",
  {
    vendorId: text("vendor_id")
      .primaryKey()
      .references(() => organisations.id),
    activeEngagements: integer("active_engagements").notNull().default(0),
    completedEngagements: integer("completed_engagements").notNull().default(0),
    /** JSON: sector → completed engagements whose need is of that sector. */
    completedBySector: text("completed_by_sector").notNull().default("{}"),
    /** `countsAsDue` and `isOnTime` of app/lib/delivery-rules.ts, as of `refreshed_at`. */
    milestonesDue: integer("milestones_due").notNull().default(0),
    milestonesOnTime: integer("milestones_on_time").notNull().default(0),
    /** The earliest future due date of a never-submitted milestone: when `milestones_due` next changes by itself. */
    nextDueAt: integer("next_due_at"),
    reviewCount: integer("review_count").notNull().default(0),
    qualitySum: integer("quality_sum").notNull().default(0),
    scheduleSum: integer("schedule_sum").notNull().default(0),
    valueSum: integer("value_sum").notNull().default(0),
    communicationSum: integer("communication_sum").notNull().default(0),
    /** The 0–10 "would you recommend them" answers, summed. */
    recommendSum: integer("recommend_sum").notNull().default(0),
    refreshedAt: integer("refreshed_at").notNull(),
  },
  (t) => [index("vendor_stats_next_due_idx").on(t.nextDueAt)],
);

/**
 * Each vendor's completed engagements by its need's sector, one row per sector with any: the
 * `completed_by_sector` of `vendor_stats` as rows, so matching finds the vendors with a record in
 * a need's sector by index (app/models/matching.server.ts). Kept by triggers on `vendor_stats`
 * (migration `vendor_sector_completions_triggers`), in the same statement as every write of that row.
 */
export const vendorSectorCompletions = sqliteTable(
  "vendor_sector_completions",
  {
    vendorId: text("vendor_id")
      .notNull()
      .references(() => organisations.id),
    sector: text("sector", { enum: SECTORS }).notNull(),
    completed: integer("completed").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.sector] }),
    index("vendor_sector_completions_sector_idx").on(t.sector, t.completed, t.vendorId),
  ],
);

/**
 * Active engagements by their need's sector and health rank (ADR 012 §7): the staff dashboard's
 * chart, read without visiting every active engagement. Kept by triggers on `engagements` (an
 * award, a health change, completion or termination), written in migration 0024; the sweep
 * compares it with the count from scratch and repairs any drift.
 */
export const activeEngagementCounts = sqliteTable(
  "active_engagement_counts",
  {
    sector: text("sector", { enum: SECTORS }).notNull(),
    healthRank: integer("health_rank").notNull(),
    engagements: integer("engagements").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sector, t.healthRank] })],
);

/**
 * One row: a counter that moves with every write the market figures read (`marketStats` in
 * app/models/matching.server.ts: vendors' ratings and vetting, milestones' due dates, submissions
 * and statuses). Triggers on those tables move it (migration `market_version_triggers`), so the
 * figures are reused until something they count changes — a bid, a message or a sign-in does not.
 */
export const marketVersion = sqliteTable("market_version", {
  id: integer("id").primaryKey(),
  n: integer("n").notNull().default(0),
});

/**
 * One row: a counter that moves with every write to what a need's ranked vendors are made of
 * (`rankVendorsForNeed` in app/models/matching.server.ts: vendors' status, names, vetting and
 * ratings, their categories, sectors, packages, open engagement flags and maintained track record).
 * Triggers on those tables move it (migration `matching_version_triggers`), so a need's list is
 * reused until one of them changes — a bid, a message or a sign-in does not.
 */
export const matchingVersion = sqliteTable("matching_version", {
  id: integer("id").primaryKey(),
  n: integer("n").notNull().default(0),
});

/**
 * One row: a counter that moves with every write to what a vendor's recommended needs are read
 * from besides its own facts (`recommendedNeedsForVendor`: needs' status, deadline, scored fields,
 * title and owner, and bids, which take a need off its bidder's list). Triggers move it (migration
 * `recommendation_version_triggers`); with `matching_version` it says when a vendor's list must be
 * read again.
 */
export const recommendationVersion = sqliteTable("recommendation_version", {
  id: integer("id").primaryKey(),
  n: integer("n").notNull().default(0),
});

// ---------------------------------------------------------------------------------------------
// Matchmaking (docs/product.md §8)

/** An SME invited a vendor to bid on its need: once per need and vendor. */
export const needInvitations = sqliteTable(
  "need_invitations",
  {
    needId: text("need_id")
      .notNull()
      .references(() => needs.id),
    vendorId: text("vendor_id")
      .notNull()
      .references(() => organisations.id),
    invitedBy: text("invited_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.needId, t.vendorId] }),
    index("need_invitations_vendor_created_idx").on(t.vendorId, t.createdAt),
  ],
);

// ---------------------------------------------------------------------------------------------
// Delivery: submissions, attachments, amendments, the timeline, incidents, reviews (docs/product.md §9)

export const milestoneSubmissions = sqliteTable(
  "milestone_submissions",
  {
    id: text("id").primaryKey(),
    milestoneId: text("milestone_id")
      .notNull()
      .references(() => engagementMilestones.id),
    engagementId: text("engagement_id")
      .notNull()
      .references(() => engagements.id),
    note: text("note").notNull(),
    link: text("link"),
    submittedBy: text("submitted_by")
      .notNull()
      .references(() => users.id),
    submittedAt: integer("submitted_at").notNull(),
    decision: text("decision", { enum: SUBMISSION_DECISIONS }),
    decisionReason: text("decision_reason"),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: integer("decided_at"),
  },
  (t) => [index("milestone_submissions_milestone_idx").on(t.milestoneId, t.submittedAt)],
);

/** Files attached to submissions; stored under UPLOADS_DIR, never in public/. */
export const attachments = sqliteTable(
  "attachments",
  {
    id: text("id").primaryKey(),
    engagementId: text("engagement_id")
      .notNull()
      .references(() => engagements.id),
    submissionId: text("submission_id").references(() => milestoneSubmissions.id),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    storageKey: text("storage_key").notNull(),
    uploadedBy: text("uploaded_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("attachments_submission_idx").on(t.submissionId),
    index("attachments_engagement_idx").on(t.engagementId),
  ],
);

export const amendments = sqliteTable(
  "amendments",
  {
    id: text("id").primaryKey(),
    engagementId: text("engagement_id")
      .notNull()
      .references(() => engagements.id),
    milestoneId: text("milestone_id").references(() => engagementMilestones.id),
    kind: text("kind", { enum: AMENDMENT_KINDS }).notNull(),
    newTitle: text("new_title"),
    newAmount: integer("new_amount"),
    newDueAt: integer("new_due_at"),
    /** The change in the engagement's value if accepted (integer VND, may be negative). */
    valueDelta: integer("value_delta").notNull().default(0),
    reason: text("reason").notNull(),
    status: text("status", { enum: AMENDMENT_STATUSES }).notNull(),
    proposedBy: text("proposed_by")
      .notNull()
      .references(() => users.id),
    proposedBySide: text("proposed_by_side", { enum: SIDES }).notNull(),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: integer("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [index("amendments_engagement_idx").on(t.engagementId, t.createdAt)],
);

export const TIMELINE_KINDS = [
  "awarded",
  "message",
  "milestone_submitted",
  "milestone_accepted",
  "milestone_changes_requested",
  "amendment_proposed",
  "amendment_accepted",
  "amendment_declined",
  "incident_raised",
  "incident_assigned",
  "incident_resolved",
  "completed",
  "reviewed",
  "review_replied",
  "terminated",
  /** The party an incident was raised against answers it (params: incident, category). */
  "incident_replied",
] as const;

/** One timeline per engagement: messages and every event, with who and when. */
export const engagementEvents = sqliteTable(
  "engagement_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    engagementId: text("engagement_id")
      .notNull()
      .references(() => engagements.id),
    kind: text("kind", { enum: TIMELINE_KINDS }).notNull(),
    actorId: text("actor_id").references(() => users.id),
    /** A message's text, a reason, or a short description. */
    body: text("body"),
    /** JSON: the numbers and names the event's text needs. */
    params: text("params"),
    at: integer("at").notNull(),
  },
  (t) => [index("engagement_events_engagement_at_idx").on(t.engagementId, t.at)],
);

export { INCIDENT_CATEGORIES, INCIDENT_STATUSES } from "../app/lib/incident-rules";

export const incidents = sqliteTable(
  "incidents",
  {
    id: text("id").primaryKey(),
    engagementId: text("engagement_id")
      .notNull()
      .references(() => engagements.id),
    raisedBy: text("raised_by")
      .notNull()
      .references(() => users.id),
    raisedBySide: text("raised_by_side", { enum: ["sme", "vendor"] }).notNull(),
    category: text("category", { enum: INCIDENT_CATEGORIES }).notNull(),
    description: text("description").notNull(),
    status: text("status", { enum: INCIDENT_STATUSES }).notNull(),
    assignedTo: text("assigned_to").references(() => users.id),
    resolution: text("resolution"),
    resolvedAt: integer("resolved_at"),
    handlingRating: integer("handling_rating"),
    createdAt: createdAt(),
  },
  (t) => [
    index("incidents_engagement_idx").on(t.engagementId, t.createdAt),
    index("incidents_status_created_idx").on(t.status, t.createdAt),
  ],
);

/** The SME's verified review of the vendor: one per engagement, answered once by the vendor. */
export const reviews = sqliteTable(
  "reviews",
  {
    id: text("id").primaryKey(),
    engagementId: text("engagement_id")
      .notNull()
      .references(() => engagements.id),
    vendorId: text("vendor_id")
      .notNull()
      .references(() => organisations.id),
    smeId: text("sme_id")
      .notNull()
      .references(() => organisations.id),
    quality: integer("quality").notNull(),
    schedule: integer("schedule").notNull(),
    value: integer("value").notNull(),
    communication: integer("communication").notNull(),
    recommend: integer("recommend").notNull(),
    comment: text("comment").notNull(),
    reply: text("reply"),
    repliedAt: integer("replied_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("reviews_engagement_unique").on(t.engagementId),
    index("reviews_vendor_created_idx").on(t.vendorId, t.createdAt),
    // Reports: reviews written in a period.
    index("reviews_created_idx").on(t.createdAt),
  ],
);

/** The vendor's private rating of the SME, read by staff only. */
export const smeRatings = sqliteTable(
  "sme_ratings",
  {
    engagementId: text("engagement_id")
      .primaryKey()
      .references(() => engagements.id),
    smeId: text("sme_id")
      .notNull()
      .references(() => organisations.id),
    vendorId: text("vendor_id")
      .notNull()
      .references(() => organisations.id),
    rating: integer("rating").notNull(),
    comment: text("comment"),
    createdAt: createdAt(),
  },
  (t) => [index("sme_ratings_sme_idx").on(t.smeId)],
);

// ---------------------------------------------------------------------------------------------
// Monitoring: risk flags (docs/product.md §10)

/**
 * A risk flag: a rule of app/lib/risk-rules.ts that fired on a subject, with its evidence. Never
 * two open (or acknowledged) flags for the same rule and subject: a partial unique index says so.
 */
export const flags = sqliteTable(
  "flags",
  {
    id: text("id").primaryKey(),
    code: text("code", { enum: RULE_CODES }).notNull(),
    subjectType: text("subject_type", { enum: SUBJECT_TYPES }).notNull(),
    subjectId: text("subject_id").notNull(),
    /** For filters and links: the need, engagement and vendor the subject belongs to. */
    needId: text("need_id"),
    engagementId: text("engagement_id"),
    vendorId: text("vendor_id"),
    sector: text("sector", { enum: SECTORS }),
    severity: text("severity", { enum: SEVERITIES }).notNull(),
    status: text("status", { enum: FLAG_STATUSES }).notNull(),
    /** JSON: the numbers that fired the rule. */
    evidence: text("evidence").notNull(),
    assignedTo: text("assigned_to").references(() => users.id),
    note: text("note"),
    raisedAt: integer("raised_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    resolvedAt: integer("resolved_at"),
  },
  (t) => [
    uniqueIndex("flags_one_open_per_rule_subject")
      .on(t.code, t.subjectType, t.subjectId)
      .where(sql`status IN ('open', 'acknowledged')`),
    index("flags_subject_idx").on(t.subjectType, t.subjectId, t.code),
    index("flags_status_severity_raised_idx").on(t.status, t.severity, t.raisedAt),
    index("flags_engagement_status_idx").on(t.engagementId, t.status),
    index("flags_vendor_status_idx").on(t.vendorId, t.status),
    index("flags_assigned_status_idx").on(t.assignedTo, t.status),
    // The dashboard: open flags by rule and severity (covering), new flags per week.
    index("flags_status_code_severity_idx").on(t.status, t.code, t.severity),
    index("flags_raised_severity_idx").on(t.raisedAt, t.severity),
    // The staff's queue of open flags in its order (high first, then the oldest, then the id):
    // a page is the first rows of this index, not a sort of every open flag.
    index("flags_queue_idx")
      .on(sql`(CASE "severity" WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END)`, t.raisedAt, t.id)
      .where(sql`status IN ('open', 'acknowledged')`),
  ],
);

/**
 * One row: a counter that moves with every write to what the dashboard's flag figures count
 * (`flagFigures` in app/models/dashboard.server.ts: a flag raised or deleted, or its status,
 * severity, rule or time raised changed). Triggers on flags move it (migration
 * `flags_version_triggers`), so the figures are reused until a flag they count changes.
 */
export const flagsVersion = sqliteTable("flags_version", {
  id: integer("id").primaryKey(),
  n: integer("n").notNull().default(0),
});

export const FLAG_EVENTS = ["raised", "escalated", "acknowledged", "resolved", "dismissed"] as const;

/** A flag's history: raised, escalated, acknowledged (assigned), resolved or dismissed, with who and when. */
export const flagEvents = sqliteTable(
  "flag_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    flagId: text("flag_id")
      .notNull()
      .references(() => flags.id),
    kind: text("kind", { enum: FLAG_EVENTS }).notNull(),
    actorId: text("actor_id").references(() => users.id),
    severity: text("severity", { enum: SEVERITIES }),
    note: text("note"),
    at: integer("at").notNull(),
  },
  (t) => [index("flag_events_flag_idx").on(t.flagId, t.at)],
);

// ---------------------------------------------------------------------------------------------
// Events and knowledge resources (docs/product.md "Events and knowledge", ADR 012)

export const events = sqliteTable(
  "events",
  {
    id: text("id").primaryKey(),
    type: text("type", { enum: EVENT_TYPES }).notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    audience: text("audience", { enum: EVENT_AUDIENCES }).notNull(),
    organiser: text("organiser", { enum: STAFF_ORGANISATIONS }).notNull(),
    /** The solution category it is about, if one: links to the vendors of that category. */
    category: text("category", { enum: CATEGORIES }),
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at").notNull(),
    registrationDeadline: integer("registration_deadline").notNull(),
    /** A place (street, ward, city) or an online link, or both. */
    street: text("street"),
    ward: text("ward"),
    city: text("city"),
    onlineUrl: text("online_url"),
    capacity: integer("capacity").notNull(),
    status: text("status", { enum: EVENT_STATUSES }).notNull(),
    publishedAt: integer("published_at"),
    cancelledAt: integer("cancelled_at"),
    cancelReason: text("cancel_reason"),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    // /events and /events/past (by start), the home page, the reminder job.
    index("events_status_starts_idx").on(t.status, t.startsAt),
    index("events_status_type_starts_idx").on(t.status, t.type, t.startsAt),
    // The assessment's recommendations: upcoming events of some categories.
    index("events_status_category_starts_idx").on(t.status, t.category, t.startsAt),
    // Staff's list: every event, newest start first.
    index("events_starts_idx").on(t.startsAt),
  ],
);

/** One row per person per event: a seat, a place on the waitlist, or a cancelled registration. */
export const eventRegistrations = sqliteTable(
  "event_registrations",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    status: text("status", { enum: REGISTRATION_STATUSES }).notNull(),
    /** When the person (last) joined: the waitlist's order. */
    queuedAt: integer("queued_at").notNull(),
    /** When the person got their seat (on registering or when promoted). */
    registeredAt: integer("registered_at"),
    cancelledAt: integer("cancelled_at"),
    attendedAt: integer("attended_at"),
    attendanceMarkedBy: text("attendance_marked_by").references(() => users.id),
    /** Set when the reminder mail was queued: it goes once. */
    reminderSentAt: integer("reminder_sent_at"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("event_registrations_event_user_unique").on(t.eventId, t.userId),
    // Seats taken, the waitlist in order, the staff's lists.
    index("event_registrations_event_status_queued_idx").on(t.eventId, t.status, t.queuedAt),
    // A person's own registrations.
    index("event_registrations_user_idx").on(t.userId, t.createdAt),
  ],
);

export const resources = sqliteTable(
  "resources",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull(),
    kind: text("kind", { enum: RESOURCE_KINDS }).notNull(),
    /** A solution category, an assessment pillar, or both (at least one). */
    category: text("category", { enum: CATEGORIES }),
    // A pillar key of the current questionnaire (its pillars are data: db/questionnaires/).
    pillar: text("pillar"),
    titleVi: text("title_vi").notNull(),
    titleEn: text("title_en").notNull(),
    summaryVi: text("summary_vi").notNull(),
    summaryEn: text("summary_en").notNull(),
    /** Markdown, rendered on the server (app/lib/markdown.server.ts). */
    bodyVi: text("body_vi").notNull(),
    bodyEn: text("body_en").notNull(),
    status: text("status", { enum: RESOURCE_STATUSES }).notNull(),
    publishedAt: integer("published_at"),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("resources_slug_unique").on(t.slug),
    index("resources_status_published_idx").on(t.status, t.publishedAt),
    index("resources_status_category_published_idx").on(t.status, t.category, t.publishedAt),
    index("resources_status_pillar_published_idx").on(t.status, t.pillar, t.publishedAt),
    index("resources_updated_idx").on(t.updatedAt),
  ],
);

export type EventRow = typeof events.$inferSelect;
export type EventRegistration = typeof eventRegistrations.$inferSelect;
export type Resource = typeof resources.$inferSelect;
