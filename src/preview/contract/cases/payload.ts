import type { ContractCase } from "../types";

const ROWS = 3000;
/** 3,000 cells of 2,000 characters: about 6 MB in one request, over Excel on the web's 5 MB. */
const LONG = "x".repeat(2000);

/**
 * Excel on the web refuses a request or response over 5 MB (RequestPayloadSizeLimitExceeded,
 * ResponsePayloadSizeLimitExceeded); Windows and Mac document no such limit.
 */
export const payload: ContractCase = {
  id: "payload-limits",
  title: "Request and response payload limits",
  source:
    "https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization",
  members: ["Range.values"],
  async run(c) {
    const request = await c.attempt(async (context, sheet) => {
      sheet.getRange(`A1:A${ROWS}`).values = Array.from({ length: ROWS }, () => [LONG]);
      await context.sync();
      return "written";
    });
    // The same cells written in six smaller requests, then read back in one response.
    const smallWrites = await c.attempt(async (context, sheet) => {
      const step = ROWS / 6;
      for (let start = 0; start < ROWS; start += step) {
        sheet.getRange(`B${start + 1}:B${start + step}`).values = Array.from({ length: step }, () => [LONG]);
        await context.sync();
      }
      return "written";
    });
    const response = await c.attempt(async (context, sheet) => {
      const range = sheet.getRange(`B1:B${ROWS}`).load("values");
      await context.sync();
      return range.values.length;
    });
    return { request, smallWrites, response };
  },
};
