/**
 * The fast paths of the CRM keys (ids without regexes, plain name cells, domains by tldts getDomain)
 * give what their plain definitions give, on arbitrary text.
 */
import fc from "fast-check";
import { domainKey } from "./crmDomain";
import { idKey } from "./crmMatch";
import { nameText } from "./crmNames";

/** idKey as first written: trim, lower case, braces off, then blanks, zeros and leading zeros. */
function idKeyByDefinition(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) && value !== 0 ? String(value) : null;
  const text = String(value)
    .trim()
    .toLowerCase()
    .replace(/^\{(.*)\}$/, "$1");
  if (!text || text === "#n/a" || text === "n/a" || text === "null" || /^0+$/.test(text)) return null;
  return /^\d+$/.test(text) ? text.replace(/^0+/, "") : text;
}

/** nameText as first written: a HYPERLINK's text, formula-like prefixes and spaces removed. */
function nameTextByDefinition(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "string" ? value : String(value);
  const link = /^=\s*hyperlink\(\s*"[^"]*"\s*[,;]\s*"([^"]*)"\s*\)\s*$/i.exec(text);
  if (link) text = link[1];
  return text.replace(/^[=+\-@\s]+/, "").trim();
}

const idText = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."0123456789abcdefABCDEF-{} \t/#nulNUL".split("")), maxLength: 12 }),
  fc.constantFrom("null", "NULL", "0", "000", "0012", "{ABC-0001}", " 42 ", "#N/A", "n/a", "-", ""),
);

describe("CRM key fast paths", () => {
  it("idKey gives what trimming, folding and the regexes give", () => {
    fc.assert(
      fc.property(fc.oneof(idText, fc.integer(), fc.double()), (value) =>
        expect(idKey(value)).toBe(idKeyByDefinition(value)),
      ),
    );
  });

  it("nameText gives what the prefix and trim regexes give", () => {
    const unit = fc.constantFrom(..."aZ9 =+-@\t\u00a0.,&'\"()HYPERLINKhyperlink;~".split(""));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 14 }), (value) =>
        expect(nameText(value)).toBe(nameTextByDefinition(value)),
      ),
    );
  });

  it.each([
    ["co.uk", null],
    ["com", null],
    ["1.2.3.4", null],
    ["http://10.0.0.1:8080/x", null],
    ["localhost", null],
    ["shop.fabrikam.co.uk", "fabrikam.co.uk"],
    ["user.blogspot.com", "blogspot.com"],
    ["12.com", "12.com"],
  ])("takes the registrable domain of %s as %s", (value, domain) => {
    const key = domainKey(value);
    expect(key.kind === "none" ? null : key.kind === "domain" && key.domain).toBe(domain);
  });
});
