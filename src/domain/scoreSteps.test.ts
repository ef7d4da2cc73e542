import { detectLayout } from "./layout";
import {
  computeHelperRows,
  DEFAULT_SCORE_SETTINGS,
  HELPER_ROWS_PER_STEP,
  helperColumnsNeeded,
  helperRowsInSteps,
} from "./score";
import type { CellValue } from "./types";

it("computes in steps, pausing every HELPER_ROWS_PER_STEP rows, with the same result as in one go", () => {
  const clusters = ["Act Now", "Evaluate", "Nurture", "Educate", ""];
  const rows: CellValue[][] = [
    ["AccountName", "SubSegment", "AzureCluster", "AzureFit", "AzureIntent", "Revenue"],
  ];
  const count = HELPER_ROWS_PER_STEP * 2 + 5;
  for (let i = 0; i < count; i++)
    rows.push([
      `C${i}`,
      i % 3 ? "Small" : "Upper Medium",
      clusters[i % 5],
      (i * 7) % 101,
      (i * 13) % 101,
      i * 10,
    ]);
  const detection = detectLayout(rows.slice(0, 220));
  if (!detection.ok) throw new Error(detection.reason);
  const layout = detection.layout;
  const data = new Map(
    helperColumnsNeeded(layout, DEFAULT_SCORE_SETTINGS).map((c) => [c, rows.slice(1).map((r) => r[c])]),
  );
  const today = new Date(Date.UTC(2026, 10, 24));

  const steps = helperRowsInSteps(layout, data, count, DEFAULT_SCORE_SETTINGS, today);
  const pauses: number[] = [];
  let step = steps.next();
  while (!step.done) {
    pauses.push(step.value);
    step = steps.next();
  }
  // A pause after reading each product's column formats (0 rows done), then three passes over the
  // rows (blank rows, revenue, helper values), each pausing every step.
  const onePass = [HELPER_ROWS_PER_STEP, HELPER_ROWS_PER_STEP * 2];
  expect(pauses).toEqual([...layout.products.map(() => 0), ...onePass, ...onePass, ...onePass]);
  expect(step.value).toEqual(computeHelperRows(layout, data, count, DEFAULT_SCORE_SETTINGS, today));
});
