/** Sealed Alibaba Cloud building blocks: each builds only the private, in-region form. */
export * from "./bucket";
export * from "./cluster";
export * from "./egressGuard";
export * from "./keys";
export * from "./network";
export * from "./storage";
