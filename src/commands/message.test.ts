/** @jest-environment jsdom */
import { renderMessage } from "./message";

it("shows the message as text, so report content can't inject markup", () => {
  document.head.innerHTML = "";
  document.body.innerHTML = '<h1 id="title"></h1><p id="message"></p>';
  renderMessage(
    document,
    "?title=Clear%20filters&message=" + encodeURIComponent('<img src=x onerror="alert(1)"> protected'),
  );
  expect(document.getElementById("title")!.textContent).toBe("Clear filters");
  expect(document.getElementById("message")!.textContent).toBe('<img src=x onerror="alert(1)"> protected');
  expect(document.querySelector("img")).toBeNull();
});
