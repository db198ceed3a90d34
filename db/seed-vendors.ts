/**
 * Demo vendors (issue: vendors and vetting): the two demo accounts, 44 vetted vendors with
 * realistic Vietnamese names, dossiers, references and priced packages across the categories, and
 * a few vendors in every other state, each with the vetting history that led there.
 */
import crypto from "node:crypto";
import type { Faker } from "@faker-js/faker";
import { eq } from "drizzle-orm";
import type { DB } from "./client.server";
import * as schema from "./schema";
import {
  CATEGORIES,
  SECTORS,
  type Category,
  type Sector,
  type StaffOrganisation,
  type VendorStatus,
} from "../app/lib/reference";
import { addMonths } from "../app/lib/vendor-lifecycle";
import { refreshVendorSearch } from "../app/models/dossier.server";
import { searchText } from "../app/lib/search-text";
import { DAY_MS } from "../app/lib/local-date";

type Ctx = {
  faker: Faker;
  now: number;
  addUser: (orgId: string, orgName: string, role: "vendor", email: string, name: string) => string;
  nextTaxCode: () => string;
  reviewers: Record<Extract<StaffOrganisation, "HUBA" | "HCA">, string>;
};

const DAY = DAY_MS;

const STREETS = [
  "Nguyễn Huệ",
  "Lê Lợi",
  "Điện Biên Phủ",
  "Cách Mạng Tháng Tám",
  "Võ Văn Tần",
  "Nguyễn Thị Minh Khai",
  "Hai Bà Trưng",
  "Pasteur",
  "Lý Tự Trọng",
  "Trần Hưng Đạo",
  "Nguyễn Đình Chiểu",
  "Phan Xích Long",
  "Hoàng Văn Thụ",
  "Cộng Hòa",
  "Nguyễn Văn Linh",
  "Phạm Văn Đồng",
  "Xa lộ Hà Nội",
  "Lê Văn Việt",
];

/** A Ho Chi Minh City street address ("25 Lê Lợi"). */
export function streetAddress(faker: Faker): string {
  return `${faker.number.int({ min: 1, max: 480 })} ${faker.helpers.arrayElement(STREETS)}`;
}

const FORMS = [
  "Công ty Cổ phần Công nghệ",
  "Công ty TNHH Giải pháp Số",
  "Công ty TNHH Phần mềm",
  "Công ty Cổ phần Dịch vụ Số",
  "Công ty TNHH Tư vấn Chuyển đổi số",
  "Công ty Cổ phần Hệ thống Thông tin",
];

const CORES = [
  "Đại Việt",
  "Đông Dương",
  "Đất Việt",
  "Đồng Khởi",
  "Điện Toán Xanh",
  "Đông Á",
  "Đỉnh Cao",
  "Định Vị",
  "Sài Gòn Số",
  "Bến Nghé",
  "Thủ Thiêm",
  "Phú Mỹ Hưng",
  "Nhà Bè",
  "Cần Giờ",
  "Hóc Môn",
  "Củ Chi",
  "An Phú",
  "Tân Cảng",
  "Gia Định",
  "Chợ Lớn",
  "Bình Tây",
  "Phước Long",
  "Long Hậu",
  "Hiệp Phước",
  "Mekong Tech",
  "Ánh Sao",
  "Hải Âu",
  "Trúc Xanh",
  "Sen Vàng",
  "Mai Linh Số",
  "Hoa Sữa",
  "Lạc Hồng",
  "Hùng Vương",
  "Trường Thịnh",
  "Phương Đông",
  "Thái Bình Dương",
  "Kim Long",
  "Việt Tiến",
  "Nam Kỳ",
  "Tân Định",
  "Quang Minh",
  "Hưng Thịnh",
  "Vạn Xuân",
  "Bách Việt",
  "Thiên Long",
  "Hòa Phát Số",
];

const PACKAGE_NAMES: Record<Category, [string, number, number, schema.PackageUnit][]> = {
  accounting: [
    ["Phần mềm kế toán cho hộ kinh doanh", 2_000_000, 6_000_000, "per_year"],
    ["Kế toán doanh nghiệp trọn gói", 8_000_000, 25_000_000, "per_year"],
  ],
  e_invoice: [
    ["Hóa đơn điện tử 1.000 số", 700_000, 1_500_000, "one_off"],
    ["Hóa đơn điện tử không giới hạn", 3_000_000, 6_000_000, "per_year"],
  ],
  e_contract: [["Hợp đồng điện tử và chữ ký số", 1_500_000, 4_000_000, "per_year"]],
  erp: [
    ["ERP cho doanh nghiệp sản xuất vừa", 150_000_000, 600_000_000, "one_off"],
    ["ERP đám mây gói cơ bản", 6_000_000, 15_000_000, "per_month"],
  ],
  crm: [
    ["CRM bán hàng 10 người dùng", 1_500_000, 3_500_000, "per_month"],
    ["Triển khai CRM tùy biến", 40_000_000, 120_000_000, "one_off"],
  ],
  hr_payroll: [["Quản lý nhân sự và tính lương", 1_000_000, 4_000_000, "per_month"]],
  ecommerce: [
    ["Website bán hàng đa kênh", 15_000_000, 45_000_000, "one_off"],
    ["Vận hành gian hàng sàn TMĐT", 5_000_000, 12_000_000, "per_month"],
  ],
  digital_marketing: [
    ["Tiếp thị số cho cửa hàng", 6_000_000, 20_000_000, "per_month"],
    ["Quảng cáo mạng xã hội 3 tháng", 18_000_000, 50_000_000, "one_off"],
  ],
  warehouse_logistics: [
    ["Quản lý kho mã vạch", 25_000_000, 80_000_000, "one_off"],
    ["Phần mềm điều phối giao hàng", 4_000_000, 9_000_000, "per_month"],
  ],
  pos_retail: [
    ["Máy bán hàng POS và phần mềm", 5_000_000, 15_000_000, "one_off"],
    ["POS chuỗi cửa hàng", 800_000, 2_500_000, "per_month"],
  ],
  cloud_hosting: [
    ["Máy chủ đám mây cho doanh nghiệp nhỏ", 500_000, 3_000_000, "per_month"],
    ["Chuyển hệ thống lên đám mây", 30_000_000, 150_000_000, "one_off"],
  ],
  cybersecurity: [
    ["Đánh giá an toàn thông tin", 30_000_000, 90_000_000, "one_off"],
    ["Giám sát an ninh mạng 24/7", 10_000_000, 35_000_000, "per_month"],
  ],
  data_analytics: [["Báo cáo quản trị BI", 20_000_000, 70_000_000, "one_off"]],
  ai_automation: [
    ["Chatbot chăm sóc khách hàng", 3_000_000, 10_000_000, "per_month"],
    ["Tự động hóa quy trình RPA", 50_000_000, 200_000_000, "one_off"],
  ],
  iot_manufacturing: [["Giám sát dây chuyền IoT", 120_000_000, 450_000_000, "one_off"]],
  web_app_development: [
    ["Website giới thiệu doanh nghiệp", 8_000_000, 25_000_000, "one_off"],
    ["Ứng dụng di động đặt hàng", 80_000_000, 250_000_000, "one_off"],
  ],
  dx_consulting: [
    ["Tư vấn lộ trình chuyển đổi số", 30_000_000, 100_000_000, "one_off"],
    ["Đồng hành chuyển đổi số 6 tháng", 15_000_000, 40_000_000, "per_month"],
  ],
  digital_skills_training: [
    ["Đào tạo kỹ năng số cho nhân viên", 8_000_000, 30_000_000, "one_off"],
    ["Khóa học lãnh đạo chuyển đổi số", 12_000_000, 40_000_000, "one_off"],
  ],
};

/** Hand-written case studies for the first demo vendors (logo-free but complete profiles). */
const CASE_STUDIES: { title: string; sector: Sector; challenge: string; work: string; result: string }[][] = [
  [
    {
      title: "Hóa đơn điện tử cho chuỗi 6 cửa hàng tạp hóa ở Quận 3",
      sector: "retail_trade",
      challenge: "Cửa hàng xuất hóa đơn giấy viết tay; cuối tháng kế toán mất ba ngày đối chiếu với sổ bán hàng.",
      work: "Nối phần mềm bán hàng với hóa đơn điện tử, chuyển danh mục 2.400 mặt hàng, đào tạo 12 nhân viên thu ngân.",
      result: "Đối chiếu cuối tháng còn nửa ngày; không còn hóa đơn sai mã số thuế sau ba tháng.",
    },
    {
      title: "Sổ sách kế toán cho xưởng may gia công ở Tân Bình",
      sector: "manufacturing",
      challenge: "Chủ xưởng không biết lãi lỗ từng đơn hàng; chứng từ lưu trong nhiều tệp Excel.",
      work: "Thiết lập phần mềm kế toán theo Thông tư 133, mã hóa đơn hàng, báo cáo lãi gộp theo khách hàng.",
      result: "Báo cáo lãi gộp từng đơn trong ngày thứ 5 của tháng sau; phát hiện hai đơn lỗ để đàm phán lại giá.",
    },
  ],
  [
    {
      title: "Bán hàng đa kênh cho tiệm bánh ở Phú Nhuận",
      sector: "food_beverage",
      challenge: "Đơn từ Zalo, Facebook và ứng dụng giao đồ ăn ghi tay, hay sót đơn giờ cao điểm.",
      work: "Gom đơn các kênh về một màn hình, in phiếu bếp tự động, đồng bộ tồn kho nguyên liệu.",
      result: "Không còn sót đơn trong ba tháng theo dõi; doanh thu kênh online tăng 18%.",
    },
  ],
  [
    {
      title: "Quản lý khách hàng cho công ty dịch vụ vệ sinh ở Thủ Đức",
      sector: "other",
      challenge: "Lịch hẹn và hợp đồng bảo trì theo dõi bằng sổ; nhiều khách không được nhắc gia hạn.",
      work: "Triển khai CRM với lịch hẹn, nhắc gia hạn qua Zalo OA và báo cáo doanh thu định kỳ.",
      result: "Tỷ lệ gia hạn hợp đồng bảo trì từ 55% lên 72% sau sáu tháng.",
    },
  ],
];

const CERTIFICATIONS = ["ISO 27001", "ISO 9001", "ISO 20000-1", "CMMI"];

const FULL_CHECKLIST = {
  taxCode: { checked: true, note: "Khớp cổng tra cứu thuế" },
  references: { checked: true, note: "Đã gọi 2 khách hàng" },
  security: { checked: true, note: "" },
  prices: { checked: true, note: "" },
  noConflict: { checked: true, note: "" },
};

type Spec = {
  email?: string;
  contact?: string;
  name?: string;
  status: VendorStatus | "expired";
  categories?: Category[];
};

export function seedVendors(tx: DB, ctx: Ctx) {
  const { faker, now } = ctx;
  const specs: Spec[] = [
    {
      email: "vendor@demo.test",
      contact: "Võ Thanh Tùng",
      name: "Công ty Cổ phần Công nghệ Sài Gòn Số",
      status: "vetted",
      categories: ["accounting", "e_invoice", "dx_consulting"],
    },
    {
      email: "vendor2@demo.test",
      contact: "Đặng Hoàng Nam",
      name: "Công ty TNHH Giải pháp Phần mềm Ánh Dương",
      status: "submitted",
      categories: ["crm", "ecommerce"],
    },
    ...Array.from({ length: 43 }, (): Spec => ({ status: "vetted" })),
    ...(
      [
        "draft",
        "draft",
        "submitted",
        "submitted",
        "changes_requested",
        "changes_requested",
        "rejected",
        "suspended",
        "suspended",
        "expired",
        "expired",
      ] as const
    ).map((status): Spec => ({ status })),
  ];
  const cores = faker.helpers.shuffle([...CORES]);
  let n = 0;
  for (const spec of specs) {
    n += 1;
    const id = crypto.randomUUID();
    const legalName =
      spec.name ?? `${faker.helpers.arrayElement(FORMS)} ${cores[(n - 3 + cores.length) % cores.length]}`;
    const contact =
      spec.contact ?? `${faker.person.lastName()} ${faker.person.middleName()} ${faker.person.firstName()}`;
    const email = spec.email ?? `vendor${n + 1}@demo.test`;
    const categories = spec.categories ?? faker.helpers.arrayElements(CATEGORIES, { min: 1, max: 3 });
    const vettedAt = now - faker.number.int({ min: 10, max: 330 }) * DAY;
    const status: VendorStatus = spec.status === "expired" ? "vetted" : spec.status;
    const expiresAt =
      spec.status === "expired"
        ? now - faker.number.int({ min: 5, max: 40 }) * DAY
        : status === "vetted" || status === "suspended"
          ? addMonths(vettedAt, 12)
          : null;
    const reviewer = faker.helpers.arrayElement(["HUBA", "HCA"] as const);
    const wasVetted = status === "vetted" || status === "suspended";
    tx.insert(schema.organisations)
      .values({
        id,
        kind: "vendor",
        legalName,
        taxCode: ctx.nextTaxCode(),
        vendorStatus: status,
        phone: faker.phone.number(),
        street: streetAddress(faker),
        ward: `Phường ${faker.helpers.arrayElement(["Bến Nghé", "Tân Định", "Thảo Điền", "An Khánh", "Hiệp Bình", "Bình Thạnh", "Tân Sơn Nhất", "Phú Thuận"])}`,
        city: "TP. Hồ Chí Minh",
        createdAt: vettedAt - faker.number.int({ min: 20, max: 200 }) * DAY,
      })
      .run();
    ctx.addUser(id, legalName, "vendor", email, contact);

    const draftOnly = status === "draft" && n % 2 === 0;
    tx.insert(schema.vendorProfiles)
      .values({
        organisationId: id,
        description: draftOnly
          ? ""
          : `${legalName.replace(/^Công ty (Cổ phần|TNHH)( MTV)? /, "")} đồng hành cùng doanh nghiệp nhỏ và vừa tại TP.HCM về ${categories
              .map((c) => CATEGORY_WORDS[c])
              .join(", ")}. Đội ngũ tư vấn bằng tiếng Việt dễ hiểu, triển khai nhanh, hỗ trợ tận nơi.`,
        yearFounded: faker.number.int({ min: 2005, max: 2022 }),
        website: draftOnly
          ? null
          : `https://${searchText(legalName.split(" ").slice(-2).join("")).replace(/[^a-z0-9]/g, "")}.vn`,
        teamSize: faker.number.int({ min: 6, max: 250 }),
        contactName: contact,
        contactEmail: email,
        contactPhone: faker.phone.number(),
        certifications: JSON.stringify(faker.helpers.arrayElements(CERTIFICATIONS, { min: 0, max: 2 })),
        submittedAt: status === "draft" ? null : vettedAt - faker.number.int({ min: 3, max: 15 }) * DAY,
        vettedAt: wasVetted ? vettedAt : null,
        vettingExpiresAt: expiresAt,
        vettedBy: wasVetted ? reviewer : null,
        updatedAt: vettedAt,
      })
      .run();
    for (const category of categories) tx.insert(schema.vendorCategories).values({ vendorId: id, category }).run();
    for (const sector of faker.helpers.arrayElements(SECTORS, { min: 2, max: 4 })) {
      tx.insert(schema.vendorSectors).values({ vendorId: id, sector }).run();
    }
    if (!draftOnly) {
      for (let r = 0; r < faker.number.int({ min: 2, max: 3 }); r++) {
        tx.insert(schema.vendorReferences)
          .values({
            id: crypto.randomUUID(),
            vendorId: id,
            clientName: `Công ty TNHH ${faker.helpers.arrayElement(CORES)} ${faker.helpers.arrayElement(["Food", "Logistics", "Trading", "Việt", "Xanh"])}`,
            contactName: `${faker.person.lastName()} ${faker.person.firstName()}`,
            contactPhone: faker.phone.number(),
            project: `Triển khai ${CATEGORY_WORDS[faker.helpers.arrayElement(categories)]}`,
            createdAt: vettedAt - 30 * DAY,
          })
          .run();
      }
      for (const category of categories) {
        for (const [name, from, to, unit] of faker.helpers.arrayElements(PACKAGE_NAMES[category], { min: 1, max: 2 })) {
          const scale = faker.number.float({ min: 0.8, max: 1.3 });
          const round = (v: number) => Math.round((v * scale) / 100_000) * 100_000;
          tx.insert(schema.servicePackages)
            .values({
              id: crypto.randomUUID(),
              vendorId: id,
              name,
              category,
              priceFrom: round(from),
              priceTo: Math.max(round(from), round(to)),
              unit,
              included:
                "Cài đặt, cấu hình theo quy trình của doanh nghiệp\nĐào tạo người dùng\nHỗ trợ qua điện thoại và Zalo trong giờ hành chính",
              createdAt: vettedAt - 20 * DAY,
            })
            .run();
        }
      }
    }

    const cases = wasVetted && n <= CASE_STUDIES.length ? CASE_STUDIES[n - 1]! : [];
    cases.forEach((c, i) =>
      tx
        .insert(schema.caseStudies)
        .values({
          id: crypto.randomUUID(),
          vendorId: id,
          ...c,
          engagementId: null,
          createdAt: vettedAt - (15 - i) * DAY,
        })
        .run(),
    );

    // The history that led to the state.
    const event = (e: schema.VettingEvent, at: number, actorId: string, note?: string, checklist?: object) =>
      tx
        .insert(schema.vettingEvents)
        .values({
          id: crypto.randomUUID(),
          vendorId: id,
          event: e,
          actorId,
          note: note ?? null,
          checklist: checklist ? JSON.stringify(checklist) : null,
          at,
        })
        .run();
    const vendorUser = tx.select({ id: schema.users.id }).from(schema.users).where(eqEmail(email)).get()!.id;
    const staffId = ctx.reviewers[reviewer];
    if (status !== "draft") event("submitted", vettedAt - 10 * DAY, vendorUser);
    if (wasVetted) event("approved", vettedAt, staffId, undefined, FULL_CHECKLIST);
    if (status === "changes_requested") {
      event(
        "changes_requested",
        vettedAt - 2 * DAY,
        staffId,
        "Vui lòng bổ sung số điện thoại của khách hàng tham chiếu thứ hai và bảng giá chi tiết cho gói triển khai.",
      );
    }
    if (status === "rejected")
      event("rejected", vettedAt - 2 * DAY, staffId, "Khách hàng tham chiếu không xác nhận dự án đã khai.");
    if (status === "suspended")
      event(
        "suspended",
        now - 5 * DAY,
        staffId,
        "Tạm đình chỉ để xác minh khiếu nại của doanh nghiệp về chất lượng triển khai.",
      );
    refreshVendorSearch(tx, id);
  }
}

const CATEGORY_WORDS: Record<Category, string> = {
  accounting: "kế toán",
  e_invoice: "hóa đơn điện tử",
  e_contract: "hợp đồng điện tử và chữ ký số",
  erp: "hệ thống ERP",
  crm: "quản lý khách hàng (CRM)",
  hr_payroll: "nhân sự và tiền lương",
  ecommerce: "thương mại điện tử",
  digital_marketing: "tiếp thị số",
  warehouse_logistics: "quản lý kho và giao vận",
  pos_retail: "bán hàng POS",
  cloud_hosting: "điện toán đám mây",
  cybersecurity: "an toàn thông tin",
  data_analytics: "phân tích dữ liệu",
  ai_automation: "AI và tự động hóa",
  iot_manufacturing: "IoT trong sản xuất",
  web_app_development: "website và ứng dụng",
  dx_consulting: "tư vấn chuyển đổi số",
  digital_skills_training: "đào tạo kỹ năng số",
};

const eqEmail = (email: string) => eq(schema.users.email, email);
