/**
 * Reading a delimited text file the user picked (a report, last month's report, a CRM export): bytes
 * to text with the right encoding, then papaparse with the delimiter found in the header line and the
 * first records. Pure: the pane reads the file with FileReader and hands the bytes here.
 */
import Papa from "papaparse";

export type TextEncodingName = "UTF-8" | "UTF-16 LE" | "UTF-16 BE" | "Windows-1252";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** The file started with a byte order mark (removed from `text`). */
  hadBom: boolean;
}

export class TextFileError extends Error {}

/** Bytes that mark a file that is not text: an .xlsx/.zip, a PDF, an old .xls, or NUL bytes in UTF-8. */
function looksBinary(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04))
    return "This is an Excel workbook (.xlsx) or another zip file, not a CSV. Open it in Excel, or save it as CSV first.";
  if (starts(0xd0, 0xcf, 0x11, 0xe0))
    return "This is an old Excel workbook (.xls), not a CSV. Save it as CSV first.";
  if (starts(0x25, 0x50, 0x44, 0x46)) return "This is a PDF, not a CSV file.";
  return null;
}

/**
 * UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and Windows-1252 when the bytes are not valid
 * UTF-8 (TextDecoder with `fatal`, then the fallback). Throws TextFileError for binary files.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return {
      text: new TextDecoder("utf-16le").decode(bytes.subarray(2)),
      encoding: "UTF-16 LE",
      hadBom: true,
    };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return {
      text: new TextDecoder("utf-16be").decode(bytes.subarray(2)),
      encoding: "UTF-16 BE",
      hadBom: true,
    };
  const binary = looksBinary(bytes);
  if (binary) throw new TextFileError(binary);
  const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hadBom ? bytes.subarray(3) : bytes;
  let text: string;
  let encoding: TextEncodingName = "UTF-8";
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    text = decodeWindows1252(body);
    encoding = "Windows-1252";
  }
  if (text.includes("\u0000"))
    throw new TextFileError("This file holds binary data (NUL bytes), so it is not a CSV or text file.");
  return { text, encoding, hadBom };
}

/**
 * Windows-1252's characters for bytes 0x80-0x9F (undefined bytes stay as they are). Node's TextDecoder
 * decodes the "windows-1252" label as ISO-8859-1, which maps these bytes to C1 control characters,
 * while browsers follow the WHATWG table: mapping them here gives the same text everywhere.
 */
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    let text = "";
    for (const byte of chunk)
      text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
    out += text;
  }
  return out;
}

export type Delimiter = "," | ";" | "\t";
const DELIMITERS: readonly Delimiter[] = [",", ";", "\t"];

/** Fields per line for one delimiter, quotes respected, over the first lines. */
function fieldCounts(sample: string, delimiter: Delimiter): number[] {
  const parsed = Papa.parse<string[]>(sample, { delimiter, preview: 20, skipEmptyLines: true });
  return parsed.data.map((row) => row.length);
}

/**
 * The delimiter that splits the header line and the first records into the most fields, consistently.
 * A comma file opened in a semicolon locale and vice versa both come out right.
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: Delimiter = ",";
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const counts = fieldCounts(sample, delimiter);
    if (counts.length === 0) continue;
    // The widest line is the header (title rows above it are narrower); records should match it.
    const widest = Math.max(...counts);
    if (widest < 2) continue;
    const matching = counts.filter((c) => c === widest).length;
    const score = widest * matching;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

export interface DelimitedText {
  /** Every record as text, in file order; blank lines kept as [""] so row numbers match the file. */
  rows: string[][];
  delimiter: Delimiter;
}

/** Parses delimited text; quoted fields may hold delimiters, quotes and line breaks. */
export function parseDelimited(text: string, delimiter: Delimiter = detectDelimiter(text)): DelimitedText {
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const rows = parsed.data;
  // A final line break gives a last record of one empty field: not a row of the file.
  while (rows.length > 0 && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === "") rows.pop();
  return { rows, delimiter };
}

/**
 * The largest file the pane opens. The pane holds the file's bytes, its decoded text (a browser caps
 * one string at about 512 million characters) and every cell of it in memory at once, about five
 * times the file's size, in a task pane whose memory Office limits to a few hundred MB on some
 * platforms. 300 MB is about 200,000 rows of 150 columns, twice the largest reports seen.
 */
export const MAX_TEXT_FILE_BYTES = 300 * 1024 * 1024;

/** Why a file is too large to open, or null when it is not. */
export function fileTooLargeReason(fileName: string, byteCount: number): string | null {
  if (byteCount <= MAX_TEXT_FILE_BYTES) return null;
  const mb = (n: number) => `${Math.round(n / (1024 * 1024)).toLocaleString("en-US")} MB`;
  return (
    `${fileName} is ${mb(byteCount)}, over the ${mb(MAX_TEXT_FILE_BYTES)} the pane can open: it keeps the whole ` +
    "file and every cell in memory while it writes the sheet (about five times the file's size), and the " +
    "task pane has far less memory than Excel. Filter the report in Partner Center, or split the file, and open the parts."
  );
}

/**
 * parseDelimited in chunks of about `chunkChars` characters, awaiting `pause` between chunks so the
 * pane's thread is never busy for long (Excel restarts an add-in that blocks it for 5 s). Quoted
 * fields that span a chunk boundary are kept whole (papaparse carries the partial record over).
 */
export function parseDelimitedInChunks(
  text: string,
  delimiter: Delimiter,
  /** Called between chunks with the characters read so far. */
  pause: (charsRead: number) => Promise<void>,
  chunkChars = 2 * 1024 * 1024,
): Promise<DelimitedText> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    Papa.parse<string[]>(text, {
      delimiter,
      skipEmptyLines: false,
      chunkSize: chunkChars,
      chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        for (const row of results.data) rows.push(row);
        parser.pause();
        pause(results.meta.cursor).then(
          () => parser.resume(),
          (error: unknown) => {
            parser.abort();
            reject(error);
          },
        );
      },
      complete: () => {
        while (rows.length > 0 && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === "")
          rows.pop();
        resolve({ rows, delimiter });
      },
      error: (error: Error) => reject(error),
    });
  });
}
