/** @jest-environment jsdom */
import { DIALOG_READY } from "./dialog";
import { listenForMessage, type OfficeInDialog } from "./message";

const ORIGIN = "https://localhost:3000";

function page() {
  document.head.innerHTML = "";
  document.body.innerHTML = '<h1 id="title">Propensity Pane</h1><p id="message"></p>';
}

/** The dialog side of Office: addHandlerAsync registers, messageParent records. */
function dialogOffice(options: { register?: boolean } = {}) {
  const toParent: string[] = [];
  let handler: ((arg: { message?: string; origin?: string }) => void) | undefined;
  const office: OfficeInDialog = {
    context: {
      ui: {
        messageParent: (message) => void toParent.push(message),
        ...(options.register === false
          ? {}
          : {
              addHandlerAsync: (
                _type: unknown,
                h: typeof handler,
                callback?: (r: { status: unknown }) => void,
              ) => {
                handler = h;
                callback?.({ status: "succeeded" });
              },
            }),
      },
    },
    EventType: { DialogParentMessageReceived: "DialogParentMessageReceived" },
    AsyncResultStatus: { Succeeded: "succeeded" },
  };
  return { office, toParent, fromParent: (arg: { message?: string; origin?: string }) => handler?.(arg) };
}

describe("message dialog page", () => {
  it("says it is ready only after it listens, then shows the parent's message as text", () => {
    page();
    const fake = dialogOffice();
    listenForMessage(document, fake.office, ORIGIN);
    expect(fake.toParent).toEqual([DIALOG_READY]);
    const message = '<img src=x onerror="alert(1)"> protected';
    fake.fromParent({ message: JSON.stringify({ title: "Clear filters", message }), origin: ORIGIN });
    expect(document.getElementById("title")!.textContent).toBe("Clear filters");
    expect(document.getElementById("message")!.textContent).toBe(message);
    expect(document.querySelector("img")).toBeNull();
    expect(document.title).toBe("Clear filters");
  });

  it("ignores a message from another origin and anything that is not a message", () => {
    page();
    const fake = dialogOffice();
    listenForMessage(document, fake.office, ORIGIN);
    fake.fromParent({
      message: JSON.stringify({ title: "Evil", message: "x" }),
      origin: "https://evil.example",
    });
    fake.fromParent({ message: "plain text" });
    expect(document.getElementById("title")!.textContent).toBe("Propensity Pane");
    expect(document.getElementById("message")!.textContent).toBe("");
  });

  it("keeps its built-in text on hosts that cannot deliver a message", () => {
    page();
    const fake = dialogOffice({ register: false });
    expect(() => listenForMessage(document, fake.office, ORIGIN)).not.toThrow();
    expect(fake.toParent).toEqual([]);
    expect(document.getElementById("title")!.textContent).toBe("Propensity Pane");
  });

  it("does not read its own address: a message in the query string is not shown", async () => {
    window.history.replaceState(
      null,
      "",
      "/message.html?title=Injected&message=" + encodeURIComponent("report text"),
    );
    page();
    jest.resetModules();
    await import("./message");
    expect(document.getElementById("message")!.textContent).toBe("");
    expect(document.getElementById("title")!.textContent).toBe("Propensity Pane");
  });
});
