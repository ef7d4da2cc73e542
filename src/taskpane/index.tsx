// Task pane entry (placeholder until the pane lands).
const root = document.getElementById("root");
if (root) root.textContent = "Propensity Pane";
