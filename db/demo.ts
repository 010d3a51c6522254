/**
 * Demo data for `npm start`: a district committee, its units and the eleven
 * concrete tasks of its plan for Resolution 45-NQ/TW on intellectuals,
 * paraphrased for the demo (deadline phrases as a plan writes them). People
 * and Telegram ids are invented.
 */
import type { Role } from "../core/access/roles";

export interface DemoUnit {
  name: string;
  parent: string | null;
  /** A group: the names of the units it stands for. */
  groupOf?: string[];
}

const committee = "Huyện ủy Yên Dũng";
const frontAndOrganisations = [
  "Ủy ban MTTQ huyện",
  "Hội Liên hiệp Phụ nữ huyện",
  "Huyện đoàn Yên Dũng",
  "Hội Nông dân huyện",
  "Hội Cựu chiến binh huyện",
  "Liên đoàn Lao động huyện",
];
const partyOrganisations = [
  "Đảng ủy xã Tiến Dũng",
  "Đảng ủy xã Cảnh Thụy",
  "Đảng ủy thị trấn Nham Biền",
  "Chi bộ Phòng Giáo dục và Đào tạo",
];

export const demoUnits: DemoUnit[] = [
  { name: committee, parent: null },
  ...[
    "Ban Thường vụ Huyện ủy",
    "Ban Tổ chức Huyện ủy",
    "Ban Tuyên giáo Huyện ủy",
    "HĐND huyện",
    "UBND huyện",
    ...frontAndOrganisations,
    ...partyOrganisations,
  ].map((name) => ({ name, parent: committee })),
  { name: "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội huyện", parent: committee, groupOf: frontAndOrganisations },
  { name: "Các Đảng ủy, chi bộ trực thuộc Huyện ủy", parent: committee, groupOf: partyOrganisations },
];

/**
 * The committee issues the plan (its standing board signs it) and has designated
 * the Ban Tổ chức to monitor its plans: a plan assigns only units under its issuer.
 */
export const demoPlan = {
  sourceHash: "demo:yen-dung-45",
  issuer: committee,
  monitor: "Ban Tổ chức Huyện ủy",
  number: "Kế hoạch mẫu 45",
  title: "Thực hiện Nghị quyết 45-NQ/TW về xây dựng và phát huy vai trò đội ngũ trí thức (dữ liệu mẫu)",
  issuedOn: "2024-04-02",
  implementsText: "Nghị quyết số 45-NQ/TW ngày 24/11/2023",
};

export interface DemoTask {
  ref: string;
  section: string;
  unit: string;
  title: string;
  deadlineText: string | null;
}

export const demoTasks: DemoTask[] = [
  {
    ref: "IV.1",
    section: "HĐND huyện",
    unit: "HĐND huyện",
    title: "Giám sát việc thực hiện chính sách, pháp luật về phát huy vai trò đội ngũ trí thức trên địa bàn huyện.",
    deadlineText: "thực hiện theo kế hoạch",
  },
  {
    ref: "IV.2.1",
    section: "UBND huyện",
    unit: "UBND huyện",
    title: "Chỉ đạo triển khai Nghị quyết 45 và Kế hoạch, lồng ghép vào các chương trình, đề án của từng ngành, lĩnh vực.",
    deadlineText: "hoàn thành trong năm 2024",
  },
  {
    ref: "IV.2.2",
    section: "UBND huyện",
    unit: "UBND huyện",
    title: "Ban hành kế hoạch đào tạo, bồi dưỡng, nâng cao trình độ cho trí thức đang công tác tại huyện.",
    deadlineText: "ban hành các văn bản trong quý III/2024",
  },
  {
    ref: "IV.2.3",
    section: "UBND huyện",
    unit: "UBND huyện",
    title: "Chỉ đạo thực hiện Chiến lược phát triển đội ngũ trí thức của huyện đến năm 2030, tầm nhìn 2045.",
    deadlineText: "thực hiện thường xuyên",
  },
  {
    ref: "IV.3",
    section: "Mặt trận và các đoàn thể",
    unit: "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội huyện",
    title:
      "Giám sát, phản biện xã hội; vận động hội viên, đoàn viên và nhân dân, nhất là trí thức, thực hiện chủ trương của Đảng về trí thức.",
    deadlineText: "xây dựng kế hoạch thực hiện trong quý II/2024 và thực hiện thường xuyên",
  },
  {
    ref: "IV.4.1",
    section: "Ban Tổ chức Huyện ủy",
    unit: "Ban Tổ chức Huyện ủy",
    title:
      "Tham mưu đề xuất chủ trương thu hút, đào tạo, bố trí, quy hoạch đội ngũ trí thức; quy hoạch cán bộ từ nguồn trí thức.",
    deadlineText: null,
  },
  {
    ref: "IV.4.2",
    section: "Ban Tổ chức Huyện ủy",
    unit: "Ban Tổ chức Huyện ủy",
    title: "Tham mưu kế hoạch đào tạo, bồi dưỡng cán bộ quy hoạch là trí thức trẻ.",
    deadlineText: "hoàn thành trong quý IV/2024",
  },
  {
    ref: "IV.5.1",
    section: "Ban Tuyên giáo Huyện ủy",
    unit: "Ban Tuyên giáo Huyện ủy",
    title: "Định hướng, cung cấp thông tin để tuyên truyền việc thực hiện Nghị quyết 45 và Kế hoạch.",
    deadlineText: "thực hiện thường xuyên",
  },
  {
    ref: "IV.5.2",
    section: "Ban Tuyên giáo Huyện ủy",
    unit: "Ban Tuyên giáo Huyện ủy",
    title: "Hướng dẫn các hội trí thức đổi mới nội dung, phương thức hoạt động.",
    deadlineText: "thực hiện thường xuyên",
  },
  {
    ref: "IV.6.1",
    section: "Các Đảng ủy, chi bộ",
    unit: "Các Đảng ủy, chi bộ trực thuộc Huyện ủy",
    title: "Triển khai nhiệm vụ được giao tại Kế hoạch phù hợp với điều kiện thực tế của địa phương, cơ quan, đơn vị.",
    deadlineText: "hoàn thành trong tháng 5/2024",
  },
  {
    ref: "IV.6.2",
    section: "Các Đảng ủy, chi bộ",
    unit: "Các Đảng ủy, chi bộ trực thuộc Huyện ủy",
    title: "Phát huy vai trò trí thức tại địa phương, đơn vị; tạo điều kiện đào tạo, bồi dưỡng và trọng dụng trí thức.",
    deadlineText: null,
  },
];

/**
 * A front organisation's own plan carrying out the demo plan (issue 22): linked
 * to its task IV.3 there ("xây dựng kế hoạch thực hiện…"), so the office's
 * overview shows it as issued, with its progress, and the other
 * organisations as not yet issued. Our own words.
 */
export const demoChildPlan = {
  sourceHash: "demo:mttq-45",
  issuer: "Ủy ban MTTQ huyện",
  number: "12-KH/MTTQ",
  title: "Ủy ban MTTQ huyện thực hiện Kế hoạch mẫu 45 (dữ liệu mẫu)",
  issuedOn: "2024-05-20",
  implementsText: "Kế hoạch mẫu 45",
  /** The parent's task this plan carries out, for the unit that issued it. */
  parentRef: "IV.3",
  tasks: [
    {
      ref: "1",
      title: "Phổ biến Kế hoạch đến các tổ chức thành viên và ban công tác mặt trận khu dân cư.",
      deadlineText: "hoàn thành trong tháng 6/2024",
      done: true,
    },
    {
      ref: "2",
      title: "Tổ chức hội nghị lấy ý kiến trí thức về chính sách thu hút nhân lực của huyện.",
      deadlineText: "hoàn thành trong quý IV/2024",
      done: false,
    },
    {
      ref: "3",
      title: "Giám sát việc thực hiện chính sách đối với trí thức trẻ ở cơ sở.",
      deadlineText: "thực hiện thường xuyên",
      done: false,
    },
  ],
};

export interface DemoTarget {
  text: string;
  value: number;
  comparator: "gt" | "gte";
  unitOfMeasure: string;
  byYear: number;
  /** The unit that records its values; null: the office does. */
  responsibleUnit: string | null;
  values: { period: string; value: number; member: string; note: string; at: string }[];
}

/** Targets of the demo plan, in our own words, one recorded by the unit responsible for it. */
export const demoTargets: DemoTarget[] = [
  {
    text: "Người có trình độ trên đại học và sinh viên tốt nghiệp loại giỏi, xuất sắc trong số tuyển dụng mới của các cơ quan huyện",
    value: 10,
    comparator: "gt",
    unitOfMeasure: "%",
    byYear: 2030,
    responsibleUnit: "UBND huyện",
    values: [
      {
        period: "2024",
        value: 6.5,
        member: "Vũ Thị Mai",
        note: "Theo số liệu tuyển dụng của Phòng Nội vụ.",
        at: "2025-01-15T02:00:00Z",
      },
      { period: "2025-H1", value: 8.2, member: "Vũ Thị Mai", note: "Đợt tuyển dụng tháng 4.", at: "2025-07-08T03:00:00Z" },
    ],
  },
  {
    text: "Cơ sở giáo dục trên địa bàn huyện đạt chuẩn quốc gia",
    value: 100,
    comparator: "gte",
    unitOfMeasure: "%",
    byYear: 2045,
    responsibleUnit: null,
    values: [
      {
        period: "2024",
        value: 71,
        member: "Nguyễn Thị Lan",
        note: "Tổng hợp từ báo cáo của ngành giáo dục.",
        at: "2025-01-20T02:00:00Z",
      },
    ],
  },
];

export interface DemoMember {
  telegramId: number;
  /** Every demo person also has a Zalo account, so the terminal chat can talk as them on either channel. */
  zaloId: string;
  fullName: string;
  unitName: string;
  role: Role;
}

const people: [string, string, Role][] = [
  ["Nguyễn Thị Lan", "Ban Tổ chức Huyện ủy", "admin"],
  ["Trần Văn Hùng", "Ban Tổ chức Huyện ủy", "member"],
  // A member of the standing board, reading the committee's plans as a viewer of the committee.
  ["Lê Quang Minh", committee, "viewer"],
  ["Phạm Thu Hà", "Ban Tuyên giáo Huyện ủy", "member"],
  ["Đỗ Văn Nam", "HĐND huyện", "member"],
  ["Hoàng Minh Tuấn", "UBND huyện", "leader"],
  ["Vũ Thị Mai", "UBND huyện", "member"],
  ["Bùi Văn Long", "Ủy ban MTTQ huyện", "member"],
  ["Ngô Thị Hạnh", "Hội Liên hiệp Phụ nữ huyện", "member"],
  ["Đặng Quốc Việt", "Huyện đoàn Yên Dũng", "member"],
  ["Dương Văn Thành", "Hội Nông dân huyện", "member"],
  ["Lý Văn Bình", "Hội Cựu chiến binh huyện", "member"],
  ["Tạ Thị Hương", "Liên đoàn Lao động huyện", "member"],
  ["Nguyễn Văn Khoa", "Đảng ủy xã Tiến Dũng", "member"],
  ["Trịnh Thị Nga", "Đảng ủy xã Cảnh Thụy", "member"],
  ["Phan Văn Đức", "Đảng ủy thị trấn Nham Biền", "member"],
  ["Mai Thị Thủy", "Chi bộ Phòng Giáo dục và Đào tạo", "member"],
  // The offices of two front organisations: one manages its own plan (demoChildPlan), the other reads none of it.
  ["Lương Văn Sơn", "Ủy ban MTTQ huyện", "admin"],
  ["Cao Thị Yến", "Hội Liên hiệp Phụ nữ huyện", "admin"],
];

export const demoMembers: DemoMember[] = people.map(([fullName, unitName, role], i) => ({
  telegramId: 7_000_000_001 + i,
  zaloId: `zl-demo-${String(i + 1).padStart(2, "0")}`,
  fullName,
  unitName,
  role,
}));

/** A little history so the demo shows more than one status. */
export const demoReports: {
  ref: string;
  unit: string;
  member: string;
  percent: number;
  note: string;
  at: string;
  done?: boolean;
}[] = [
  {
    ref: "IV.2.1",
    unit: "UBND huyện",
    member: "Vũ Thị Mai",
    percent: 100,
    note: "Đã ban hành văn bản chỉ đạo các phòng, ban.",
    at: "2024-12-18T02:30:00Z",
    done: true,
  },
  {
    ref: "IV.2.2",
    unit: "UBND huyện",
    member: "Vũ Thị Mai",
    percent: 60,
    note: "Đang lấy ý kiến các phòng chuyên môn về dự thảo kế hoạch.",
    at: "2024-09-10T03:00:00Z",
  },
  {
    ref: "IV.4.2",
    unit: "Ban Tổ chức Huyện ủy",
    member: "Trần Văn Hùng",
    percent: 80,
    note: "Đã trình Thường trực Huyện ủy dự thảo kế hoạch.",
    at: "2024-12-02T08:15:00Z",
  },
];
