/**
 * Demo data for the DX assessment and needs (issue 4): SMEs with completed assessments at several
 * levels (sme@demo.test twice, showing progress) and 64 needs across categories and states.
 * Called by seed() inside its transaction; its own seeded faker keeps it deterministic whatever
 * the rest of the seed draws.
 */
import crypto from "node:crypto";
import { base, en, Faker, vi } from "@faker-js/faker";
import { asc, eq, sql } from "drizzle-orm";
import type { DB } from "./client.server";
import * as schema from "./schema";
import { dbiResult, type Pillar } from "../app/lib/dbi";
import { DAY_MS, endOfLocalDay, startOfLocalDay, toLocalDate } from "../app/lib/local-date";
import type { NeedEvent, NeedStatus } from "../app/lib/need-status";
import { pillarScores, type Answers, type Questionnaire } from "../app/lib/questionnaire";
import type { Category } from "../app/lib/reference";
import { searchText } from "../app/lib/search-text";
import { currentQuestionnaire } from "../app/models/questionnaires.server";

const MILLION = 1_000_000;

type Template = {
  category: Category;
  title: string;
  description: string;
  requirements: string;
  budget: [number, number];
};

const TEMPLATES: Template[] = [
  {
    category: "accounting",
    title: "Phần mềm kế toán thay cho sổ sách Excel",
    description:
      "Kế toán đang ghi chép bằng nhiều file Excel, cuối tháng mất gần một tuần để khớp số liệu công nợ và kho. Chúng tôi cần phần mềm kế toán dễ dùng, xuất được báo cáo thuế và kết nối hóa đơn điện tử.",
    requirements:
      "Chuyển dữ liệu số dư đầu kỳ từ Excel; đào tạo 2 kế toán; hỗ trợ qua điện thoại trong giờ hành chính.",
    budget: [30, 80],
  },
  {
    category: "e_invoice",
    title: "Kết nối hóa đơn điện tử với phần mềm bán hàng",
    description:
      "Mỗi ngày xuất khoảng 150 hóa đơn, nhân viên phải nhập lại thông tin từ phần mềm bán hàng sang trang hóa đơn điện tử. Cần kết nối để hóa đơn được phát hành tự động khi chốt đơn.",
    requirements:
      "Tuân thủ Nghị định 123/2020/NĐ-CP và Thông tư 78/2021/TT-BTC; có API cho phần mềm bán hàng hiện tại.",
    budget: [15, 40],
  },
  {
    category: "e_contract",
    title: "Hợp đồng điện tử và chữ ký số cho phòng kinh doanh",
    description:
      "Phòng kinh doanh ký khoảng 60 hợp đồng mỗi tháng với khách ở nhiều tỉnh, việc gửi bản giấy qua bưu điện làm chậm 1–2 tuần. Cần giải pháp ký hợp đồng điện tử có giá trị pháp lý.",
    requirements: "Chữ ký số được Bộ KH&CN cấp phép; lưu trữ hợp đồng tối thiểu 10 năm; mẫu hợp đồng tùy chỉnh.",
    budget: [20, 60],
  },
  {
    category: "erp",
    title: "Hệ thống ERP quản lý sản xuất và đơn hàng",
    description:
      "Xưởng có khoảng 80 công nhân, kế hoạch sản xuất đang lập bằng bảng tính và thường lệch với tồn kho nguyên liệu. Cần ERP quản lý đơn hàng, định mức nguyên vật liệu, kế hoạch sản xuất và kho.",
    requirements:
      "Triển khai theo từng giai đoạn; có khách hàng tham chiếu trong ngành sản xuất; hỗ trợ tại chỗ ở TP.HCM.",
    budget: [300, 900],
  },
  {
    category: "crm",
    title: "Phần mềm CRM chăm sóc khách hàng cho chuỗi cửa hàng",
    description:
      "Chuỗi 5 cửa hàng chưa có dữ liệu khách hàng chung; khách mua ở cửa hàng này không được nhận ưu đãi ở cửa hàng khác. Cần CRM lưu lịch sử mua hàng, tích điểm và gửi tin nhắn Zalo.",
    requirements: "Kết nối Zalo OA; phân quyền theo cửa hàng; báo cáo khách hàng quay lại theo tháng.",
    budget: [50, 150],
  },
  {
    category: "hr_payroll",
    title: "Chấm công bằng điện thoại và tính lương tự động",
    description:
      "Nhân viên làm ca ở nhiều địa điểm, chấm công bằng giấy nên tính lương cuối tháng hay sai sót. Cần ứng dụng chấm công theo vị trí và tính lương, bảo hiểm tự động.",
    requirements: "Chấm công bằng GPS hoặc mã QR; tính lương theo ca; xuất bảng lương và báo cáo BHXH.",
    budget: [20, 70],
  },
  {
    category: "ecommerce",
    title: "Bán hàng trên sàn thương mại điện tử và đồng bộ tồn kho",
    description:
      "Chúng tôi muốn mở gian hàng trên Shopee, Lazada và TikTok Shop nhưng lo bán quá số hàng còn trong kho. Cần giải pháp quản lý đơn từ nhiều sàn và đồng bộ tồn kho một chỗ.",
    requirements: "Kết nối ít nhất 3 sàn; hướng dẫn vận hành gian hàng trong 3 tháng đầu.",
    budget: [40, 120],
  },
  {
    category: "digital_marketing",
    title: "Tiếp thị trên mạng xã hội cho dòng sản phẩm mới",
    description:
      "Sắp ra mắt dòng sản phẩm mới nhưng đội ngũ chưa có kinh nghiệm quảng cáo trực tuyến. Cần đơn vị xây dựng kế hoạch nội dung, chạy quảng cáo Facebook, Zalo và đo hiệu quả.",
    requirements: "Báo cáo hiệu quả hằng tuần; chuyển giao cách làm cho nhân viên của chúng tôi.",
    budget: [60, 200],
  },
  {
    category: "warehouse_logistics",
    title: "Quản lý kho bằng mã vạch",
    description:
      "Kho khoảng 1.000 m² với hơn 2.000 mã hàng, kiểm kê mất hai ngày và thường lệch số. Cần phần mềm quản lý kho dùng mã vạch, máy quét cầm tay và báo cáo tồn kho theo thời gian thực.",
    requirements: "Cung cấp thiết bị quét; kết nối phần mềm kế toán hiện tại; đào tạo thủ kho.",
    budget: [80, 250],
  },
  {
    category: "pos_retail",
    title: "Máy bán hàng (POS) và phần mềm cho quán",
    description:
      "Quán đông khách vào giờ cao điểm, ghi order bằng giấy dễ nhầm món và khó đối soát tiền cuối ngày. Cần máy POS, order trên máy tính bảng và thanh toán QR.",
    requirements: "Hoạt động được khi mất mạng; in hóa đơn tại quầy và bếp; báo cáo doanh thu theo ca.",
    budget: [15, 50],
  },
  {
    category: "cloud_hosting",
    title: "Chuyển máy chủ nội bộ lên điện toán đám mây",
    description:
      "Máy chủ đặt tại văn phòng đã cũ, từng hỏng ổ cứng làm gián đoạn công việc hai ngày. Cần chuyển phần mềm và dữ liệu lên đám mây, có sao lưu tự động.",
    requirements:
      "Trung tâm dữ liệu đặt tại Việt Nam; cam kết thời gian hoạt động 99,9%; kế hoạch chuyển đổi không gián đoạn.",
    budget: [50, 180],
  },
  {
    category: "cybersecurity",
    title: "Đánh giá an toàn thông tin và sao lưu dữ liệu",
    description:
      "Một nhân viên từng mở email lừa đảo khiến máy tính bị mã hóa dữ liệu. Cần đánh giá hiện trạng an toàn thông tin, thiết lập sao lưu và đào tạo nhân viên nhận biết lừa đảo.",
    requirements: "Chứng chỉ ISO 27001 hoặc chuyên gia có chứng chỉ bảo mật; báo cáo bằng tiếng Việt dễ hiểu.",
    budget: [40, 120],
  },
  {
    category: "data_analytics",
    title: "Báo cáo doanh thu tự động từ các chi nhánh",
    description:
      "Mỗi chi nhánh gửi báo cáo bằng Excel qua Zalo, ban giám đốc phải chờ đến giữa tháng mới có số liệu tổng. Cần bảng điều khiển (BI) cập nhật hằng ngày từ phần mềm bán hàng.",
    requirements: "Xem được trên điện thoại; phân quyền theo chi nhánh; kết nối phần mềm bán hàng hiện tại.",
    budget: [60, 200],
  },
  {
    category: "ai_automation",
    title: "Chatbot trả lời khách hàng trên Zalo OA",
    description:
      "Khách hỏi giá, giờ mở cửa và tình trạng đơn hàng qua Zalo cả ngày lẫn đêm, nhân viên không trả lời kịp. Cần chatbot trả lời câu hỏi thường gặp và chuyển cho người khi cần.",
    requirements: "Hiểu tiếng Việt có dấu và không dấu; kết nối tra cứu đơn hàng; báo cáo câu hỏi chưa trả lời được.",
    budget: [30, 100],
  },
  {
    category: "iot_manufacturing",
    title: "Cảm biến giám sát nhiệt độ kho lạnh",
    description:
      "Kho lạnh bảo quản thực phẩm cần theo dõi nhiệt độ liên tục; hiện nhân viên ghi tay mỗi 4 giờ. Cần cảm biến IoT, cảnh báo qua điện thoại khi nhiệt độ vượt ngưỡng và lưu nhật ký.",
    requirements: "Cảnh báo qua SMS hoặc Zalo; lưu dữ liệu ít nhất 2 năm phục vụ kiểm tra an toàn thực phẩm.",
    budget: [80, 300],
  },
  {
    category: "web_app_development",
    title: "Website giới thiệu và đặt lịch hẹn trực tuyến",
    description:
      "Khách đặt lịch qua điện thoại nên hay bị trùng giờ và quên lịch. Cần website giới thiệu dịch vụ, cho khách tự đặt lịch, nhận tin nhắc lịch và thanh toán đặt cọc.",
    requirements: "Giao diện tốt trên điện thoại; quản trị nội dung tiếng Việt; bàn giao mã nguồn.",
    budget: [40, 150],
  },
  {
    category: "dx_consulting",
    title: "Tư vấn lộ trình chuyển đổi số hai năm",
    description:
      "Doanh nghiệp đã dùng vài phần mềm rời rạc nhưng chưa có kế hoạch tổng thể. Cần đơn vị tư vấn đánh giá hiện trạng, đề xuất lộ trình và ngân sách chuyển đổi số trong hai năm.",
    requirements: "Kinh nghiệm tư vấn cho doanh nghiệp nhỏ và vừa; sản phẩm là kế hoạch cụ thể, có ưu tiên và chi phí.",
    budget: [50, 150],
  },
  {
    category: "digital_skills_training",
    title: "Đào tạo kỹ năng số cho nhân viên văn phòng",
    description:
      "Khoảng 30 nhân viên văn phòng dùng máy tính chưa thành thạo, nhất là bảng tính, lưu trữ đám mây và an toàn khi dùng email. Cần khóa đào tạo thực hành ngắn.",
    requirements: "Đào tạo tại doanh nghiệp ngoài giờ cao điểm; tài liệu tiếng Việt; kiểm tra cuối khóa.",
    budget: [15, 45],
  },
];

/** Answers that land each pillar near a target level (0–5), with some spread. */
function answersAround(q: Questionnaire, targets: Record<Pillar, number>, faker: Faker): Answers {
  const answers: Answers = {};
  for (const pillar of q.pillars) {
    for (const c of pillar.criteria) {
      const points = c.options.map((o) => o.points).sort((a, b) => a - b);
      const index = Math.max(
        0,
        Math.min(points.length - 1, (targets[pillar.id] ?? 0) + faker.number.int({ min: -1, max: 1 })),
      );
      answers[c.id] = points[index]!;
    }
  }
  return answers;
}

const flat = (level: number, spread: Partial<Record<Pillar, number>> = {}) =>
  Object.fromEntries(
    currentQuestionnaire().pillars.map(({ id: p }) => [p, Math.max(0, Math.min(5, level + (spread[p] ?? 0)))]),
  ) as Record<Pillar, number>;

export function seedNeeds(tx: DB, now: number) {
  const faker = new Faker({ locale: [vi, en, base] });
  faker.seed(20260415);
  const questionnaire = currentQuestionnaire();

  const smes = tx
    .select({
      organisationId: schema.organisations.id,
      sector: schema.organisations.sector,
      userId: schema.users.id,
      email: schema.users.email,
    })
    .from(schema.organisations)
    .innerJoin(schema.users, eq(schema.users.organisationId, schema.organisations.id))
    .where(eq(schema.organisations.kind, "sme"))
    .orderBy(asc(schema.users.email))
    .all();
  const demo = smes.find((s) => s.email === "sme@demo.test");
  const others = smes.filter((s) => s.email !== "sme@demo.test");
  if (!demo) throw new Error("seedNeeds: sme@demo.test is missing");

  // Assessments: the demo SME before and after an engagement, others at several levels.
  const addAssessment = (sme: (typeof smes)[number], targets: Record<Pillar, number>, daysAgo: number) => {
    const answers = answersAround(questionnaire, targets, faker);
    const scores = pillarScores(questionnaire, answers);
    const result = dbiResult(questionnaire, scores);
    const completedAt = now - daysAgo * DAY_MS;
    tx.insert(schema.assessments)
      .values({
        id: crypto.randomUUID(),
        organisationId: sme.organisationId,
        userId: sme.userId,
        questionnaireId: questionnaire.id,
        status: "completed",
        answers: JSON.stringify(answers),
        step: questionnaire.pillars.length - 1,
        pillarScores: JSON.stringify(scores),
        totalScore: result.total,
        level: result.level,
        startedAt: completedAt - 40 * 60_000,
        updatedAt: completedAt,
        completedAt,
      })
      .run();
  };
  addAssessment(demo, flat(1, { customer: 1, strategy: -1 }), 240);
  addAssessment(demo, flat(3, { customer: 1, data: -1, culture: -1 }), 20);
  const levels = [0, 1, 2, 2, 3, 3, 4, 1, 2, 5];
  others.slice(0, levels.length).forEach((sme, i) => {
    const level = levels[i]!;
    addAssessment(
      sme,
      flat(level, level > 0 && level < 5 ? { [questionnaire.pillars[i % questionnaire.pillars.length]!.id]: -1 } : {}),
      10 + i * 17,
    );
  });

  // Needs: 64 across every category and state.
  const plan: NeedStatus[] = [
    ...Array<NeedStatus>(36).fill("open"),
    ...Array<NeedStatus>(8).fill("draft"),
    ...Array<NeedStatus>(8).fill("expired"),
    ...Array<NeedStatus>(4).fill("evaluating"),
    ...Array<NeedStatus>(8).fill("cancelled"),
  ];
  const day = (offset: number) => toLocalDate(now + offset * DAY_MS);
  const cancelReasons = [
    "Doanh nghiệp đã tự xây dựng được giải pháp nội bộ.",
    "Kế hoạch kinh doanh thay đổi, tạm hoãn sang năm sau.",
    "Ngân sách năm nay được dùng cho việc khác.",
    "Đã mua gói dịch vụ đi kèm với thiết bị mới.",
  ];
  plan.forEach((state, i) => {
    // The demo SME owns one need in each state; the rest are spread over the other SMEs.
    const owner = i % 9 === 0 ? demo : others[i % others.length]!;
    const template = TEMPLATES[i % TEMPLATES.length]!;
    const [low, high] = template.budget;
    const budgetMin = Math.round(faker.number.int({ min: low, max: Math.round((low + high) / 2) })) * MILLION;
    const budgetMax = faker.number.int({ min: Math.round((low + high) / 2) + 5, max: high + 10 }) * MILLION;
    const drawnDaysAgo = faker.number.int({ min: 1, max: 25 });
    const deadlineIn =
      state === "expired" ? -faker.number.int({ min: 1, max: 20 }) : faker.number.int({ min: 2, max: 45 });
    // Published before its deadline, with at least a day's window as publication requires.
    const publishedDaysAgo = Math.max(drawnDaysAgo, -deadlineIn + 2);
    const deadline = endOfLocalDay(day(deadlineIn));
    const desiredStart = startOfLocalDay(day(Math.max(deadlineIn, 0) + faker.number.int({ min: 7, max: 40 })));
    const createdAt = now - (publishedDaysAgo + faker.number.int({ min: 0, max: 5 })) * DAY_MS;
    const published = state !== "draft";
    const publishedAt = published ? now - publishedDaysAgo * DAY_MS : null;
    const stored: NeedStatus = state === "expired" ? "open" : state;
    const closedAt =
      state === "evaluating" ? now - faker.number.int({ min: 0, max: publishedDaysAgo - 1 }) * DAY_MS : null;
    const cancelledAt =
      state === "cancelled" ? now - faker.number.int({ min: 0, max: publishedDaysAgo - 1 }) * DAY_MS : null;
    const cancelReason = state === "cancelled" ? cancelReasons[i % cancelReasons.length]! : null;
    const id = crypto.randomUUID();
    const description = template.description;
    tx.insert(schema.needs)
      .values({
        id,
        organisationId: owner.organisationId,
        createdBy: owner.userId,
        title: template.title,
        description,
        category: template.category,
        sector: owner.sector ?? "other",
        budgetMin,
        budgetMax,
        desiredStart,
        deadline,
        requirements: template.requirements,
        status: stored,
        publishedAt,
        closedAt,
        cancelledAt,
        cancelReason,
        createdAt,
        updatedAt: cancelledAt ?? closedAt ?? publishedAt ?? createdAt,
      })
      .run();
    const body = searchText(`${template.title} ${description} ${template.requirements}`);
    tx.run(sql`INSERT INTO needs_fts (need_id, body) VALUES (${id}, ${body})`);
    const events: [NeedEvent, number, string | null][] = [["created", createdAt, null]];
    if (publishedAt) events.push(["published", publishedAt, null]);
    if (closedAt) events.push(["closed", closedAt, null]);
    if (cancelledAt) events.push(["cancelled", cancelledAt, cancelReason]);
    for (const [event, at, note] of events) {
      tx.insert(schema.needEvents).values({ needId: id, actorId: owner.userId, event, at, note }).run();
    }
  });
}
