/**
 * The browser preview: the real task pane beside a simulated workbook (the in-memory Excel), with
 * a toolbar to load sample reports or a CSV, pick the Excel version and the theme.
 */
import {
  Button,
  Caption1,
  Checkbox,
  Divider,
  FluentProvider,
  makeStyles,
  mergeClasses,
  Select,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ChangeEvent } from "react";
import { createSession, type Session } from "../../actions";
import { App } from "../../taskpane/App";
import { FLUENT_THEMES, type PaneTheme } from "../../taskpane/theme";
import { SAMPLE_LAYOUTS, type SampleLayout } from "../sample-report";
import { Grid } from "./Grid";
import { gridView } from "./gridView";
import {
  csvSource,
  DEFAULT_SAMPLE,
  EXCEL_VERSIONS,
  LAYOUT_LABELS,
  openWorkbook,
  previewHost,
  ROW_CHOICES,
  sampleSource,
  type FakeExcel,
  type SampleChoice,
  type WorkbookSource,
} from "./workbook";

/** Office task panes are 320 px at the narrowest; 350 is the default width; users widen them to 450 and more. */
const PANE_WIDTHS = [320, 350, 450] as const;

const THEME_LABELS: Record<PaneTheme, string> = {
  light: "Light",
  dark: "Dark",
  highContrast: "High contrast",
};

/** ?theme=dark&width=320 open the preview that way (the e2e tests and the screenshot script use it). */
function initialView(): { theme: PaneTheme; width: number } {
  const params = new URLSearchParams(typeof window === "undefined" ? "" : window.location.search);
  const theme = params.get("theme");
  const width = Number(params.get("width"));
  return {
    theme: theme === "dark" || theme === "highContrast" ? theme : "light",
    width: Number.isInteger(width) && width >= 280 && width <= 800 ? width : 350,
  };
}

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    height: "100vh",
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: "10px",
    rowGap: "6px",
    padding: "8px 12px",
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, marginRight: "6px" },
  group: { display: "flex", alignItems: "center", columnGap: "6px" },
  select: { minWidth: "0" },
  stats: {
    marginLeft: "auto",
    color: tokens.colorNeutralForeground3,
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
  },
  body: { display: "flex", flexGrow: 1, minHeight: 0 },
  workbench: {
    display: "flex",
    flexDirection: "column",
    flexGrow: 1,
    minWidth: 0,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  docBar: {
    display: "flex",
    alignItems: "center",
    columnGap: "8px",
    padding: "4px 12px",
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: "nowrap",
    overflow: "hidden",
  },
  docName: { overflow: "hidden", textOverflow: "ellipsis" },
  footer: {
    display: "flex",
    alignItems: "stretch",
    justifyContent: "space-between",
    columnGap: "12px",
    backgroundColor: tokens.colorNeutralBackground2,
    borderTop: `1px solid ${tokens.colorNeutralStroke1}`,
    minHeight: "30px",
  },
  tabs: { display: "flex", overflowX: "auto", minWidth: 0 },
  tab: {
    border: "none",
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    background: "transparent",
    padding: "4px 14px",
    cursor: "pointer",
    color: tokens.colorNeutralForeground2,
    font: "inherit",
    fontSize: tokens.fontSizeBase200,
    whiteSpace: "nowrap",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  activeTab: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    boxShadow: `inset 0 -3px 0 ${tokens.colorBrandStroke1}`,
  },
  note: {
    alignSelf: "center",
    padding: "0 12px",
    color: tokens.colorNeutralForeground3,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  pane: {
    flexShrink: 0,
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  paneTitle: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    padding: "6px 12px",
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  paneBody: { flexGrow: 1, minHeight: 0, overflowY: "auto", overflowX: "hidden" },
  loading: { margin: "auto" },
});

interface OpenDocument {
  source: WorkbookSource;
  fake: FakeExcel;
  session: Session;
  /** Remounts the pane, as Excel does when a workbook opens. */
  key: number;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const number = (n: number) => n.toLocaleString("en-US");

export function PreviewApp() {
  const styles = useStyles();
  const [view0] = useState(initialView);
  const [paneTheme, setPaneTheme] = useState<PaneTheme>(view0.theme);
  const [paneWidth, setPaneWidth] = useState(view0.width);
  // What Office would tell the add-in (light or dark); high contrast comes from the system's colours.
  const theme = useRef<"light" | "dark">("light");
  theme.current = paneTheme === "dark" ? "dark" : "light";
  const [sample, setSample] = useState<SampleChoice>(DEFAULT_SAMPLE);
  const [versionId, setVersionId] = useState(EXCEL_VERSIONS[0].id);
  const [loading, setLoading] = useState<string | null>(null);
  const [revision, redrawNow] = useReducer((n: number) => n + 1, 0);
  const frame = useRef<number | null>(null);
  const nextKey = useRef(1);
  const fileInput = useRef<HTMLInputElement>(null);

  // Many batches per action: redraw the grid at most once a frame.
  const redraw = useCallback(() => {
    if (frame.current !== null) return;
    frame.current = window.requestAnimationFrame(() => {
      frame.current = null;
      redrawNow();
    });
  }, []);

  const open = useCallback(
    (source: WorkbookSource, apiVersion: string): OpenDocument => {
      const fake = openWorkbook(source, apiVersion);
      const host = previewHost(fake, {
        documentName: source.documentName,
        theme: () => theme.current,
        afterRun: redraw,
      });
      return { source, fake, session: createSession(host), key: nextKey.current++ };
    },
    [redraw],
  );

  const [doc, setDoc] = useState<OpenDocument>(() =>
    open(sampleSource(DEFAULT_SAMPLE), EXCEL_VERSIONS[0].apiVersion),
  );

  // Changes made by a sync redraw the grid; reads only move the counters (redrawn after each batch).
  useEffect(() => doc.fake.onChange(redraw), [doc, redraw]);

  const apiVersion = EXCEL_VERSIONS.find((v) => v.id === versionId)?.apiVersion ?? "1.17";

  /** Generating 100,000 rows takes a moment: show a spinner first. */
  const replace = (label: string, make: () => WorkbookSource | null, version = apiVersion) => {
    setLoading(label);
    window.setTimeout(() => {
      try {
        const source = make();
        if (source) setDoc(open(source, version));
      } finally {
        setLoading(null);
      }
    }, 20);
  };

  const loadSample = () => replace("Generating the sample report…", () => sampleSource(sample));

  const openCsv = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setLoading(`Opening ${file.name}…`);
    void file.text().then((text) => replace(`Opening ${file.name}…`, () => csvSource(file.name, text)));
  };

  const changeVersion = (id: string) => {
    setVersionId(id);
    const version = EXCEL_VERSIONS.find((v) => v.id === id)?.apiVersion ?? "1.17";
    replace("Reopening the workbook…", () => doc.source, version);
  };

  const workbook = doc.fake.workbook;
  const active = workbook.activeSheet;
  // `revision` changes whenever the pane's batches change the workbook.
  const view = useMemo(() => gridView(active), [active, revision, doc]);
  const stats = doc.fake.stats;
  const shownRows = view.rows.length;

  return (
    <FluentProvider theme={FLUENT_THEMES[paneTheme]}>
      <div className={styles.page}>
        <div className={styles.toolbar} role="toolbar" aria-label="Preview workbook">
          <Text className={styles.brand}>Propensity Pane preview</Text>
          <div className={styles.group}>
            <Select
              className={styles.select}
              aria-label="Sample layout"
              data-testid="sample-layout"
              value={sample.layout}
              onChange={(_, data) => setSample({ ...sample, layout: data.value as SampleLayout })}
            >
              {SAMPLE_LAYOUTS.map((layout) => (
                <option key={layout} value={layout}>
                  {LAYOUT_LABELS[layout]}
                </option>
              ))}
            </Select>
            <Select
              className={styles.select}
              aria-label="Rows"
              data-testid="sample-rows"
              value={String(sample.rows)}
              onChange={(_, data) => setSample({ ...sample, rows: Number(data.value) })}
            >
              {ROW_CHOICES.map((rows) => (
                <option key={rows} value={rows}>
                  {number(rows)} rows
                </option>
              ))}
            </Select>
            <Checkbox
              label="Messy"
              data-testid="sample-messy"
              checked={sample.messy}
              onChange={(_, data) => setSample({ ...sample, messy: data.checked === true })}
            />
            <Button
              appearance="primary"
              onClick={loadSample}
              disabled={loading !== null}
              data-testid="load-sample"
            >
              Load sample
            </Button>
          </div>
          <Divider vertical style={{ height: "24px", flexGrow: 0 }} />
          <Button
            onClick={() => fileInput.current?.click()}
            disabled={loading !== null}
            data-testid="open-csv"
          >
            Open CSV…
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".csv,text/csv"
            hidden
            onChange={openCsv}
            data-testid="csv-input"
          />
          <Divider vertical style={{ height: "24px", flexGrow: 0 }} />
          <Select
            aria-label="Excel version"
            data-testid="excel-version"
            value={versionId}
            onChange={(_, data) => changeVersion(data.value)}
          >
            {EXCEL_VERSIONS.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </Select>
          <Select
            aria-label="Theme"
            data-testid="theme"
            value={paneTheme}
            onChange={(_, data) => setPaneTheme(data.value as PaneTheme)}
          >
            {(Object.keys(THEME_LABELS) as PaneTheme[]).map((t) => (
              <option key={t} value={t}>
                {THEME_LABELS[t]}
              </option>
            ))}
          </Select>
          <Select
            aria-label="Task pane width"
            data-testid="pane-width"
            value={String(paneWidth)}
            onChange={(_, data) => setPaneWidth(Number(data.value))}
          >
            {[...new Set([...PANE_WIDTHS, paneWidth])].map((w) => (
              <option key={w} value={w}>
                {w} px pane
              </option>
            ))}
          </Select>
          <Caption1 className={styles.stats} data-testid="stats" title="Round trips to Excel and bytes moved">
            {number(stats.syncs)} syncs · {formatBytes(stats.bytesMoved)} moved
          </Caption1>
        </div>

        <div className={styles.body}>
          <section className={styles.workbench} aria-label="Workbook" data-testid="workbench">
            <div className={styles.docBar}>
              <Text size={200} weight="semibold" className={styles.docName} data-testid="document-name">
                {doc.source.documentName}
              </Text>
              <Caption1>· ExcelApi {apiVersion}</Caption1>
              {loading && <Spinner size="extra-tiny" label={loading} />}
            </div>
            {loading && doc.source.rows.length === 0 ? (
              <Spinner className={styles.loading} />
            ) : (
              <Grid view={view} />
            )}
            <div className={styles.footer}>
              <div className={styles.tabs} role="tablist" aria-label="Sheets">
                {workbook.sheets
                  .filter((sheet) => sheet.visibility === "Visible")
                  .map((sheet) => (
                    <button
                      key={sheet.id}
                      role="tab"
                      aria-selected={sheet === active}
                      className={mergeClasses(styles.tab, sheet === active && styles.activeTab)}
                      data-testid="sheet-tab"
                      onClick={() => {
                        workbook.setActive(sheet.name);
                        redrawNow();
                      }}
                    >
                      {sheet.name}
                    </button>
                  ))}
              </div>
              <Caption1 className={styles.note} data-testid="grid-note">
                {view.totalRows === 0
                  ? "Empty sheet"
                  : `Showing rows 1-${number(shownRows)} of ${number(view.totalRows)}` +
                    (view.columns.length < view.totalColumns
                      ? ` · ${view.columns.length} of ${view.totalColumns} columns`
                      : "") +
                    (view.hiddenRowCount > 0
                      ? ` · ${number(view.hiddenRowCount)} rows hidden by filters`
                      : "")}
              </Caption1>
            </div>
          </section>

          <aside
            className={styles.pane}
            style={{ width: `${paneWidth}px` }}
            aria-label="Task pane"
            data-testid="task-pane"
          >
            <div className={styles.paneTitle}>
              <span>Propensity Pane</span>
              <Caption1>Task pane · {paneWidth}px</Caption1>
            </div>
            <div className={styles.paneBody} data-testid="pane-body">
              <App key={doc.key} session={doc.session} />
            </div>
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}
