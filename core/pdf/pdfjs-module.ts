/**
 * pdf.js (the serverless build unpdf ships), through vendor/pdfjs.mjs, a link to it in
 * node_modules. wrangler.toml makes this folder the base for additional modules and
 * names that file in a rule, so wrangler uploads pdf.js as a module of its own, loaded
 * when the first PDF arrives, instead of inlining 1.6 MB into every update's bundle.
 * The import must stay this relative path from this folder.
 */
export const loadPdfjs = () => import("./vendor/pdfjs.mjs");
