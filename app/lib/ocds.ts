/**
 * The programme's record as Open Contracting Data (OCDS 1.1, docs/product.md §11), as pure mapping: one
 * release per published need (need → tender, bids → the bids extension, award → awards,
 * engagement → contracts with implementation milestones). docs/decisions/010-ocds-export.md says
 * what is published and why; in short, organisations appear by legal name and tax code, people
 * never (no names, emails, phones, contact points), and nothing a person wrote to another person
 * (messages, questions, reviews, incidents, reasons) is exported.
 *
 * One module though over 400 lines: the input rows, the OCDS types written and the one mapping
 * between them (`buildRelease`) are read together to check what leaves the programme.
 */
import vi from "~/locales/vi.json";
import type { BidStatus } from "./bid-rules";
import { effectiveNeedStatus, type NeedStatus } from "./need-status";
import type { Category } from "./reference";

export const OCDS_VERSION = "1.1";
export const BIDS_EXTENSION_URL =
  "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json";
export const CURRENCY = "VND";
/** Tax codes (mã số thuế) as organisation identifiers. */
export const TAX_CODE_SCHEME = "VN-TIN";
/** Our own solution categories (app/lib/reference.ts) as the items' classification. */
export const CATEGORY_SCHEME = "KNS-CATEGORY";
/** The language of the free text (titles and descriptions the SMEs and vendors wrote). */
export const RELEASE_LANGUAGE = "vi";

// ---------------------------------------------------------------------------------------------
// What the export reads (each field chosen; nothing else reaches the mapping)

export type OcdsOrganisationRow = { id: string; legalName: string; taxCode: string | null };

export type OcdsNeedRow = {
  id: string;
  organisationId: string;
  title: string;
  description: string;
  category: Category;
  status: NeedStatus;
  budgetMin: number;
  budgetMax: number;
  deadline: number;
  publishedAt: number | null;
  closedAt: number | null;
  cancelledAt: number | null;
  updatedAt: number;
};

export type OcdsBidRow = {
  id: string;
  vendorId: string;
  status: BidStatus;
  total: number;
  createdAt: number;
  updatedAt: number;
  withdrawnAt: number | null;
};

export type OcdsMilestoneRow = {
  id: string;
  position: number;
  title: string;
  dueAt: number;
  amount: number;
  status: "pending" | "submitted" | "accepted" | "changes_requested";
  acceptedAt: number | null;
};

export type OcdsAmendmentRow = {
  id: string;
  kind: "amount" | "due_date" | "new_milestone";
  status: "proposed" | "accepted" | "declined";
  valueDelta: number;
  createdAt: number;
  decidedAt: number | null;
};

export type OcdsEngagementRow = {
  id: string;
  bidId: string;
  vendorId: string;
  status: "active" | "completed" | "terminated";
  /** The value now: the awarded total plus accepted amendments. */
  total: number;
  awardedAt: number;
  completedAt: number | null;
  terminatedAt: number | null;
  milestones: OcdsMilestoneRow[];
  amendments: OcdsAmendmentRow[];
};

/** One contracting process: a need with everything that hangs off it. */
export type OcdsProcess = {
  need: OcdsNeedRow;
  bids: OcdsBidRow[];
  engagement: OcdsEngagementRow | null;
  /** The buyer and every bidding vendor, by organisation id. */
  organisations: ReadonlyMap<string, OcdsOrganisationRow>;
};

// ---------------------------------------------------------------------------------------------
// What it writes (the subset of OCDS 1.1 + the bids extension this export uses)

export type Value = { amount: number; currency: typeof CURRENCY };
export type OrganizationReference = { id: string; name: string };
export type Party = OrganizationReference & {
  identifier?: { scheme: typeof TAX_CODE_SCHEME; id: string; legalName: string };
  roles: ("buyer" | "tenderer" | "supplier")[];
};
export type TenderStatus = "active" | "complete" | "cancelled" | "unsuccessful";
export type OcdsMilestoneStatus = "scheduled" | "met" | "notMet";
export type ReleaseTag =
  | "tender"
  | "tenderCancellation"
  | "award"
  | "contract"
  | "implementation"
  | "contractAmendment"
  | "contractTermination";

export type Release = {
  ocid: string;
  id: string;
  date: string;
  tag: ReleaseTag[];
  initiationType: "tender";
  language: string;
  parties: Party[];
  buyer: OrganizationReference;
  tender: {
    id: string;
    title: string;
    description: string;
    status: TenderStatus;
    value: Value;
    minValue: Value;
    procurementMethod: "open";
    mainProcurementCategory: "services";
    tenderPeriod: { startDate: string; endDate: string };
    items: { id: string; description: string; classification: { scheme: string; id: string; description: string } }[];
    numberOfTenderers?: number;
    tenderers?: OrganizationReference[];
  };
  bids?: {
    statistics: { id: string; measure: string; value: number; currency?: typeof CURRENCY }[];
    details: {
      id: string;
      date: string;
      status: "valid" | "withdrawn";
      tenderers: OrganizationReference[];
      value: Value;
    }[];
  };
  awards?: {
    id: string;
    status: "active";
    date: string;
    value: Value;
    suppliers: OrganizationReference[];
    relatedBid: string;
  }[];
  contracts?: {
    id: string;
    awardID: string;
    status: "active" | "terminated";
    value: Value;
    period: { startDate: string; endDate: string };
    dateSigned: string;
    implementation: {
      milestones: {
        id: string;
        title: string;
        type: "delivery";
        dueDate: string;
        dateMet?: string;
        status: OcdsMilestoneStatus;
        /** Not in the 1.1.5 core Milestone, which allows additional fields: the milestone's share of the price. */
        value: Value;
      }[];
    };
    amendments?: { id: string; date: string; rationale: string; description: string }[];
  }[];
};

export type PackageMeta = {
  /** The package's own address, e.g. https://ketnoiso.vn/staff/reports/ocds */
  uri: string;
  publishedDate: number;
  publisher: { name: string; uri?: string };
};

// ---------------------------------------------------------------------------------------------
// The rules

const iso = (ms: number) => new Date(ms).toISOString();
const vnd = (amount: number): Value => ({ amount, currency: CURRENCY });

export function ocidFor(prefix: string, needId: string): string {
  return `${prefix}-${needId}`;
}

/** The tender's status from the need's status now; drafts are never published (null). */
export function tenderStatus(status: NeedStatus): TenderStatus | null {
  switch (status) {
    case "draft":
      return null;
    case "open":
    case "evaluating":
      return "active";
    case "awarded":
      return "complete";
    case "cancelled":
      return "cancelled";
    case "expired":
      return "unsuccessful";
  }
}

/**
 * Met once accepted; not met once its due date passed without acceptance, or when the engagement
 * was terminated before it was; scheduled before.
 */
export function milestoneStatus(
  m: Pick<OcdsMilestoneRow, "status" | "dueAt">,
  now: number,
  terminated = false,
): OcdsMilestoneStatus {
  if (m.status === "accepted") return "met";
  return terminated || m.dueAt < now ? "notMet" : "scheduled";
}

/** Bids the extension calls valid (every live status) or withdrawn. */
export function bidStatus(status: BidStatus): "valid" | "withdrawn" {
  return status === "withdrawn" ? "withdrawn" : "valid";
}

/** The amendment's rationale: a category word for its kind, never the reason a person typed. */
export const AMENDMENT_RATIONALES: Record<OcdsAmendmentRow["kind"], string> = {
  amount: "Thay đổi giá trị mốc",
  due_date: "Thay đổi thời hạn mốc",
  new_milestone: "Bổ sung mốc",
};

const EMAIL = /[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[a-z]{2,}/giu;
/** A Vietnamese phone number: +84 or 0, then 8–10 more digits, maybe grouped by spaces, dots or dashes. */
const PHONE = /(?<![\p{L}\p{N}])(?:\+84|0)(?:[ .-]?\d){8,10}(?![\p{L}\p{N}])/gu;
export const REDACTED = "[…]";

/**
 * Titles and descriptions are the SMEs' and vendors' own words: an email address or phone number
 * typed into one is taken out before it is published.
 */
export function redactContacts(text: string): string {
  return text.replace(EMAIL, REDACTED).replace(PHONE, REDACTED);
}

/** The party id: `VN-TIN-<tax code>` where there is one (so a party is the same across releases), else ours. */
export function partyId(org: OcdsOrganisationRow): string {
  return org.taxCode ? `${TAX_CODE_SCHEME}-${org.taxCode}` : `KNS-${org.id}`;
}

function orgOf(process: OcdsProcess, id: string): OcdsOrganisationRow {
  return process.organisations.get(id) ?? { id, legalName: "", taxCode: null };
}

function reference(org: OcdsOrganisationRow): OrganizationReference {
  return { id: partyId(org), name: org.legalName };
}

/**
 * The release's date: the latest change to what it shows, including what became true with time
 * (bidding closed at the deadline, a milestone overdue). Its id follows from it, so downloading
 * twice without a change gives the same release ids.
 */
function releaseDate(p: OcdsProcess, biddingClosed: boolean, now: number): number {
  const { need, engagement } = p;
  const times: (number | null)[] = [need.publishedAt, need.updatedAt, need.closedAt, need.cancelledAt];
  if (biddingClosed) {
    if (need.status === "open") times.push(need.deadline);
    for (const b of p.bids) times.push(b.createdAt, b.updatedAt, b.withdrawnAt);
  }
  if (engagement) {
    times.push(engagement.awardedAt, engagement.completedAt, engagement.terminatedAt);
    for (const m of engagement.milestones) times.push(m.status === "accepted" ? m.acceptedAt : m.dueAt);
    for (const a of engagement.amendments) if (a.status === "accepted") times.push(a.decidedAt);
  }
  return Math.max(need.publishedAt ?? 0, ...times.filter((t): t is number => t !== null && t <= now));
}

/** The release of one contracting process as it stands at `now`; null for a need never published. */
export function buildRelease(p: OcdsProcess, opts: { ocidPrefix: string; now: number }): Release | null {
  const { need, engagement } = p;
  const { now } = opts;
  if (need.publishedAt === null) return null;
  const liveBids = p.bids.filter((b) => b.status !== "withdrawn");
  const statusNow = effectiveNeedStatus({
    status: need.status,
    deadline: need.deadline,
    bidCount: liveBids.length,
    now,
  });
  const status = tenderStatus(statusNow);
  if (status === null) return null;
  // Bids are sealed while bidding is open: not even who bid is published until it closes.
  const biddingClosed = statusNow !== "open";

  const buyerOrg = orgOf(p, need.organisationId);
  const parties: Party[] = [{ ...reference(buyerOrg), ...identifier(buyerOrg), roles: ["buyer"] }];
  const bids = [...p.bids].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  if (biddingClosed) {
    const seen = new Set<string>();
    for (const b of bids) {
      if (seen.has(b.vendorId)) continue;
      seen.add(b.vendorId);
      const org = orgOf(p, b.vendorId);
      const roles: Party["roles"] = ["tenderer"];
      if (engagement?.vendorId === b.vendorId) roles.push("supplier");
      parties.push({ ...reference(org), ...identifier(org), roles });
    }
  }

  const ocid = ocidFor(opts.ocidPrefix, need.id);
  const date = releaseDate(p, biddingClosed, now);
  const periodEnd = Math.min(need.deadline, need.closedAt ?? Infinity, need.cancelledAt ?? Infinity);
  const categoryLabel = vi.categories[need.category];
  const release: Release = {
    ocid,
    id: `${ocid}-${date}`,
    date: iso(date),
    tag: tags(statusNow, engagement),
    initiationType: "tender",
    language: RELEASE_LANGUAGE,
    parties,
    buyer: reference(buyerOrg),
    tender: {
      id: need.id,
      title: redactContacts(need.title),
      description: redactContacts(need.description),
      status,
      value: vnd(need.budgetMax),
      minValue: vnd(need.budgetMin),
      procurementMethod: "open",
      mainProcurementCategory: "services",
      tenderPeriod: { startDate: iso(need.publishedAt), endDate: iso(Math.max(periodEnd, need.publishedAt)) },
      items: [
        {
          id: "1",
          description: categoryLabel,
          classification: { scheme: CATEGORY_SCHEME, id: need.category, description: categoryLabel },
        },
      ],
    },
  };

  if (biddingClosed) {
    const liveVendors = [...new Set(liveBids.map((b) => b.vendorId))];
    release.tender.numberOfTenderers = liveVendors.length;
    release.tender.tenderers = liveVendors.map((id) => reference(orgOf(p, id)));
    release.bids = {
      statistics: bidStatistics(bids),
      details: bids.map((b) => ({
        id: b.id,
        date: iso(b.createdAt),
        status: bidStatus(b.status),
        tenderers: [reference(orgOf(p, b.vendorId))],
        value: vnd(b.total),
      })),
    };
  }

  if (engagement && biddingClosed) {
    const supplier = reference(orgOf(p, engagement.vendorId));
    const awardedBid = p.bids.find((b) => b.id === engagement.bidId);
    const accepted = engagement.amendments
      .filter((a) => a.status === "accepted")
      .sort((a, b) => (a.decidedAt ?? a.createdAt) - (b.decidedAt ?? b.createdAt));
    const awardedTotal = awardedBid?.total ?? engagement.total - accepted.reduce((s, a) => s + a.valueDelta, 0);
    release.awards = [
      {
        id: engagement.id,
        status: "active",
        date: iso(engagement.awardedAt),
        value: vnd(awardedTotal),
        suppliers: [supplier],
        relatedBid: engagement.bidId,
      },
    ];
    const milestones = [...engagement.milestones].sort((a, b) => a.position - b.position);
    const lastDue = Math.max(engagement.awardedAt, ...milestones.map((m) => m.dueAt));
    const closedAt = engagement.terminatedAt ?? engagement.completedAt;
    release.contracts = [
      {
        id: engagement.id,
        awardID: engagement.id,
        // OCDS "terminated": in force and now come to a close, by completion or early termination.
        status: engagement.status === "active" ? "active" : "terminated",
        value: vnd(engagement.total),
        period: { startDate: iso(engagement.awardedAt), endDate: iso(closedAt ?? lastDue) },
        dateSigned: iso(engagement.awardedAt),
        implementation: {
          milestones: milestones.map((m) => {
            const s = milestoneStatus(m, now, engagement.status === "terminated");
            return {
              id: m.id,
              title: redactContacts(m.title),
              type: "delivery" as const,
              dueDate: iso(m.dueAt),
              ...(s === "met" && m.acceptedAt !== null ? { dateMet: iso(m.acceptedAt) } : {}),
              status: s,
              value: vnd(m.amount),
            };
          }),
        },
      },
    ];
    if (accepted.length > 0) {
      release.contracts[0]!.amendments = accepted.map((a) => ({
        id: a.id,
        date: iso(a.decidedAt ?? a.createdAt),
        rationale: AMENDMENT_RATIONALES[a.kind],
        description: amendmentDescription(a),
      }));
    }
  }
  return release;
}

function identifier(org: OcdsOrganisationRow): Pick<Party, "identifier"> {
  return org.taxCode ? { identifier: { scheme: TAX_CODE_SCHEME, id: org.taxCode, legalName: org.legalName } } : {};
}

function tags(statusNow: NeedStatus, engagement: OcdsEngagementRow | null): ReleaseTag[] {
  if (statusNow === "cancelled") return ["tenderCancellation"];
  if (!engagement || statusNow === "open") return ["tender"];
  const tags: ReleaseTag[] = ["tender", "award", "contract", "implementation"];
  if (engagement.amendments.some((a) => a.status === "accepted")) tags.push("contractAmendment");
  if (engagement.status === "terminated") tags.push("contractTermination");
  return tags;
}

function bidStatistics(bids: readonly OcdsBidRow[]): NonNullable<Release["bids"]>["statistics"] {
  const valid = bids.filter((b) => b.status !== "withdrawn").map((b) => b.total);
  const stats: NonNullable<Release["bids"]>["statistics"] = [
    { id: "bids", measure: "bids", value: bids.length },
    { id: "validBids", measure: "validBids", value: valid.length },
  ];
  if (valid.length > 0) {
    stats.push(
      { id: "lowestValidBidValue", measure: "lowestValidBidValue", value: Math.min(...valid), currency: CURRENCY },
      { id: "highestValidBidValue", measure: "highestValidBidValue", value: Math.max(...valid), currency: CURRENCY },
    );
  }
  return stats;
}

/** A description made from the amendment's numbers alone. */
export function amendmentDescription(a: Pick<OcdsAmendmentRow, "kind" | "valueDelta">): string {
  const rationale = AMENDMENT_RATIONALES[a.kind];
  if (a.valueDelta === 0) return `${rationale}; giá trị hợp đồng không đổi.`;
  const sign = a.valueDelta > 0 ? "+" : "−";
  return `${rationale}; giá trị hợp đồng ${sign}${Math.abs(a.valueDelta)} ${CURRENCY}.`;
}

/**
 * The release package around the releases, as the text before and after them, so that the
 * releases can be written in between as they are read.
 */
export function packageEnvelope(meta: PackageMeta): { head: string; tail: string } {
  const head = JSON.stringify({
    uri: meta.uri,
    version: OCDS_VERSION,
    extensions: [BIDS_EXTENSION_URL],
    publishedDate: iso(meta.publishedDate),
    publisher: meta.publisher,
    releases: [],
  });
  // `…"releases":[]}` → `…"releases":[` + releases + `]}`
  return { head: head.slice(0, -2), tail: "]}" };
}
