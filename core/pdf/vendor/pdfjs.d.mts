// Types of the linked pdf.js build: the ones unpdf ships for it.
export * from "unpdf/pdfjs";
