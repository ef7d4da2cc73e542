// Adds toBeInTheDocument & co. for component tests (jsdom); harmless in node tests.
import "@testing-library/jest-dom";
