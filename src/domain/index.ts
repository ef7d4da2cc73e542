/** The domain layer's public surface: pure TypeScript, no Office types. */
export * from "./types";
export * from "./values";
export * from "./bands";
export * from "./score";
export * from "./filters";
export * from "./summaries";
export * from "./settings";
export * from "./headers";
export * from "./columns";
export * from "./reportType";
export * from "./layout";
export * from "./analysis";
export * from "./helperColumns";
