/**
 * Realistic CloudAscent sample reports for tests, the browser preview and the benchmark:
 * `generateReport` builds what Excel holds after opening a report; `reportToCsv` and
 * `openCsvLikeExcel` move it through CSV text the way Partner Center and Excel do.
 */
export {
  generateReport,
  SAMPLE_LAYOUTS,
  type CanonicalCluster,
  type CellValue,
  type SampleLayout,
  type SampleOptions,
  type SampleReport,
  type SampleTruth,
  type SampleTruthProduct,
  type TruthCluster,
} from "./generate";
export { excelCellValue, excelSerial, openCsvLikeExcel, reportToCsv, type CsvWriteOptions } from "./csv";
