/**
 * Callback data for inline buttons, one file per feature. Telegram allows 64
 * bytes, so each is a short prefix and ids; every pattern rejects anything
 * else (old or forged data).
 */
export * from "./common";
export * from "./report";
export * from "./flow";
export * from "./alerts";
export * from "./import";
export * from "./admin";
export * from "./plan-report";
export * from "./units-in-charge";
export * from "./plan-chain";
