/**
 * Every sentence the bot says lives in this folder, one file per feature, so
 * the Vietnamese can be reviewed as a whole. HTML parse mode: callers escape
 * anything that came from a user or a document.
 */
export * from "./common";
export * from "./report";
export * from "./review";
export * from "./extension";
export * from "./history";
export * from "./alerts";
export * from "./import";
export * from "./admin";
export * from "./admin-export";
export * from "./plan-report";
export * from "./units-in-charge";
export * from "./zalo";
export * from "./link";
export * from "./web-login";
export * from "./plan-chain";
