import {
  decodeText,
  detectDelimiter,
  parseDelimited,
  parseDelimitedInChunks,
  TextFileError,
} from "./textFile";

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    out[2 + i * 2 + (bigEndian ? 0 : 1)] = code >> 8;
    out[2 + i * 2 + (bigEndian ? 1 : 0)] = code & 0xff;
  }
  return out;
}

describe("decodeText", () => {
  test("UTF-8 with and without BOM", () => {
    expect(decodeText(utf8("Café,1"))).toEqual({ text: "Café,1", encoding: "UTF-8", hadBom: false });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Café")]);
    expect(decodeText(withBom)).toEqual({ text: "Café", encoding: "UTF-8", hadBom: true });
  });

  test("UTF-16 LE and BE with BOM", () => {
    expect(decodeText(utf16("Zürich;2", false))).toMatchObject({ text: "Zürich;2", encoding: "UTF-16 LE" });
    expect(decodeText(utf16("Zürich;2", true))).toMatchObject({ text: "Zürich;2", encoding: "UTF-16 BE" });
  });

  test("bytes that are not valid UTF-8 are read as Windows-1252", () => {
    // "Café €5" in Windows-1252: é = 0xE9, € = 0x80.
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x35]);
    expect(decodeText(bytes)).toEqual({ text: "Café €5", encoding: "Windows-1252", hadBom: false });
    // Curly quotes and the trade mark sign live in 0x80-0x9F too.
    expect(decodeText(new Uint8Array([0x93, 0x41, 0x94, 0x99])).text).toBe("\u201cA\u201d\u2122");
  });

  test("an .xlsx or a binary file is refused with a reason", () => {
    expect(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toThrow(/\.xlsx/);
    expect(() => decodeText(new Uint8Array([0x41, 0x00, 0x42]))).toThrow(TextFileError);
  });
});

describe("delimiters and quoting", () => {
  test("comma, semicolon and tab are found from the header and first records", () => {
    expect(detectDelimiter("a,b,c\n1,2,3\n")).toBe(",");
    expect(detectDelimiter("a;b;c\n1,5;2;3\n")).toBe(";");
    expect(detectDelimiter("a\tb\tc\n1\t2,5\t3\n")).toBe("\t");
  });

  test("a title row above the header does not decide the delimiter", () => {
    expect(detectDelimiter("Report, November\na;b;c;d\n1;2;3;4\n5;6;7;8\n")).toBe(";");
  });

  test("quoted fields keep delimiters, quotes and line breaks; a final newline adds no row", () => {
    const { rows, delimiter } = parseDelimited('Name,Note\n"Contoso, Ltd","line 1\nline ""2"""\n');
    expect(delimiter).toBe(",");
    expect(rows).toEqual([
      ["Name", "Note"],
      ["Contoso, Ltd", 'line 1\nline "2"'],
    ]);
  });
});

describe("parsing in chunks", () => {
  test("gives the same rows as one parse, with quoted line breaks across chunk boundaries", async () => {
    const lines = ["Name,Note,Id"];
    for (let i = 0; i < 300; i++) lines.push(`"Contoso ${i}, Ltd","line 1\nline ""${i}""",00${i}`);
    const text = lines.join("\r\n") + "\r\n";
    let pauses = 0;
    const chunked = await parseDelimitedInChunks(text, ",", async () => void pauses++, 97);
    expect(chunked).toEqual(parseDelimited(text, ","));
    expect(chunked.rows).toHaveLength(301);
    expect(pauses).toBeGreaterThan(10);
  });
});
