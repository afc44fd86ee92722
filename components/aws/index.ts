/** Sealed AWS building blocks: every child inherits the one provider the stack passes in. */
export * from "./allowlist";
export * from "./bucket";
export * from "./cluster";
export * from "./egress";
export * from "./flowLog";
export * from "./key";
export * from "./naming";
export * from "./network";
export * from "./policy";
export * from "./validation";
