import type { Block, Cell } from "./blocks";
import { foldAligned } from "./fold-aligned";
import { type Marker, parseMarker, styleKey } from "./markers";
import { periodHeading } from "./period-heading";
import { classifyHeading, type SectionKind } from "./section-kind";
import { hasTaskHeader } from "./table-columns";

export interface Paragraph {
  text: string;
  order: number;
}

export interface OutlineNode {
  marker: Marker | null;
  /** "IV.2.1"; empty for the root. */
  ref: string;
  /** Paragraph text after the marker. */
  text: string;
  /** Unmarked paragraphs that follow the node's own paragraph. */
  body: Paragraph[];
  children: OutlineNode[];
  parent: OutlineNode | null;
  order: number;
  kind: SectionKind;
  /** The kind came from this node's or an ancestor's heading, not from the default. */
  kindFixed: boolean;
}

export interface PlacedTable {
  rows: Cell[][];
  order: number;
  /** Innermost outline node in force where the table appears. */
  within: OutlineNode;
}

export interface Outline {
  root: OutlineNode;
  tables: PlacedTable[];
}

/**
 * Arranges paragraphs into a tree by their numbering: a marker style already open on the
 * stack closes everything opened after it (a sibling); a new style opens a child. Roman
 * numerals always start a top-level section. The addressee list and signature after
 * "Nơi nhận" are dropped; an appendix ("PHỤ LỤC") after the body starts its own branch.
 */
export function buildOutline(blocks: Block[]): Outline {
  const root = newNode(null, "", "", null, -1, "preamble", false);
  const tables: PlacedTable[] = [];
  let stack: OutlineNode[] = [];
  let closing = false;
  let sawSection = false;
  const top = () => stack[stack.length - 1] ?? root;

  for (const block of blocks) {
    if (block.kind === "table") {
      if (isClosingTable(block.rows)) closing = true;
      // A task table after the signature is an unannounced appendix: keep it.
      else if (!closing || hasTaskHeader(block.rows)) tables.push({ rows: block.rows, order: block.order, within: top() });
      continue;
    }
    const folded = foldAligned(block.text.slice(0, 12));
    if (sawSection && /^phu luc\b/.test(folded) && block.text.length < 40) {
      closing = false;
      const appendix = newNode(null, "PL", block.text, root, block.order, "appendix", true);
      root.children.push(appendix);
      stack = [appendix];
      continue;
    }
    if (closing) continue;
    if (/^noi nhan\b/.test(folded)) {
      closing = true;
      continue;
    }
    const marker = parseMarker(block.text);
    if (!marker) {
      // "* Năm 2030: …" closes the bullets of the period before it: the items after it are the new period's.
      if (periodHeading(block.text)) stack = closeBullets(stack);
      top().body.push({ text: block.text, order: block.order });
      continue;
    }
    if (marker.style === "roman") {
      stack = [];
    } else {
      const key = styleKey(marker);
      const open = stack.findIndex((node) => node.marker !== null && styleKey(node.marker) === key);
      if (open >= 0) stack = stack.slice(0, open);
    }
    stack.push(attach(top(), marker, block.order));
    if (marker.style !== "dash" && marker.style !== "plus") sawSection = true;
  }
  return { root, tables };
}

function closeBullets(stack: OutlineNode[]): OutlineNode[] {
  const bullet = stack.findIndex((node) => node.marker?.style === "dash" || node.marker?.style === "plus");
  return bullet < 0 ? stack : stack.slice(0, bullet);
}

function attach(parent: OutlineNode, marker: Marker, order: number): OutlineNode {
  const heading = classifyHeading(marker.rest);
  const fixed = parent.kindFixed || heading !== null;
  const kind = parent.kindFixed ? parent.kind : (heading ?? (parent.kind === "preamble" ? "content" : parent.kind));
  const node = newNode(marker, refFor(parent, marker), marker.rest, parent, order, kind, fixed);
  parent.children.push(node);
  return node;
}

function refFor(parent: OutlineNode, marker: Marker): string {
  let label = marker.label;
  if (marker.style === "dash" || marker.style === "plus") {
    label = String(parent.children.filter((child) => child.marker?.style === marker.style).length + 1);
  }
  let base = parent.ref;
  const parentLabel = parent.marker?.label ?? "";
  // "3.1" under "3." replaces the "3" rather than repeating it: "II.3.1", not "II.3.3.1".
  if (marker.style === "dotted" && parentLabel !== "" && label.startsWith(`${parentLabel}.`)) {
    base = parent.parent?.ref ?? "";
  }
  return base ? `${base}.${label}` : label;
}

function newNode(
  marker: Marker | null,
  ref: string,
  text: string,
  parent: OutlineNode | null,
  order: number,
  kind: SectionKind,
  kindFixed: boolean,
): OutlineNode {
  return { marker, ref, text, body: [], children: [], parent, order, kind, kindFixed };
}

function isClosingTable(rows: Cell[][]): boolean {
  return rows.some((row) => row.some((cell) => /^noi nhan\b/.test(foldAligned(cell.text.slice(0, 12)))));
}

/** Depth-first, document order. */
export function* walk(node: OutlineNode): Generator<OutlineNode> {
  for (const child of node.children) {
    yield child;
    yield* walk(child);
  }
}
