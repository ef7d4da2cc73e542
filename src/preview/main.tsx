// Browser preview entry (placeholder until the preview lands).
export {};
const root = document.getElementById("root");
if (root) root.textContent = "Propensity Pane preview";
