// The task pane's four steps in the browser preview: an accessibility check (axe-core) on every step in
// light and dark at 320 and 450 px, each step's size in the pane, status messages that never cover a
// button, and the whole monthly flow done with the keyboard only. Figures are printed for the README.
import { AxeBuilder } from "@axe-core/playwright";
import { join } from "path";
import type { Page } from "playwright-core";
import { generateReport } from "../../src/preview/sample-report";
import { reportFile } from "../support/reportFiles";
import {
  goToStep,
  openPreview,
  RESULTS,
  selectedStep,
  startPreview,
  waitUntilIdle,
  type Preview,
  type StepId,
} from "./preview";

// A whole flow per test, on a machine that may be busy.
jest.setTimeout(900000);

let preview: Preview;

beforeAll(async () => {
  preview = await startPreview();
});

afterAll(async () => {
  await preview?.close();
});

afterEach(() => {
  expect(preview.foreignRequests).toEqual([]);
});

/** A laptop's Excel window: the task pane is about 820 px tall under the ribbon. */
const VIEWPORT = { width: 1400, height: 900 };
/** What the pane shows of its content in that window: one screen. */
const PANE_HEIGHT = 780;

/** "695 of 780 px (0.89 screens)": how tall the shown step's content is, against the pane. */
async function contentFigure(page: Page): Promise<string> {
  const { content, visible } = await page.getByTestId("pane-body").evaluate((el) => {
    const panel = [...el.querySelectorAll<HTMLElement>('[role="tabpanel"]')].find((p) => !p.hidden);
    const bottom = panel ? panel.getBoundingClientRect().bottom : el.getBoundingClientRect().bottom;
    return {
      content: Math.round(bottom - el.getBoundingClientRect().top + el.scrollTop),
      visible: el.clientHeight,
    };
  });
  return `${content} of ${visible} px (${(content / visible).toFixed(2)} screens)`;
}

/** Loads a CSV into the preview's workbook as Excel would open it (the toolbar's Open CSV…). */
async function loadCsv(page: Page, name: string, text: string): Promise<void> {
  await page
    .getByTestId("csv-input")
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
}

/** Serious and critical axe violations inside the task pane (the preview's toolbar and grid are not the add-in). */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('[data-testid="pane"]')
    // Fluent's focus manager (tabster) puts invisible <i tabindex="0" aria-hidden> sentinels at the edges
    // of the tab list; they hand focus straight on and are never a stop a user lands on (the keyboard test
    // below checks where Tab goes), so axe's aria-hidden-focus rule does not apply to them.
    .exclude("[data-tabster-dummy]")
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} - ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The pane's scroll box: how tall and wide its content is against what it shows. */
async function paneSize(page: Page) {
  return page.getByTestId("pane-body").evaluate((el) => ({
    scrollHeight: el.scrollHeight,
    clientHeight: el.clientHeight,
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }));
}

/** Buttons of the pane that the status (progress or outcome) overlaps, other than its own. */
async function buttonsUnderStatus(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const status = document.querySelector('[data-testid="status"]');
    if (!status) return [];
    const box = status.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('[data-testid="pane"] button')]
      .filter((button) => !status.contains(button) && button.offsetParent !== null)
      .filter((button) => {
        const r = button.getBoundingClientRect();
        return r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top;
      })
      .map((button) => button.getAttribute("data-testid") ?? button.textContent ?? "?");
  });
}

/** Does each step's main action, so the step is checked with its results showing too. */
const STEP_ACTIONS: Record<StepId, ((page: Page) => Promise<void>) | null> = {
  // Report has no action of its own: its folds open, so the notes and cohorts are checked too.
  report: async (page) => {
    await page.getByTestId("more-notes").click();
    await page.getByTestId("notes-list").waitFor();
    await page.getByTestId("fold-cohorts-header").locator("button").click();
    await page.getByTestId("fold-cohorts").locator(".fui-AccordionPanel").first().waitFor();
  },
  focus: async (page) => {
    await page.getByTestId("act-now-evaluate").click();
    await page.getByTestId("showing").waitFor({ timeout: 120000 });
  },
  enrich: async (page) => {
    await page.getByTestId("add-helpers").click();
    await page.getByTestId("helpers-result").waitFor({ timeout: 120000 });
    // The score settings open too: their inputs must be labelled.
    await page.getByTestId("score-settings-header").locator("button").click();
    await page.getByTestId("score-weights").waitFor();
  },
  share: async (page) => {
    await page.getByTestId("build-summaries").click();
    await page.getByTestId("summaries-result").waitFor({ timeout: 120000 });
    await waitUntilIdle(page);
    await page.getByTestId("prepare-sellers").click();
    await page.getByTestId("prepared-result").waitFor({ timeout: 120000 });
  },
};

const STEP_IDS: StepId[] = ["report", "focus", "enrich", "share"];

describe("steps: accessibility, size and status in the preview", () => {
  for (const theme of ["light", "dark"] as const) {
    for (const width of [320, 450]) {
      test(`every step, ${theme}, ${width} px: no serious or critical axe violation, no sideways scrolling`, async () => {
        const page = await openPreview(preview, { theme, width, viewport: VIEWPORT });
        const sizes: string[] = [];
        for (const step of STEP_IDS) {
          await goToStep(page, step);
          const before = await paneSize(page);
          expect(await axeViolations(page)).toEqual([]);
          const act = STEP_ACTIONS[step];
          if (act) {
            await act(page);
            await waitUntilIdle(page);
            // The outcome shows in the flow: no button under it.
            expect(await buttonsUnderStatus(page)).toEqual([]);
            expect(await axeViolations(page)).toEqual([]);
          }
          const after = await paneSize(page);
          expect(after.scrollWidth).toBeLessThanOrEqual(after.clientWidth);
          sizes.push(
            `${step} ${before.scrollHeight}/${before.clientHeight}px` +
              (act ? `, after its action ${after.scrollHeight}px` : ""),
          );
        }
        // The reset confirmation is part of Share.
        await page.getByTestId("reset-sheet").click();
        await page.getByTestId("reset-dialog").waitFor();
        await page.waitForFunction(
          () => getComputedStyle(document.querySelector('[data-testid="reset-dialog"]')!).opacity === "1",
        );
        const dialogResults = await new AxeBuilder({ page })
          .include('[data-testid="reset-dialog"]')
          .analyze();
        expect(
          dialogResults.violations.filter((v) => v.impact === "serious" || v.impact === "critical"),
        ).toEqual([]);
        await page.keyboard.press("Escape");
        console.log(`Pane content height / visible height, ${theme} ${width} px: ${sizes.join("; ")}`);
        await page.close();
      });
    }
  }

  test("each step fits the pane before its action: one screen, Focus at most two", async () => {
    const figures: string[] = [];
    for (const width of [320, 450]) {
      const page = await openPreview(preview, { width, viewport: VIEWPORT });
      for (const step of STEP_IDS) {
        await goToStep(page, step);
        const size = await paneSize(page);
        expect(size.clientHeight).toBe(PANE_HEIGHT);
        const screens = size.scrollHeight / size.clientHeight;
        // Focus holds the filter and its cohorts: it may scroll one screen more.
        expect({ step, width, screens: Math.round(screens * 100) / 100 }).toEqual({
          step,
          width,
          screens: expect.any(Number),
        });
        expect(screens).toBeLessThanOrEqual(step === "focus" ? 2 : 1);
        figures.push(`${step} ${width} px: ${await contentFigure(page)}`);
      }
      await page.close();
    }
    console.log(`Step heights in the pane: ${figures.join("; ")}`);
  });

  for (const theme of ["light", "dark"] as const) {
    test(`the Report step fits one screen, ${theme}: a sheet that is not a report, then after Open report file`, async () => {
      const figures: string[] = [];
      for (const width of [320, 450]) {
        const page = await openPreview(preview, { theme, width, viewport: VIEWPORT });
        // A sheet that is not a report: straight to Report, the file picker first.
        await loadCsv(page, "budget-2026.csv", "Department,Quarter,Budget\r\nMarketing,Q1,120000\r\n");
        await page.getByTestId("refusal").waitFor({ timeout: 120000 });
        await waitUntilIdle(page);
        expect(await selectedStep(page)).toBe("report");
        const picker = page.getByTestId("panel-report").getByLabel("Report file", { exact: true });
        const [firstField] = await page
          .getByTestId("panel-report")
          .locator("input, button")
          .evaluateAll((els) => els.map((el) => el.getAttribute("data-testid")));
        expect(firstField).toBe("report-file");
        let size = await paneSize(page);
        expect(size.scrollHeight).toBeLessThanOrEqual(PANE_HEIGHT);
        expect(await axeViolations(page)).toEqual([]);
        figures.push(`not a report ${width} px: ${await contentFigure(page)}`);

        // Open a report file from there: the new sheet's Report step, the status saying what was opened.
        const report = generateReport({ layout: "renewal", rows: 120, seed: 11, messy: true });
        await picker.setInputFiles({
          name: "CloudAscent renewal.csv",
          mimeType: "text/csv",
          buffer: Buffer.from(reportFile(report, { encoding: "Windows-1252" }).bytes),
        });
        await page.getByTestId("open-report-file").click();
        await page.locator('[data-testid="outcome"][data-status="done"]').waitFor({ timeout: 120000 });
        // The pane moves on to the new report's first step not done (Focus); Report shows it.
        await page.getByTestId("report-summary").waitFor({ state: "attached", timeout: 120000 });
        await waitUntilIdle(page);
        await goToStep(page, "report");
        await expect(page.getByTestId("report-type").textContent()).resolves.toContain("Agreement renewal");
        size = await paneSize(page);
        expect(size.scrollWidth).toBeLessThanOrEqual(size.clientWidth);
        expect(size.scrollHeight).toBeLessThanOrEqual(PANE_HEIGHT);
        expect(await axeViolations(page)).toEqual([]);
        figures.push(`after Open report file ${width} px: ${await contentFigure(page)}`);

        // The whole status message is a click away.
        const more = page.getByTestId("outcome-more");
        if ((await more.count()) > 0) {
          await more.click();
          await expect(more.getAttribute("aria-expanded")).resolves.toBe("true");
          expect(await axeViolations(page)).toEqual([]);
        }
        await page.close();
      }
      console.log(`Report step heights, ${theme}: ${figures.join("; ")}`);
    });
  }

  test("high contrast: the pane uses the high-contrast theme and passes axe on Focus", async () => {
    const page = await openPreview(preview, { theme: "highContrast", width: 320, viewport: VIEWPORT });
    const background = await page.getByTestId("pane").evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe("rgb(0, 0, 0)");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

/** Presses Tab until the element with this test id has focus; returns the test ids passed on the way. */
async function tabTo(page: Page, testId: string, max = 60): Promise<string[]> {
  const passed: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return (
        el?.getAttribute("data-testid") ?? el?.closest("[data-testid]")?.getAttribute("data-testid") ?? ""
      );
    });
    passed.push(focused);
    if (focused === testId) return passed;
  }
  throw new Error(`Tab never reached ${testId}; passed ${passed.join(", ")}`);
}

const focusVisible = (page: Page) =>
  page.evaluate(() => document.activeElement?.hasAttribute("data-fui-focus-visible") ?? false);

describe("keyboard only", () => {
  test("the whole monthly flow, 320 px: steps, filter, helper columns with a weight, prepare, reset", async () => {
    const page = await openPreview(preview, { width: 320, viewport: VIEWPORT });
    // Entering the pane (F6 in Excel) lands on its first control.
    await page.getByTestId("analyze").focus();

    // Tab reaches the steps, on the selected one (Focus: a fresh report).
    await tabTo(page, "step-focus", 3);
    expect(await focusVisible(page)).toBe(true);
    // Arrow keys move between steps, Enter opens one.
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    expect(await selectedStep(page)).toBe("report");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    expect(await selectedStep(page)).toBe("focus");

    // Focus: Show Act now + Evaluate. Focus order goes from the tabs into the step, top to bottom.
    const order = await tabTo(page, "act-now-evaluate");
    expect(order[0]).toBe("panel-focus");
    expect(order).toContain("product-select");
    expect(order.indexOf("product-select")).toBeLessThan(order.indexOf("act-now-evaluate"));
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByTestId("showing").waitFor({ timeout: 120000 });
    await waitUntilIdle(page);
    await expect(page.getByTestId("step-focus").getAttribute("data-done")).resolves.toBe("true");

    // On to Enrich with the step's Continue button: the Enrich tab gets focus.
    await tabTo(page, "continue-focus");
    await page.keyboard.press("Enter");
    expect(await selectedStep(page)).toBe("enrich");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
      "step-enrich",
    );

    // Score settings: open with Enter, raise the cluster band's weight with the arrow key, update.
    await tabTo(page, "score-settings-header");
    await page.keyboard.press("Enter");
    await page.getByTestId("score-weights").waitFor();
    await tabTo(page, "weight-band");
    await page.keyboard.press("ArrowUp");
    await expect(page.getByTestId("weight-band").inputValue()).resolves.toBe("65");
    await tabTo(page, "add-helpers");
    await expect(page.getByTestId("add-helpers").textContent()).resolves.toBe("Update helper columns");
    await page.keyboard.press("Enter");
    await page.locator('[data-testid="outcome"][data-status="done"]').waitFor({ timeout: 120000 });
    await waitUntilIdle(page);
    await expect(page.getByTestId("settings-unsaved").count()).resolves.toBe(0);

    // Share: Prepare for sellers.
    await tabTo(page, "continue-enrich");
    await page.keyboard.press("Enter");
    expect(await selectedStep(page)).toBe("share");
    await tabTo(page, "prepare-sellers");
    await page.keyboard.press("Enter");
    await page.getByTestId("prepared-result").waitFor({ timeout: 120000 });
    await waitUntilIdle(page);
    await expect(page.getByTestId("done-prepared").getAttribute("data-done")).resolves.toBe("true");

    // Reset: the dialog takes focus; Tab stays in it; Enter on Reset confirms.
    await tabTo(page, "reset-sheet");
    await page.keyboard.press("Enter");
    await page.getByTestId("reset-dialog").waitFor();
    const inDialog = await tabTo(page, "reset-confirm", 6);
    expect(
      inDialog.every((id) =>
        ["reset-dialog", "reset-clear-own", "reset-cancel", "reset-confirm"].includes(id),
      ),
    ).toBe(true);
    await page.keyboard.press("Enter");
    await page.locator('[data-testid="outcome"][data-status="done"]').waitFor({ timeout: 120000 });
    await waitUntilIdle(page);
    await expect(page.getByTestId("outcome").textContent()).resolves.toContain("Reset: removed");
    expect(await page.locator('[data-testid="grid"] th[data-helper]').count()).toBe(0);
    await page.screenshot({ path: join(RESULTS, "keyboard-after-reset.png") });
    await page.close();
  });
});
