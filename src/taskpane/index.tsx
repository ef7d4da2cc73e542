// Task pane entry (placeholder until the pane lands).
export {};
const root = document.getElementById("root");
if (root) root.textContent = "Propensity Pane";
