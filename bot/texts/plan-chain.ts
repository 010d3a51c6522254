/**
 * Plans implementing plans, in chat: the import review's "Thực hiện: …" line,
 * /lienketkh (linking by hand), the units' own plans on the office's screens,
 * and the chasing of units that have not issued theirs. Arguments are
 * already escaped for HTML.
 */
export const chainTexts = {
  /** In the import review and after saving. */
  review: {
    parent: (parent: string) => `🔗 Thực hiện: ${parent}`,
    parentMissing: (named: string) =>
      `🔗 Văn bản ghi thực hiện «${named}», nhưng chưa tìm thấy kế hoạch đó trong các kế hoạch cấp trên giao việc cho đơn vị. ` +
      "Sau khi lưu, gõ /lienketkh để liên kết.",
    linked: (parent: string, tasks: number) =>
      `🔗 Đã liên kết: kế hoạch thực hiện ${parent} (${tasks} nhiệm vụ được giao cho đơn vị). Cơ quan theo dõi cấp trên sẽ thấy tiến độ.`,
    notLinked: (named: string) =>
      `🔗 Chưa liên kết được với «${named}» (chưa có trong hệ thống). Khi kế hoạch cấp trên được nhập, gõ /lienketkh để liên kết.`,
    linkRefused: (reason: string) => `🔗 Chưa liên kết với kế hoạch cấp trên: ${reason} Gõ /lienketkh để chọn lại.`,
  },

  /** A plan in one line: "Kế hoạch số 12-KH/ĐU của Đảng ủy xã A". */
  planOf: (number: string | null, title: string, issuer: string) =>
    number ? `Kế hoạch số ${number} của ${issuer}` : `«${title}» của ${issuer}`,

  link: {
    header: (child: string) =>
      `🔗 <b>Liên kết kế hoạch cấp trên</b>\nKế hoạch của đơn vị: ${child}\n\n` +
      "Chọn kế hoạch cấp trên mà kế hoạch này thực hiện (các kế hoạch có giao nhiệm vụ cho đơn vị):",
    current: (parent: string) => `Hiện đang thực hiện: ${parent}`,
    line: (n: number, plan: string, tasks: number) => `${n}. ${plan} — ${tasks} nhiệm vụ giao đơn vị`,
    footer:
      "Chọn số để liên kết. Nhiệm vụ «xây dựng kế hoạch thực hiện» được giao sẽ được báo hoàn thành, chờ cấp trên xác nhận.",
    none: "Chưa có kế hoạch cấp trên nào giao nhiệm vụ cho đơn vị của kế hoạch này. Khi cấp trên nhập kế hoạch có giao việc cho đơn vị, gõ lại /lienketkh.",
    noOwnPlan: "Đồng chí chưa quản lý kế hoạch nào để liên kết. Nhập kế hoạch của đơn vị bằng /nhapkh trước, rồi gõ /lienketkh.",
    done: (child: string, parent: string, tasks: number) =>
      `✅ Đã liên kết: ${child} thực hiện ${parent} (${tasks} nhiệm vụ được giao). Cơ quan theo dõi cấp trên sẽ thấy tiến độ kế hoạch này.`,
    refused: {
      cycle:
        "Không liên kết được: kế hoạch được chọn lại đang thực hiện (trực tiếp hay gián tiếp) kế hoạch của đồng chí, liên kết sẽ thành vòng. Chưa có gì thay đổi.",
      wrong_unit:
        "Không liên kết được: kế hoạch được chọn không giao nhiệm vụ nào cho đơn vị ban hành kế hoạch này. Chưa có gì thay đổi.",
      not_in_parent: "Không liên kết được: nhiệm vụ được chọn không thuộc kế hoạch cấp trên. Chưa có gì thay đổi.",
      not_yours: "Chỉ quản trị viên theo dõi kế hoạch của đơn vị mới liên kết được kế hoạch đó. Chưa có gì thay đổi.",
      gone: "Kế hoạch này không còn trong hệ thống. Gõ /lienketkh để xem lại.",
    } as Record<string, string>,
    refusedShort: {
      cycle: "liên kết sẽ thành vòng.",
      wrong_unit: "kế hoạch đó không giao nhiệm vụ cho đơn vị ban hành.",
      not_in_parent: "nhiệm vụ không thuộc kế hoạch đó.",
    } as Record<string, string>,
  },

  /** The office's screens: /tongquan, /donvi, /khdonvi. */
  rollup: {
    overviewLine: (issued: number, units: number, late: number) =>
      `📄 Kế hoạch thực hiện của đơn vị: <b>${issued}/${units}</b> đã ban hành` +
      (late > 0 ? ` · ⚠️ ${late} chưa ban hành, đã quá hạn` : ""),
    button: "📄 Kế hoạch đơn vị",
    header: (plan: string, issued: number, units: number) =>
      `📄 <b>Kế hoạch thực hiện của các đơn vị</b> · ${plan}\n${issued}/${units} đơn vị đã ban hành`,
    headerMissing: (plan: string, missing: number, units: number) =>
      `📄 <b>Đơn vị chưa ban hành kế hoạch thực hiện</b> · ${plan}\n${missing}/${units} đơn vị`,
    issued: (n: number, unit: string, plan: string, date: string | null) =>
      `${n}. ✅ ${unit}: ${plan}${date ? `, ngày ${date}` : ""}`,
    progress: (done: number, tasks: number, onTime: number, overdue: number) =>
      `    Tiến độ: ${done}/${tasks} xong${done > 0 ? ` (đúng hạn ${onTime})` : ""}${overdue > 0 ? ` · 🔴 ${overdue} quá hạn` : ""}`,
    missing: (n: number, unit: string, due: string | null, late: boolean) =>
      `${n}. ${late ? "🔴" : "⬜"} ${unit}: chưa ban hành${due ? ` (hạn ${due}${late ? ", đã quá hạn" : ""})` : ""}`,
    more: (n: number) => `    … và ${n} kế hoạch khác`,
    none: "Kế hoạch chưa giao nhiệm vụ cho đơn vị nào.",
    allIssued: "Mọi đơn vị được giao đều đã ban hành kế hoạch thực hiện. 👍",
    footer: "Chọn số để xem đơn vị.",
    onlyMissing: "⬜ Chỉ đơn vị chưa ban hành",
    all: "📄 Tất cả đơn vị",
    unitIssued: (plan: string, date: string | null) =>
      `📄 Đã ban hành kế hoạch thực hiện: ${plan}${date ? `, ngày ${date}` : ""}`,
    unitProgress: (done: number, tasks: number, onTime: number, overdue: number) =>
      `    ${done}/${tasks} nhiệm vụ xong${done > 0 ? ` (đúng hạn ${onTime})` : ""}${overdue > 0 ? ` · 🔴 ${overdue} quá hạn` : ""}`,
    unitMissing: (due: string | null, late: boolean) =>
      `📄 Chưa ban hành kế hoạch thực hiện${due ? ` (hạn ${due}${late ? ", đã quá hạn" : ""})` : ""}`,
    unitsMark: { issued: "📄", missing: "⬜" },
  },

  /** Chasing: the daily digest and /quahan. */
  chase: {
    header: (n: number) => `📄 <b>Chưa ban hành kế hoạch thực hiện</b> (${n} đơn vị, đã quá hạn):`,
    line: (unit: string, due: string) => `• ${unit}, hạn ${due}`,
    more: (n: number) => `• … và ${n} đơn vị khác (/khdonvi chua)`,
  },

  /** To the parent office: a unit's plan answers its planning task, which waits for confirmation. */
  notice: (unit: string, ref: string, title: string, plan: string) =>
    `📄 <b>${unit}</b> đã ban hành ${plan} để thực hiện nhiệm vụ ${ref}:\n${title}\n\n` +
    "Nhiệm vụ được báo hoàn thành, chờ đồng chí xác nhận. Xác nhận hay trả lại?",

  /** On the planning task's card, for the unit's own people. */
  cardHint:
    "📄 Nhiệm vụ này hoàn thành khi đơn vị ban hành kế hoạch thực hiện và nhập vào hệ thống: quản trị viên gõ /nhapkh rồi gửi tệp kế hoạch (hoặc /lienketkh nếu đã nhập).",
  cardLinked: (plan: string) => `📄 Đơn vị đã ban hành kế hoạch thực hiện: ${plan}`,
  alertHint: "Ban hành kế hoạch thực hiện rồi nhập vào hệ thống (/nhapkh) là hoàn thành nhiệm vụ này.",
} as const;
