/**
 * Demo events and knowledge resources (issue 17): past events with attendance, upcoming ones, one
 * full with a waiting list, one online; and the guides in content/guides (one file per language,
 * `<slug>.vi.md` with the front matter that describes the guide, `<slug>.en.md` with its English
 * title and summary). Called by seed() inside its transaction.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { sql } from "drizzle-orm";
import type { DB } from "./client.server";
import * as schema from "./schema";
import { DAY_MS } from "../app/lib/local-date";
import { searchText } from "../app/lib/search-text";
import type { EventAudience, EventType } from "../app/lib/event-rules";
import type { Category, StaffOrganisation } from "../app/lib/reference";
import type { Pillar } from "../app/lib/dbi";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];
const HOUR = 3_600_000;

/** `---\nkey: value\n---\nbody` → the front matter's fields and the body. */
export function parseFrontMatter(source: string): { data: Record<string, string>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(source.replace(/\r\n/g, "\n"));
  if (!m) return { data: {}, body: source };
  const data: Record<string, string> = {};
  for (const line of m[1]!.split("\n")) {
    const i = line.indexOf(":");
    if (i > 0) data[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return { data, body: m[2]!.trim() + "\n" };
}

export type GuideFile = {
  slug: string;
  kind: "guide" | "article";
  category: Category | null;
  pillar: Pillar | null;
  titleVi: string;
  titleEn: string;
  summaryVi: string;
  summaryEn: string;
  bodyVi: string;
  bodyEn: string;
};

/** Every guide in `dir`, in both languages. */
export function loadGuides(dir = path.resolve("content/guides")): GuideFile[] {
  const slugs = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".vi.md"))
    .map((f) => f.slice(0, -".vi.md".length))
    .sort();
  return slugs.map((slug) => {
    const vi = parseFrontMatter(fs.readFileSync(path.join(dir, `${slug}.vi.md`), "utf8"));
    const en = parseFrontMatter(fs.readFileSync(path.join(dir, `${slug}.en.md`), "utf8"));
    return {
      slug,
      kind: vi.data.kind === "article" ? "article" : "guide",
      category: (vi.data.category || null) as Category | null,
      pillar: (vi.data.pillar || null) as Pillar | null,
      titleVi: vi.data.title ?? slug,
      titleEn: en.data.title ?? slug,
      summaryVi: vi.data.summary ?? "",
      summaryEn: en.data.summary ?? "",
      bodyVi: vi.body,
      bodyEn: en.body,
    };
  });
}

type DemoEvent = {
  type: EventType;
  title: string;
  description: string;
  audience: EventAudience;
  organiser: StaffOrganisation;
  category: Category | null;
  /** Days from now (negative: in the past) and the local start hour. */
  inDays: number;
  hours: number;
  capacity: number;
  online?: string;
  place?: [string, string, string];
  /** How many of the demo people register, and how many of them came (past events). */
  registrations: number;
  attended?: number;
};

const EVENTS: DemoEvent[] = [
  {
    type: "workshop",
    title: "Hóa đơn điện tử theo Nghị định 123 và 70/2025: thực hành cho kế toán doanh nghiệp nhỏ",
    description:
      "Buổi thực hành 3 giờ: đăng ký hóa đơn điện tử, lập và xử lý hóa đơn sai sót, hóa đơn từ máy tính tiền. Mang theo máy tính xách tay; chuyên gia của Cục Thuế TP.HCM giải đáp vướng mắc.",
    audience: "sme",
    organiser: "HUBA",
    category: "e_invoice",
    inDays: -40,
    hours: 3,
    capacity: 40,
    place: ["Số 86 Lê Thánh Tôn", "Phường Sài Gòn", "TP. Hồ Chí Minh"],
    registrations: 12,
    attended: 10,
  },
  {
    type: "conference",
    title: "Diễn đàn Chuyển đổi số doanh nghiệp TP.HCM 2026",
    description:
      "Hội nghị thường niên của Sở KH&CN, HUBA và HCA: kết quả chương trình chuyển đổi số, chia sẻ của doanh nghiệp đã triển khai, gian hàng của các nhà cung cấp đã được thẩm định.",
    audience: "everyone",
    organiser: "DEPARTMENT",
    category: "dx_consulting",
    inDays: -15,
    hours: 6,
    capacity: 300,
    place: ["Số 3 Nguyễn Du", "Phường Sài Gòn", "TP. Hồ Chí Minh"],
    registrations: 16,
    attended: 11,
  },
  {
    type: "webinar",
    title: "An toàn thông tin cơ bản cho doanh nghiệp nhỏ: chống lừa đảo chuyển tiền và mã độc tống tiền",
    description:
      "Hội thảo trực tuyến 90 phút: các vụ lừa đảo phổ biến nhắm vào doanh nghiệp, 10 biện pháp làm được ngay, diễn tập nhận diện email giả mạo. Đường dẫn tham dự gửi cho người đã đăng ký.",
    audience: "everyone",
    organiser: "HCA",
    category: "cybersecurity",
    inDays: 6,
    hours: 1.5,
    capacity: 500,
    online: "https://meet.ketnoiso.example.vn/an-toan-thong-tin",
    registrations: 8,
  },
  {
    type: "workshop",
    title: "Tự đánh giá DBI và lập kế hoạch chuyển đổi số 12 tháng",
    description:
      "Làm bài tự đánh giá theo bộ chỉ số DBI tại chỗ với sự hỗ trợ của chuyên gia, đọc kết quả và lập kế hoạch nâng một trụ cột trong 12 tháng. Số chỗ có hạn để chuyên gia hỗ trợ từng doanh nghiệp.",
    audience: "sme",
    organiser: "HUBA",
    category: "dx_consulting",
    inDays: 10,
    hours: 4,
    capacity: 3,
    place: ["Số 1 Lê Duẩn", "Phường Sài Gòn", "TP. Hồ Chí Minh"],
    registrations: 5,
  },
  {
    type: "course",
    title: "Khóa học: Chọn và triển khai phần mềm kế toán, hợp đồng điện tử",
    description:
      "Khóa học hai buổi sáng cho chủ doanh nghiệp và kế toán trưởng: tiêu chí chọn phần mềm kế toán, kết nối hóa đơn điện tử và ngân hàng, triển khai hợp đồng điện tử với chữ ký số. Có bài tập với dữ liệu mẫu.",
    audience: "sme",
    organiser: "HCA",
    category: "accounting",
    inDays: 20,
    hours: 4,
    capacity: 30,
    place: ["Số 79 Trương Định", "Phường Xuân Hòa", "TP. Hồ Chí Minh"],
    registrations: 4,
  },
  {
    type: "webinar",
    title: "Hồ sơ hỗ trợ theo Nghị định 80/2021: hỏi đáp cùng Sở KH&CN",
    description:
      "Giải đáp trực tuyến về điều kiện, mức hỗ trợ và hồ sơ đề nghị hỗ trợ chuyển đổi số cho doanh nghiệp nhỏ và vừa, kèm ví dụ hồ sơ đầy đủ.",
    audience: "everyone",
    organiser: "DEPARTMENT",
    category: "dx_consulting",
    inDays: 27,
    hours: 2,
    capacity: 200,
    online: "https://meet.ketnoiso.example.vn/nghi-dinh-80",
    registrations: 3,
  },
  {
    type: "workshop",
    title: "Bán hàng đa kênh cho cửa hàng nhỏ: sàn, mạng xã hội và website",
    description:
      "Chia sẻ thực tế từ các cửa hàng bán lẻ TP.HCM: quản lý một kho cho nhiều kênh, thông báo website với Bộ Công Thương, đo lợi nhuận từng kênh.",
    audience: "everyone",
    organiser: "HUBA",
    category: "ecommerce",
    inDays: 34,
    hours: 3,
    capacity: 60,
    place: ["Số 35 Nguyễn Huệ", "Phường Sài Gòn", "TP. Hồ Chí Minh"],
    registrations: 2,
  },
];

/** 09:00 in Ho Chi Minh City, `days` from today. */
function localNine(now: number, days: number): number {
  const offset = 7 * HOUR;
  const dayStart = Math.floor((now + offset) / DAY_MS) * DAY_MS - offset;
  return dayStart + days * DAY_MS + 9 * HOUR;
}

export function seedEventsAndGuides(tx: Tx, now: number) {
  const staff = tx
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(eq(schema.users.email, "staff@demo.test"))
    .get();
  if (!staff) throw new Error("seed: staff@demo.test must exist before the events");

  // Guides: published over the last months, newest last in the list of files.
  loadGuides().forEach((g, i, all) => {
    const id = crypto.randomUUID();
    const at = now - (all.length - i) * 5 * DAY_MS;
    tx.insert(schema.resources)
      .values({ id, ...g, status: "published", publishedAt: at, createdBy: staff.id, createdAt: at, updatedAt: at })
      .run();
    const body = searchText([g.titleVi, g.titleEn, g.summaryVi, g.summaryEn, g.bodyVi, g.bodyEn].join(" "));
    tx.run(sql`INSERT INTO resources_fts (resource_id, body) VALUES (${id}, ${body})`);
  });

  // People: the demo SME and vendor first, then the other SMEs and vetted vendors.
  const people = tx
    .select({ id: schema.users.id, role: schema.users.role, email: schema.users.email })
    .from(schema.users)
    .where(and(inArray(schema.users.role, ["sme", "vendor"]), eq(schema.users.active, true)))
    .all()
    .sort((a, b) => rank(a.email) - rank(b.email) || a.email.localeCompare(b.email));

  for (const e of EVENTS) {
    const id = crypto.randomUUID();
    const startsAt = localNine(now, e.inDays);
    const endsAt = startsAt + e.hours * HOUR;
    const createdAt = Math.min(now, startsAt) - 20 * DAY_MS;
    tx.insert(schema.events)
      .values({
        id,
        type: e.type,
        title: e.title,
        description: e.description,
        audience: e.audience,
        organiser: e.organiser,
        category: e.category,
        startsAt,
        endsAt,
        registrationDeadline: startsAt - DAY_MS,
        street: e.place?.[0] ?? null,
        ward: e.place?.[1] ?? null,
        city: e.place?.[2] ?? null,
        onlineUrl: e.online ?? null,
        capacity: e.capacity,
        status: "published",
        publishedAt: createdAt,
        createdBy: staff.id,
        createdAt,
        updatedAt: createdAt,
      })
      .run();
    const eligible = people.filter((p) => e.audience === "everyone" || p.role === e.audience);
    // The demo SME stays off the full workshop, so that it can see the waiting list for itself.
    const chosen = eligible.filter((p) => !(e.capacity < 5 && p.email === "sme@demo.test")).slice(0, e.registrations);
    chosen.forEach((p, i) => {
      const queuedAt = createdAt + (i + 1) * HOUR;
      const seated = i < e.capacity;
      tx.insert(schema.eventRegistrations)
        .values({
          id: crypto.randomUUID(),
          eventId: id,
          userId: p.id,
          status: seated ? "registered" : "waitlisted",
          queuedAt,
          registeredAt: seated ? queuedAt : null,
          attendedAt: seated && e.attended !== undefined && i < e.attended ? startsAt + 10 * 60_000 : null,
          attendanceMarkedBy: seated && e.attended !== undefined && i < e.attended ? staff.id : null,
          reminderSentAt: e.inDays < 0 ? startsAt - DAY_MS : null,
          createdAt: queuedAt,
          updatedAt: queuedAt,
        })
        .run();
    });
  }
}

function rank(email: string): number {
  if (email === "sme@demo.test") return 0;
  if (email === "vendor@demo.test") return 1;
  return 2;
}
