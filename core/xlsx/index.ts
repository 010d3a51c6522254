export { buildWorkbook, excelSerial, uniqueSheetNames, type Cell, type Column, type DateCell, type Sheet } from "./workbook";
export { writeZip, type ZipEntry, type ZipOptions } from "./zip";
export { crc32 } from "./crc32";
export { escapeXml } from "./xml";
