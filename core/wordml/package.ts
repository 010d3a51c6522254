import { escapeXml, writeZip, type ZipEntry, type ZipOptions } from "../xlsx";
import type { Block } from "./blocks";
import { documentXml, pageNumberHeaderXml, type PageSetup } from "./document";

/**
 * A .docx: the body streamed from its blocks, one font and size for the
 * whole document (the styles' defaults), Vietnamese as its language. The
 * zip and the XML escaping are core/xlsx's.
 */
export interface DocxOptions extends ZipOptions {
  page: PageSetup;
  font: string;
  /** Points. */
  size: number;
  /** Proofing language, e.g. vi-VN. */
  lang: string;
  title?: string;
  /** The page number centred at the top of every page but the first. */
  pageNumbers?: boolean;
}

/** A4 portrait, twips. */
export const A4 = { width: 11906, height: 16838 };

export function buildDocx(blocks: Iterable<Block> | AsyncIterable<Block>, options: DocxOptions): Promise<Uint8Array> {
  function* parts(): Generator<ZipEntry> {
    const numbers = options.pageNumbers ?? false;
    yield { name: "[Content_Types].xml", content: [contentTypes(numbers)] };
    yield { name: "_rels/.rels", content: [rootRels] };
    yield { name: "docProps/core.xml", content: [coreProps(options)] };
    yield { name: "word/_rels/document.xml.rels", content: [documentRels(numbers)] };
    yield { name: "word/styles.xml", content: [styles(options)] };
    yield { name: "word/settings.xml", content: [settings(options.lang)] };
    if (numbers) yield { name: "word/header1.xml", content: [pageNumberHeaderXml] };
    yield { name: "word/document.xml", content: documentXml(blocks, options.page, numbers ? "rId3" : undefined) };
  }
  return writeZip(parts(), options);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const contentTypes = (header: boolean) =>
  `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  (header
    ? '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
    : "") +
  "</Types>";

const rootRels =
  `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  "</Relationships>";

const documentRels = (header: boolean) =>
  `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>' +
  (header
    ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
    : "") +
  "</Relationships>";

function coreProps(o: DocxOptions): string {
  const at = (o.modified ?? new Date()).toISOString().replace(/\.\d+Z$/, "Z");
  return (
    `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(o.title ?? "")}</dc:title><dc:language>${escapeXml(o.lang)}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

function styles(o: DocxOptions): string {
  const font = escapeXml(o.font);
  const half = Math.round(o.size * 2);
  return (
    `${XML}<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
    `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/>` +
    `<w:sz w:val="${half}"/><w:szCs w:val="${half}"/><w:lang w:val="${o.lang}" w:eastAsia="${o.lang}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>' +
    '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>' +
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    "</w:styles>"
  );
}

function settings(lang: string): string {
  return (
    `${XML}<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
    `<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>` +
    `<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
    `<w:themeFontLang w:val="${escapeXml(lang)}"/></w:settings>`
  );
}
