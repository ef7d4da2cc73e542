/** @jest-environment jsdom */
import { TextDecoder, TextEncoder } from "util";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createSession } from "../../actions";
import { createFakeExcel, type FakeExcel } from "../../preview/fake-excel";
import { generateReport, openCsvLikeExcel, reportToCsv } from "../../preview/sample-report";
import { fileRows, reportFile } from "../../../test/support/reportFiles";
import { TODAY } from "../../../test/support/workbooks";
import { App } from "../App";

// jsdom has no TextDecoder; the pane runs in a browser, which has.
Object.assign(globalThis, { TextDecoder, TextEncoder });

function renderPane(fake: FakeExcel) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App session={createSession(fake, () => TODAY)} />
    </FluentProvider>,
  );
}

function pick(files: File[]): void {
  fireEvent.change(screen.getByLabelText("Report file"), { target: { files } });
}

const wait = { timeout: 20_000 };

describe("Open report file card", () => {
  test("in a blank workbook: pick a file, open it, the new sheet is analysed and the pane says what it did", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet("Sheet1");
    renderPane(fake);
    await screen.findByTestId("refusal", {}, wait);

    const input = screen.getByLabelText("Report file") as HTMLInputElement;
    expect(input.type).toBe("file");
    expect(input.accept).toBe(".csv,.txt,.tsv");
    expect(input.multiple).toBe(true);

    const report = generateReport({ layout: "ai-business", rows: 40, seed: 3 });
    const file = reportFile(report, { encoding: "Windows-1252" });
    pick([new File([file.bytes as Uint8Array<ArrayBuffer>], "ai-business.csv", { type: "text/csv" })]);
    expect(screen.getByTestId("picked-files")).toHaveTextContent("ai-business.csv");
    fireEvent.click(screen.getByRole("button", { name: "Open report file…" }));

    // The pane analysed the new sheet.
    expect(await screen.findByTestId("report-type", {}, wait)).toHaveTextContent("AI Business Solutions");
    expect(screen.queryByTestId("refusal")).toBeNull();
    expect(fake.workbook.activeSheet.name).toMatch(/^AI Business Solutions \d{4}-\d{2}$/);
    // The status above the step says what was opened; the step names the file.
    const outcome = screen.getByTestId("outcome");
    expect(outcome).toHaveAttribute("data-status", "done");
    expect(outcome).toHaveTextContent(
      "Opened 40 customers from ai-business.csv; 5 ID columns kept as text. Read as Windows-1252",
    );
    expect(screen.getByTestId("done-opened")).toHaveTextContent("Opened ai-business.csv");
    // The picker folds away under "Open another report file", so the new report's step fits the pane.
    const fold = screen.getByTestId("fold-open-report-header").querySelector("button")!;
    expect(fold).toHaveTextContent("Open another report file");
    expect(fold).toHaveAttribute("aria-expanded", "false");
  }, 60_000);

  test("a file that is not a report: the reason, and no sheet", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet("Sheet1");
    renderPane(fake);
    await screen.findByTestId("refusal", {}, wait);
    pick([new File(["Name,Email\nAnn,ann@contoso.com\n"], "contacts.csv")]);
    fireEvent.click(screen.getByRole("button", { name: "Open report file…" }));
    const result = await screen.findByTestId("open-report-result", {}, wait);
    expect(result).toHaveAttribute("data-status", "refused");
    expect(result).toHaveTextContent("contacts.csv: This file doesn't look like a CloudAscent report");
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  }, 60_000);

  test("a file over the limit is refused before it is read", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet("Sheet1");
    renderPane(fake);
    await screen.findByTestId("refusal", {}, wait);
    const big = new File(["x"], "huge.csv");
    Object.defineProperty(big, "size", { value: 400 * 1024 * 1024 });
    pick([big]);
    fireEvent.click(screen.getByRole("button", { name: "Open report file…" }));
    expect(await screen.findByTestId("open-report-error")).toHaveTextContent(
      "huge.csv is 400 MB, over the 300 MB the pane can open",
    );
    expect(screen.queryByTestId("open-report-result")).toBeNull();
  }, 60_000);

  test("a report in one column: the pane offers Split into columns, which writes a new sheet", async () => {
    const report = generateReport({ layout: "azure", rows: 30, seed: 6 });
    const damaged = openCsvLikeExcel(reportToCsv(fileRows(report).rows), { listSeparator: ";" });
    const fake = createFakeExcel();
    fake.workbook.addSheet("Report", damaged);
    renderPane(fake);
    expect(await screen.findByTestId("split-offer", {}, wait)).toHaveTextContent("landed in one column");
    fireEvent.click(screen.getByRole("button", { name: "Split into columns" }));
    // The card's own result goes with the refusal once the new sheet is analysed; the status area keeps it.
    await waitFor(
      () =>
        expect(screen.getByTestId("outcome-message")).toHaveTextContent(
          /Split 30 customers into \d+ columns on the new sheet/,
        ),
      wait,
    );
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Report", "Cloud & AI Platform 2026-11"]);
    await waitFor(() => expect(screen.queryByTestId("split-offer")).toBeNull(), wait);
    expect(await screen.findByTestId("report-type", {}, wait)).toHaveTextContent("Cloud & AI Platform");
  }, 60_000);
});
