/**
 * Browser preview entry: the real task pane beside the in-memory Excel, loaded with a generated
 * sample report. Never part of the production bundle.
 */
import { createRoot } from "react-dom/client";
import { PreviewApp } from "./workbench/PreviewApp";

const root = document.getElementById("root");
if (root) createRoot(root).render(<PreviewApp />);
