export { mm, para, type Block, type Para, type Run, type Table, type TableCell, type TableRow } from "./blocks";
export { A4, buildDocx, type DocxOptions } from "./package";
export type { PageSetup } from "./document";
