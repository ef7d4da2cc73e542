import { createSession, type Session } from "../../src/actions";
import type { CellValue } from "../../src/domain/types";
import { createFakeExcel, type FakeExcel, type FakeExcelOptions } from "../../src/preview/fake-excel";
import { generateReport, type SampleOptions, type SampleReport } from "../../src/preview/sample-report";

export const TODAY = new Date(Date.UTC(2026, 10, 24));

export interface Loaded {
  fake: FakeExcel;
  session: Session;
  report: SampleReport;
}

/** A workbook whose only sheet, "Report", holds a generated report, and a session over it. */
export function loadSample(sample: SampleOptions, options: FakeExcelOptions = {}): Loaded {
  const report = generateReport(sample);
  const fake = createFakeExcel(options);
  fake.workbook.addSheet("Report", report.rows);
  return { fake, session: createSession(fake, () => TODAY), report };
}

/** A workbook with one sheet of the given rows. */
export function loadRows(
  rows: CellValue[][],
  options: FakeExcelOptions = {},
): { fake: FakeExcel; session: Session } {
  const fake = createFakeExcel(options);
  fake.workbook.addSheet("Sheet1", rows);
  return { fake, session: createSession(fake, () => TODAY) };
}

/** Data rows (below the header) of the truth whose canonical cluster for a product is one of `wanted`. */
export function truthRows(report: SampleReport, productIndex: number, wanted: readonly string[]): number[] {
  const clusters = report.truth.products[productIndex].clusters;
  return clusters.flatMap((cluster, row) => (cluster !== null && wanted.includes(cluster) ? [row] : []));
}
