/**
 * Company names as matching keys: case, accents, punctuation and "&"/"and" folded away, legal forms
 * (Inc, Ltd, GmbH, S.A., B.V., Pty Ltd, ...) taken off the end and kept aside as a legal class, so
 * "Contoso Group, Inc." and "CONTOSO GROUP INCORPORATED" are one name, and a Ltd is not an Inc.
 */

export interface NormalisedName {
  /** Words that name the company, legal form and filler words removed. */
  tokens: string[];
  /** The tokens joined without spaces: the exact-name key ("Fourth Coffee" = "FourthCoffee"). */
  key: string;
  /** Canonical legal form ("ltd", "inc", "gmbh", ...) or null when the name has none. */
  legal: string | null;
}

/** Legal-form words (after dots are removed) and their class; spellings of one form share a class. */
const LEGAL_FORMS: Record<string, string> = {
  inc: "inc",
  incorporated: "inc",
  corp: "corp",
  corporation: "corp",
  llc: "llc",
  lllp: "llp",
  llp: "llp",
  lp: "lp",
  ltd: "ltd",
  limited: "ltd",
  pty: "pty",
  plc: "plc",
  gmbh: "gmbh",
  mbh: "gmbh",
  ag: "ag",
  kg: "kg",
  kgaa: "kg",
  ug: "ug",
  ev: "ev",
  sa: "sa",
  sas: "sas",
  sasu: "sas",
  sarl: "sarl",
  eurl: "sarl",
  sca: "sa",
  bv: "bv",
  bvba: "bv",
  nv: "nv",
  vof: "vof",
  oy: "oy",
  oyj: "oy",
  ab: "ab",
  publ: "ab",
  as: "as",
  asa: "as",
  aps: "aps",
  spa: "spa",
  srl: "srl",
  sl: "sl",
  slu: "sl",
  sau: "sa",
  kk: "kk",
  yk: "kk",
  sro: "sro",
  kft: "kft",
  zrt: "kft",
  doo: "doo",
  sdnbhd: "sdnbhd",
  bhd: "sdnbhd",
  pte: "ltd",
  pvt: "ltd",
  ltda: "ltda",
  cv: "sa",
  sapi: "sa",
};

const LEGAL_FORM_OF = new Map(Object.entries(LEGAL_FORMS));

/**
 * The legal form a word names, by a Map: a word's hash is computed once, and a word Object.prototype
 * has ("constructor", "valueof") is a word of the name, not a legal form.
 */
function legalFormOf(word: string): string | undefined {
  return LEGAL_FORM_OF.get(word);
}

/** Two- and three-word legal forms written with spaces ("S. A.", "Sdn Bhd", "Sp. z o.o."). */
const LEGAL_PHRASES: [string[], string][] = [
  [["sp", "z", "oo"], "spzoo"],
  [["s", "p", "a"], "spa"],
  [["s", "a", "s"], "sas"],
  [["s", "a"], "sa"],
  [["s", "l"], "sl"],
  [["s", "r", "l"], "srl"],
  [["b", "v"], "bv"],
  [["n", "v"], "nv"],
  [["k", "k"], "kk"],
  [["a", "g"], "ag"],
  [["sdn", "bhd"], "sdnbhd"],
  [["pty", "ltd"], "pty"],
  [["pty", "limited"], "pty"],
  [["co", "ltd"], "ltd"],
  [["co", "kg"], "kg"],
  [["co", "inc"], "inc"],
];

/** Words that carry no identity: "The Contoso Group" is "Contoso Group"; "&" and "and" are one. */
const FILLER = new Set(["the", "and", "of", "und", "et", "y"]);

const SPECIAL_LETTERS: Record<string, string> = {
  ß: "ss",
  ø: "o",
  æ: "ae",
  œ: "oe",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

/** Name text as written in a cell: formula-like prefixes and a HYPERLINK wrapper removed. */
export function nameText(value: unknown): string {
  if (value === null || value === undefined) return "";
  // The usual cell starts with a letter or digit and ends in printable ASCII: nothing to remove.
  if (typeof value === "string" && isPlainStart(value.charCodeAt(0))) {
    const last = value.charCodeAt(value.length - 1);
    if (last > 32 && last < 127) return value;
  }
  let text = typeof value === "string" ? value : String(value);
  const link = /^=\s*hyperlink\(\s*"[^"]*"\s*[,;]\s*"([^"]*)"\s*\)\s*$/i.exec(text);
  if (link) text = link[1];
  return text.replace(/^[=+\-@\s]+/, "").trim();
}

function isPlainStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** Accents and special letters folded, "&" as "and", apostrophes and dots joined, other punctuation as spaces. */
function slowFold(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[ßøæœłđðþı]/g, (c) => SPECIAL_LETTERS[c] ?? c)
      .replace(/[&+]/g, " and ")
      .replace(/['\u2019\u2018`\u00b4]/g, "")
      // "S.A." -> "sa", "A. Datum" -> "a datum": a dot joins, the space after it still splits.
      .replace(/\./g, "")
      .replace(/[^a-z0-9]+/g, " ")
      .trim()
  );
}

/** The words of a name, in one pass over plain ASCII text (the usual case); other text is folded first. */
function words(text: string): string[] {
  // eslint-disable-next-line no-control-regex
  const source = (/[^\x00-\x7f]/.test(text) ? slowFold(text) : text).toLowerCase();
  const out: string[] = [];
  // A word is a run of letters, digits and joining marks (. ' `), sliced out whole; the marks are
  // then dropped ("S.A." -> "sa"). The loop runs one past the end to close the last word.
  let start = -1;
  let joined = false;
  for (let i = 0; i <= source.length; i++) {
    const c = i < source.length ? source.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
    } else if (c === 46 || c === 39 || c === 96) {
      if (start < 0) start = i;
      joined = true;
    } else {
      if (start >= 0) {
        const word = joined ? source.slice(start, i).replace(/[.'`]/g, "") : source.slice(start, i);
        if (word) out.push(word);
        start = -1;
        joined = false;
      }
      if (c === 38 || c === 43) out.push("and"); // & +
    }
  }
  // "& Co" is part of a name ("Contoso & Co Ltd" is not "Contoso Ltd"): one word, "andco".
  for (let i = 0; i + 1 < out.length; i++) {
    if (out[i] === "and" && out[i + 1] === "co") out.splice(i, 2, "andco");
  }
  return out;
}

/** The legal phrases by their last word, in LEGAL_PHRASES order. */
const PHRASES_BY_LAST_WORD = new Map<string, [string[], string][]>();
for (const phrase of LEGAL_PHRASES) {
  const last = phrase[0][phrase[0].length - 1];
  PHRASES_BY_LAST_WORD.set(last, [...(PHRASES_BY_LAST_WORD.get(last) ?? []), phrase]);
}

/** tokens[0 .. end) ends with the phrase. */
function endsWith(tokens: readonly string[], end: number, phrase: readonly string[]): boolean {
  if (phrase.length > end) return false;
  const start = end - phrase.length;
  for (let i = 0; i < phrase.length; i++) if (tokens[start + i] !== phrase[i]) return false;
  return true;
}

/** The words that are not filler; the same array when none is. */
function withoutFiller(all: string[]): string[] {
  let i = 0;
  while (i < all.length && !FILLER.has(all[i])) i++;
  if (i === all.length) return all;
  const kept = all.slice(0, i);
  for (i++; i < all.length; i++) if (!FILLER.has(all[i])) kept.push(all[i]);
  return kept;
}

export function normaliseName(value: unknown): NormalisedName {
  const all = words(nameText(value));
  let tokens = withoutFiller(all);
  if (tokens.length === 0) tokens = all;
  let legal: string | null = null;
  // Legal forms come off the end, several in a row ("GmbH & Co. KG"), never the whole name: the
  // name is tokens[0 .. end).
  let end = tokens.length;
  for (;;) {
    const last = tokens[end - 1];
    const phrases = end > 0 ? PHRASES_BY_LAST_WORD.get(last) : undefined;
    const phrase = phrases?.find(
      (candidate) => candidate[0].length < end && endsWith(tokens, end, candidate[0]),
    );
    if (phrase) {
      legal ??= phrase[1];
      end -= phrase[0].length;
      continue;
    }
    const form = end > 1 ? legalFormOf(last) : undefined;
    if (form !== undefined) {
      legal ??= form;
      end--;
      continue;
    }
    // "GmbH & Co. KG": "& Co" after a legal word belongs to the legal form, not to the name.
    if (legal !== null && last === "andco" && end > 2 && legalFormOf(tokens[end - 2]) !== undefined) {
      end -= 2;
      continue;
    }
    // "Co" is a legal word only next to another one ("Co. Ltd", "GmbH & Co").
    if (legal !== null && end > 1 && last === "co") {
      end--;
      continue;
    }
    break;
  }
  if (end < tokens.length) tokens = tokens.slice(0, end);
  return { tokens, key: tokens.join(""), legal };
}

/** Two legal forms that say different entities (a Ltd is not an Inc); an absent form agrees with any. */
export function legalFormsDisagree(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a !== b;
}
