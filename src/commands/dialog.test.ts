import {
  DIALOG_READY,
  messageDialogUrl,
  parseDialogMessage,
  showMessageDialog,
  type DialogLike,
  type DialogLog,
  type OfficeForDialog,
} from "./dialog";

const REPORT_TEXT = 'Columns BA:BE hold data: =HYPERLINK("http://x","Contoso & Co")';

type Handler = (arg: { message?: string; origin?: string } | { error?: number }) => void;

/** An Office stand-in that opens dialogs as Office does: the callback gets an AsyncResult. */
function fakeOffice(
  options: { fail?: { code: number; message: string }; throws?: boolean; dialogApi12?: boolean } = {},
) {
  const opened: string[] = [];
  const sentToChild: string[] = [];
  const handlers = new Map<string, Handler>();
  const dialog: DialogLike = {
    addEventHandler: (type, handler) => void handlers.set(String(type), handler),
    messageChild: (message) => void sentToChild.push(message),
    close: () => undefined,
  };
  const office: OfficeForDialog = {
    context: {
      ui: {
        displayDialogAsync(url, _options, callback) {
          if (options.throws) throw new Error("Office.context.ui is not available here");
          opened.push(url);
          setTimeout(() =>
            callback(
              options.fail
                ? { status: "failed", error: options.fail }
                : { status: "succeeded", value: dialog },
            ),
          );
        },
      },
      requirements: {
        isSetSupported: (name, version) =>
          name === "DialogApi" && version === "1.2" && options.dialogApi12 !== false,
      },
    },
    AsyncResultStatus: { Failed: "failed" },
    EventType: { DialogMessageReceived: "DialogMessageReceived", DialogEventReceived: "DialogEventReceived" },
  };
  const fromDialog = (arg: Parameters<Handler>[0]) => handlers.get("DialogMessageReceived")?.(arg);
  const closeByUser = () => handlers.get("DialogEventReceived")?.({ error: 12006 });
  return { office, opened, sentToChild, fromDialog, closeByUser, handlers };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function recordingLog() {
  const lines: { level: string; line: string }[] = [];
  const log: DialogLog = (level, line) => void lines.push({ level, line });
  return { lines, log };
}

describe("ribbon message dialog: the message never travels in the address", () => {
  it("opens a bare URL, sends the message once the dialog is ready, and ends when the dialog closes", async () => {
    const fake = fakeOffice();
    const { log } = recordingLog();
    const url = messageDialogUrl("https://localhost:3000/commands.html?_host_Info=Excel$Win32#x");
    expect(url).toBe("https://localhost:3000/message.html");

    let finished = false;
    const shown = showMessageDialog(
      fake.office,
      url,
      { title: "Clear filters", message: REPORT_TEXT },
      log,
    ).then(() => (finished = true));
    await tick();
    expect(fake.opened).toEqual(["https://localhost:3000/message.html"]);
    expect(fake.opened[0]).not.toContain("Contoso");
    // Nothing is sent before the dialog listens, and stray messages are ignored.
    expect(fake.sentToChild).toEqual([]);
    fake.fromDialog({ message: "hello" });
    expect(fake.sentToChild).toEqual([]);
    fake.fromDialog({ message: DIALOG_READY });
    expect(fake.sentToChild.map(parseDialogMessage)).toEqual([
      { title: "Clear filters", message: REPORT_TEXT },
    ]);

    await tick();
    expect(finished).toBe(false);
    fake.closeByUser();
    await shown;
    expect(finished).toBe(true);
  });

  it("logs the failure with the message when the dialog cannot open, and still finishes", async () => {
    const fake = fakeOffice({ fail: { code: 12007, message: "A dialog box is already open." } });
    const { lines, log } = recordingLog();
    await showMessageDialog(
      fake.office,
      "https://localhost:3000/message.html",
      { title: "Reset sheet", message: "Nothing to reset." },
      log,
    );
    expect(lines).toEqual([
      {
        level: "error",
        line: "Propensity Pane: the message window could not open (12007: A dialog box is already open.). Reset sheet: Nothing to reset.",
      },
    ]);
  });

  it("does not throw when Office cannot open dialogs at all", async () => {
    const fake = fakeOffice({ throws: true });
    const { lines, log } = recordingLog();
    await expect(
      showMessageDialog(fake.office, "https://x/message.html", { title: "T", message: "M" }, log),
    ).resolves.toBeUndefined();
    expect(lines[0].line).toMatch(/could not open \(Office.context.ui is not available here\)\. T: M/);
  });

  it("without DialogApi 1.2 the dialog keeps its built-in text: nothing is sent, the command still ends on close", async () => {
    const fake = fakeOffice({ dialogApi12: false });
    const { log } = recordingLog();
    const shown = showMessageDialog(
      fake.office,
      "https://x/message.html",
      { title: "T", message: REPORT_TEXT },
      log,
    );
    await tick();
    fake.fromDialog({ message: DIALOG_READY });
    expect(fake.sentToChild).toEqual([]);
    fake.closeByUser();
    await expect(shown).resolves.toBeUndefined();
  });
});

describe("parseDialogMessage", () => {
  it("accepts only a title and a message as strings", () => {
    expect(parseDialogMessage('{"title":"A","message":"B"}')).toEqual({ title: "A", message: "B" });
    for (const bad of ["", "null", "{}", '{"title":1,"message":"B"}', "not json", undefined, 7]) {
      expect(parseDialogMessage(bad)).toBeNull();
    }
  });
});
