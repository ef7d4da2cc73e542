/**
 * Matching report customers to CRM accounts, in Microsoft's documented order: domain, then name,
 * then Customer ID / TPID, then tenant ID. Every exact key is looked at; when two keys point to
 * different accounts the row is a Conflict, never a guess. Only a customer no exact key finds goes
 * to the fuzzy name stage, a token similarity weighted by how rare each word is in the two lists.
 */
import { domainKey } from "./crmDomain";
import { normaliseName } from "./crmNames";

export const CRM_MATCH_KINDS = [
  "Domain",
  "Name",
  "Similar name",
  "Customer ID",
  "TPID",
  "Tenant ID",
  "Not in CRM",
  "Ambiguous",
  "Conflict",
] as const;
export type CrmMatchKind = (typeof CRM_MATCH_KINDS)[number];

/** A similar name scores at least this (0-1) to match; conservative: a wrong owner costs more than a blank. */
export const SIMILAR_NAME_THRESHOLD = 0.85;
/** Similar names below this are shown under "Needs review". */
export const REVIEW_BELOW = 0.9;
/** Two similar names closer than this are Ambiguous rather than the better one. */
const AMBIGUOUS_MARGIN = 0.03;
/**
 * Share of a name's weight its candidate-selecting words carry: more than an account may miss and
 * still score (1 - the lowest score kept), so an account matching none of them cannot reach it.
 */
const PREFIX_SHARE = 1 - (SIMILAR_NAME_THRESHOLD - AMBIGUOUS_MARGIN) + 0.01;
/** Candidate searches through this many postings or more are remembered for the same heavy words. */
const CACHED_SEARCH = 64;
/** Typos are matched only in words this long: shorter ones differ by one letter too often. */
const MIN_TYPO_LENGTH = 5;

/** The CRM export, one array per mapped column (all of one length). */
export interface CrmAccounts {
  count: number;
  name: readonly unknown[];
  website?: readonly unknown[];
  owner?: readonly unknown[];
  accountId?: readonly unknown[];
  msId?: readonly unknown[];
  tenantId?: readonly unknown[];
}

/** The report's identity columns, one value per data row (missing columns absent). */
export interface ReportCustomers {
  count: number;
  name?: readonly unknown[];
  domain?: readonly unknown[];
  customerId?: readonly unknown[];
  tpid?: readonly unknown[];
  tenantId?: readonly unknown[];
}

export interface CrmMatchRow {
  /** null for a blank report row (nothing to match on). */
  kind: CrmMatchKind | null;
  /** Index of the matched CRM account, or -1. */
  account: number;
  /** Similar name: the score, 0-1. */
  score?: number;
  /** Ambiguous / Conflict: the accounts in question. */
  candidates?: number[];
}

export interface CrmMatchResult {
  rows: CrmMatchRow[];
  counts: Record<CrmMatchKind, number>;
  /** CRM account ids found on more than one row: those rows were not used. */
  duplicateIds: string[];
  duplicateRows: number;
  /**
   * TPID / Microsoft customer ids and tenant ids found on more than one (usable) account: those
   * ids were not used for matching (the accounts still match on their other keys).
   */
  duplicateKeys: Record<SharedIdKey, DuplicateKeyIds>;
  /** Accounts used for matching. */
  usableAccounts: number;
  /** Milliseconds spent per phase (pauses at the steps not counted), for the benchmark. */
  phaseMs: CrmPhaseTimes;
}

export type SharedIdKey = "msId" | "tenantId";

export interface DuplicateKeyIds {
  /** The ids, as keys (trimmed, lower case), in the order of the export. */
  ids: string[];
  /** CRM rows carrying one of them. */
  rows: number;
}

export interface CrmPhaseTimes {
  /** CRM names, domains and ids normalised and indexed. */
  accounts: number;
  /** Report names and domains normalised. */
  customers: number;
  /** Word weights from both lists. */
  weights: number;
  /** Exact keys (domain, name, ids) and resolving them, similar names excluded. */
  exact: number;
  /** Similar-name search (typo neighbours, candidates, scores). */
  similarNames: number;
}

/** Shapes of id text that need no trimming or braces off: digits; digits, a-z and "-"; the same with capitals. */
const OTHER_ID = 0;
const DIGITS_ID = 1;
const PLAIN_ID = 2;
const CAPITALS_ID = 3;

function idShape(value: string): number {
  if (value.length === 0) return OTHER_ID;
  let digits = true;
  let capitals = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    digits = false;
    if ((c >= 97 && c <= 122) || c === 45) continue;
    if (c >= 65 && c <= 90) capitals = true;
    else return OTHER_ID;
  }
  return digits ? DIGITS_ID : capitals ? CAPITALS_ID : PLAIN_ID;
}

/** An id as a key: trimmed, lower case, braces off, integers without decimals; blanks and zeros are none. */
export function idKey(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) && value !== 0 ? String(value) : null;
  // Most ids are plain already (GUIDs, numbers as text, CRM ids): one pass over the characters.
  if (typeof value === "string") {
    const shape = idShape(value);
    if (shape === DIGITS_ID) {
      let zeros = 0;
      while (zeros < value.length && value.charCodeAt(zeros) === 48) zeros++;
      return zeros === value.length ? null : zeros ? value.slice(zeros) : value;
    }
    if (shape !== OTHER_ID) {
      // Letters in it (capitals lowered): neither blank nor zeros nor a number.
      const text = shape === CAPITALS_ID ? value.toLowerCase() : value;
      return text === "null" ? null : text;
    }
  }
  const text = String(value)
    .trim()
    .toLowerCase()
    .replace(/^\{(.*)\}$/, "$1");
  if (!text || text === "#n/a" || text === "n/a" || text === "null" || /^0+$/.test(text)) return null;
  return /^\d+$/.test(text) ? text.replace(/^0+/, "") : text;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value.trim() : String(value);
}

/** a from index `from` equals b from index `bFrom` (a.slice(from) === b.slice(bFrom), without the slices). */
function sameRest(a: string, from: number, b: string, bFrom: number): boolean {
  const n = Math.max(0, a.length - from);
  if (n !== Math.max(0, b.length - bFrom)) return false;
  for (let k = 0; k < n; k++) if (a.charCodeAt(from + k) !== b.charCodeAt(bFrom + k)) return false;
  return true;
}

/** Damerau (adjacent transposition) edit distance of at most one. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    if (sameRest(a, i + 1, b, i + 1)) return true; // substitution
    // transposition (past the end, charCodeAt gives NaN, equal to nothing)
    return (
      a.charCodeAt(i) === b.charCodeAt(i + 1) &&
      a.charCodeAt(i + 1) === b.charCodeAt(i) &&
      sameRest(a, i + 2, b, i + 2)
    );
  }
  return la > lb ? sameRest(a, i + 1, b, i) : sameRest(a, i, b, i + 1);
}

/** Similarity of two words one edit apart: longer words lose less to one slip. */
function typoSimilarity(a: string, b: string): number {
  return 1 - 0.5 / Math.max(a.length, b.length);
}

/**
 * One-deletion variants of the account words, as 32-bit hashes in a bucketed table (no substring
 * is built): a word and each of its deletions is one entry. A customer word looks up its own hash
 * and its deletions' (symmetric deletions find every word one edit away); a hash collision is
 * harmless, as every hit is checked with withinOneEdit.
 */
interface TypoTable {
  keys: Int32Array;
  ids: Int32Array;
  /** Bucket b holds entries starts[b] .. starts[b + 1] - 1. */
  starts: Int32Array;
  mask: number;
  scratch: Int32Array;
}

const HASH_BASE = 0x01000193;

function finalHash(h: number, length: number): number {
  h = (h + Math.imul(length, 0x9e3779b1)) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Hashes of a word (index 0) and of the word without letter i (index i + 1); `out` is reused. */
function deletionHashes(word: string, out: Int32Array): Int32Array {
  const n = word.length;
  if (out.length < 2 * (n + 2)) out = new Int32Array(4 * (n + 2));
  // prefix[i] = hash of word[0..i), power[i] = HASH_BASE^i, both in the second half of `out`.
  const prefix = n + 1;
  let power = 1;
  out[prefix] = 0;
  for (let i = 0; i < n; i++)
    out[prefix + i + 1] = (Math.imul(out[prefix + i], HASH_BASE) + word.charCodeAt(i)) | 0;
  const whole = out[prefix + n];
  // From the end: deleting letter i joins word[0..i) x B^(n-1-i) and the rest's hash.
  for (let i = n - 1; i >= 0; i--) {
    const rest = (whole - Math.imul(out[prefix + i + 1], power)) | 0;
    out[i + 1] = finalHash((Math.imul(out[prefix + i], power) + rest) | 0, n - 1);
    power = Math.imul(power, HASH_BASE);
  }
  out[0] = finalHash(whole, n);
  return out;
}

function buildTypoTable(words: readonly string[], vocabulary: number): TypoTable {
  let entries = 0;
  for (let id = 0; id < vocabulary; id++)
    if (words[id].length >= MIN_TYPO_LENGTH) entries += words[id].length + 1;
  // About four entries a bucket: the counting arrays stay small enough for the cache.
  let buckets = 1;
  while (buckets * 4 < entries) buckets *= 2;
  const mask = buckets - 1;
  // Hash every word and deletion once, then place the entries by bucket (a counting sort).
  const hashes = new Int32Array(entries);
  const owners = new Int32Array(entries);
  const starts = new Int32Array(buckets + 1);
  let scratch: Int32Array = new Int32Array(64);
  let e = 0;
  for (let id = 0; id < vocabulary; id++) {
    const word = words[id];
    if (word.length < MIN_TYPO_LENGTH) continue;
    scratch = deletionHashes(word, scratch);
    for (let h = 0; h <= word.length; h++, e++) {
      hashes[e] = scratch[h];
      owners[e] = id;
      starts[(scratch[h] & mask) + 1]++;
    }
  }
  for (let b = 0; b < buckets; b++) starts[b + 1] += starts[b];
  const next = starts.slice(0, buckets);
  const keys = new Int32Array(entries);
  const ids = new Int32Array(entries);
  for (let i = 0; i < entries; i++) {
    const slot = next[hashes[i] & mask]++;
    keys[slot] = hashes[i];
    ids[slot] = owners[i];
  }
  return { keys, ids, starts, mask, scratch };
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else map.set(key, [value]);
}

/** The same, for lists by id (ids given out in order, so the array stays mostly packed). */
function pushAt(lists: number[][], id: number, value: number): void {
  const list = lists[id];
  if (list === undefined) lists[id] = [value];
  else if (list[list.length - 1] !== value) list.push(value);
}

/** A growing list of 32-bit integers: one typed array instead of an object or array per item. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** A growing list of doubles. */
class FloatList {
  data = new Float64Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

interface Evidence {
  kind: CrmMatchKind;
  accounts: readonly number[];
}

const NO_ACCOUNTS: readonly number[] = Object.freeze([]);
const NO_MATCHES = NO_ACCOUNTS as number[];

/**
 * Lookup tables over the CRM accounts, built once per run. Names, domains and words are kept as
 * ids in typed arrays (per account, per report row), not as objects per row: 150,000 rows of
 * objects cost more in garbage collection than the matching itself.
 */
export class CrmIndex {
  readonly usable: Uint8Array;
  readonly duplicateIds: string[] = [];
  duplicateRows = 0;
  duplicateKeys: Record<SharedIdKey, DuplicateKeyIds> = {
    msId: { ids: [], rows: 0 },
    tenantId: { ids: [], rows: 0 },
  };
  /** Candidates of heavy-word sets with long postings ("Northwind Health" + another word): report names share them. */
  private readonly candidateCache = new Map<string, number[]>();
  /** Time spent in similarNames, for the benchmark's phase times. */
  similarNamesMs = 0;
  /** Normalised-name keys as ids ("" has none: -1), the accounts' first, then the report's. */
  private readonly keyIds = new Map<string, number>();
  /** Legal forms as small numbers, 0 for none. */
  private readonly legalCodes = new Map<string, number>();
  /** Per account: its name's key id and legal form code. */
  private readonly accountKey: Int32Array;
  private readonly accountLegal: Uint8Array;
  /** Usable accounts per name key id. */
  private readonly byName: number[][] = [];
  /** Registrable domains of usable accounts as ids, and the accounts per domain id. */
  private readonly domainIds = new Map<string, number>();
  private readonly byDomain: number[][] = [];
  private readonly byMsId = new Map<string, number[]>();
  private readonly byTenant = new Map<string, number[]>();
  // Fuzzy stage: words of the accounts as ids, postings per word, one-deletion variants of words.
  private readonly vocabulary = new Map<string, number>();
  private readonly words: string[] = [];
  /** Accounts holding word w (usable ones, each once): postingAccounts[postingStart[w] .. postingStart[w + 1]). */
  private postingStart = new Int32Array(1);
  private postingAccounts = new Int32Array(0);
  /** Word ids of account a's name: accountWordIds[accountStart[a] .. accountStart[a + 1]); flat, for the cache. */
  private accountStart = new Int32Array(1);
  private accountWordIds: Int32Array = new Int32Array(0);
  /** Account words below this id (customer-only words come after): the words typos can match. */
  private accountVocabulary = 0;
  private typoTable: TypoTable | null = null;
  /** The query of the row being matched (see query). */
  private current: NameQuery | null = null;
  /** Per account: the last query that looked at it (dedupes candidates without a Set). */
  private seen = new Int32Array(0);
  private queryStamp = 0;
  /** Per word: which of the current query's heavy words it stands for (0 outside a search). */
  private wordMask = new Int32Array(0);
  /**
   * Customer words repeat ("Group", "Contoso"): their typo neighbours are looked up once, by word
   * id, into flat lists: word w's are neighbourIds[neighbourStart[w] .. neighbourEnd[w]) with their
   * similarity in neighbourSims; neighbourStart[w] is -1 until looked up.
   */
  private neighbourStart = new Int32Array(0);
  private neighbourEnd = new Int32Array(0);
  private readonly neighbourIds = new IntList();
  private readonly neighbourSims = new FloatList();
  /** Per customer row: its name's word ids, key id, legal form code and domain id (-1: none an account has). */
  private customerStart = new Int32Array(1);
  private customerWordIds: Int32Array = new Int32Array(0);
  private customerKey = new Int32Array(0);
  private customerLegal = new Uint8Array(0);
  private customerDomain = new Int32Array(0);
  /** Report rows per name key id and per domain id. */
  private reportNameCount = new Int32Array(0);
  private reportDomainCount = new Int32Array(0);
  private wordWeights = new Float64Array(0);
  private accountWeights = new Float64Array(0);

  constructor(readonly accounts: CrmAccounts) {
    const { count } = accounts;
    this.usable = new Uint8Array(count).fill(1);
    this.accountKey = new Int32Array(count);
    this.accountLegal = new Uint8Array(count);
    if (accounts.accountId) this.dropDuplicateIds(accounts.accountId);
    const accountStart = new Int32Array(count + 1);
    const wordIds = new IntList(4 * count + 16);
    for (let a = 0; a < count; a++) {
      const name = normaliseName(accounts.name[a]);
      for (const token of name.tokens) wordIds.push(this.wordId(token));
      accountStart[a + 1] = wordIds.length;
      this.accountKey[a] = this.keyId(name.key);
      this.accountLegal[a] = this.legalCode(name.legal);
      if (!this.usable[a]) continue;
      if (name.key) pushAt(this.byName, this.accountKey[a], a);
      const domain = domainKey(accounts.website?.[a]);
      if (domain.kind === "domain") pushAt(this.byDomain, this.domainId(domain.domain), a);
      const msId = idKey(accounts.msId?.[a]);
      if (msId) push(this.byMsId, msId, a);
      const tenant = idKey(accounts.tenantId?.[a]);
      if (tenant) push(this.byTenant, tenant, a);
    }
    this.duplicateKeys = { msId: dropSharedIds(this.byMsId), tenantId: dropSharedIds(this.byTenant) };
    this.accountVocabulary = this.words.length;
    this.accountStart = accountStart;
    this.accountWordIds = wordIds.toArray();
    this.buildPostings();
  }

  /** Postings of the usable accounts' words, a word counted once per account (two passes: count, place). */
  private buildPostings(): void {
    const { accountStart, accountWordIds } = this;
    const start = new Int32Array(this.accountVocabulary + 2);
    const last = new Int32Array(this.accountVocabulary).fill(-1);
    for (let pass = 0; pass < 2; pass++) {
      last.fill(-1);
      for (let a = 0; a < this.accounts.count; a++) {
        if (!this.usable[a]) continue;
        for (let k = accountStart[a]; k < accountStart[a + 1]; k++) {
          const w = accountWordIds[k];
          if (last[w] === a) continue;
          last[w] = a;
          if (pass === 0) start[w + 2]++;
          else this.postingAccounts[start[w + 1]++] = a;
        }
      }
      if (pass === 0) {
        for (let w = 0; w < this.accountVocabulary; w++) start[w + 2] += start[w + 1];
        this.postingAccounts = new Int32Array(start[this.accountVocabulary + 1]);
      }
    }
    // The placing pass moved start[w + 1] to where word w's list begins: start[w] .. start[w + 1].
    this.postingStart = start.subarray(0, this.accountVocabulary + 1);
  }

  /** Number of usable accounts holding the word (customer-only words: none). */
  private postingCount(word: number): number {
    return word < this.accountVocabulary ? this.postingStart[word + 1] - this.postingStart[word] : 0;
  }

  get usableCount(): number {
    let n = 0;
    for (const u of this.usable) n += u;
    return n;
  }

  private dropDuplicateIds(ids: readonly unknown[]): void {
    const seen = new Map<string, number>();
    const keys = new Array<string | null>(this.accounts.count);
    for (let a = 0; a < this.accounts.count; a++) {
      const id = (keys[a] = idKey(ids[a]));
      if (id) seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    for (let a = 0; a < this.accounts.count; a++) {
      const id = keys[a];
      if (id && seen.get(id)! > 1) {
        this.usable[a] = 0;
        this.duplicateRows++;
      }
    }
    for (const [id, n] of seen) if (n > 1) this.duplicateIds.push(text(id));
  }

  private wordId(token: string): number {
    let id = this.vocabulary.get(token);
    if (id === undefined) {
      id = this.words.length;
      this.vocabulary.set(token, id);
      this.words.push(token);
    }
    return id;
  }

  private keyId(key: string): number {
    if (!key) return -1;
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keyIds.size;
      this.keyIds.set(key, id);
    }
    return id;
  }

  private legalCode(legal: string | null): number {
    if (legal === null) return 0;
    let code = this.legalCodes.get(legal);
    if (code === undefined) {
      code = this.legalCodes.size + 1;
      this.legalCodes.set(legal, code);
    }
    return code;
  }

  private domainId(domain: string): number {
    let id = this.domainIds.get(domain);
    if (id === undefined) {
      id = this.domainIds.size;
      this.domainIds.set(domain, id);
    }
    return id;
  }

  /**
   * The report's names and domains, normalised once: word ids, name key, legal form and the
   * domain's id when an account has that domain (other domains find nothing).
   */
  addCustomers(customers: ReportCustomers): void {
    const n = customers.count;
    const customerStart = new Int32Array(n + 1);
    const customerWordIds = new IntList(4 * n + 16);
    this.customerKey = new Int32Array(n);
    this.customerLegal = new Uint8Array(n);
    this.customerDomain = new Int32Array(n);
    for (let r = 0; r < n; r++) {
      const name = normaliseName(customers.name?.[r]);
      for (const token of name.tokens) customerWordIds.push(this.wordId(token));
      customerStart[r + 1] = customerWordIds.length;
      this.customerKey[r] = this.keyId(name.key);
      this.customerLegal[r] = this.legalCode(name.legal);
      const domain = domainKey(customers.domain?.[r]);
      this.customerDomain[r] = domain.kind === "domain" ? (this.domainIds.get(domain.domain) ?? -1) : -1;
    }
    this.customerStart = customerStart;
    this.customerWordIds = customerWordIds.toArray();
    this.reportNameCount = new Int32Array(this.keyIds.size);
    this.reportDomainCount = new Int32Array(this.domainIds.size);
    for (let r = 0; r < n; r++) {
      if (this.customerKey[r] >= 0) this.reportNameCount[this.customerKey[r]]++;
      if (this.customerDomain[r] >= 0) this.reportDomainCount[this.customerDomain[r]]++;
    }
  }

  /** The report row's name has words. */
  hasName(row: number): boolean {
    return this.customerKey[row] >= 0;
  }

  /**
   * Word weights come from both lists: a word in many names ("Group") weighs little. Called after
   * addCustomers.
   */
  setWeights(): void {
    const vocabulary = this.words.length;
    // Document frequency per word id, each name counted once per word (a stamp instead of a Set).
    const df = new Int32Array(vocabulary);
    const lastDocument = new Int32Array(vocabulary).fill(-1);
    let document = 0;
    const add = (words: Int32Array, from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const w = words[i];
        if (lastDocument[w] === document) continue;
        lastDocument[w] = document;
        df[w]++;
      }
      document++;
    };
    for (let a = 0; a < this.accounts.count; a++)
      if (this.usable[a]) add(this.accountWordIds, this.accountStart[a], this.accountStart[a + 1]);
    const rows = this.customerKey.length;
    for (let r = 0; r < rows; r++)
      add(this.customerWordIds, this.customerStart[r], this.customerStart[r + 1]);
    const documents = this.usableCount + rows;
    // A word no usable name holds counts as once seen, as a word of neither list would.
    this.wordWeights = new Float64Array(vocabulary);
    for (let w = 0; w < vocabulary; w++) this.wordWeights[w] = Math.log(1 + documents / (df[w] || 1));
    this.neighbourStart = new Int32Array(vocabulary).fill(-1);
    this.neighbourEnd = new Int32Array(vocabulary);
    this.seen = new Int32Array(this.accounts.count);
    this.wordMask = new Int32Array(vocabulary);
    this.accountWeights = new Float64Array(this.accounts.count);
    for (let a = 0; a < this.accounts.count; a++) {
      let sum = 0;
      for (let k = this.accountStart[a]; k < this.accountStart[a + 1]; k++)
        sum += this.wordWeights[this.accountWordIds[k]];
      this.accountWeights[a] = sum;
    }
  }

  /**
   * The account carries the customer's normalised name, legal forms agreeing: a Ltd is not an Inc,
   * and when several report customers share the name only the legal form tells them apart, so it
   * must be the same.
   */
  private exactNameAgrees(query: NameQuery, account: number): boolean {
    if (query.key < 0 || query.key !== this.accountKey[account]) return false;
    return this.legalFormsFit(query, account);
  }

  /** Several report customers have this name. */
  private sharedName(query: NameQuery): boolean {
    query.sharedName ??= query.key >= 0 && this.reportNameCount[query.key] > 1;
    return query.sharedName;
  }

  /**
   * Legal forms agree (an absent form agrees with any; see legalFormsDisagree); when several report
   * customers share the name, they must be the same.
   */
  private legalFormsFit(query: NameQuery, account: number): boolean {
    const other = this.accountLegal[account];
    if (this.sharedName(query)) return query.legal === other;
    return query.legal === 0 || other === 0 || query.legal === other;
  }

  /** Accounts whose normalised name is the customer's; the same legal form preferred when there is one. */
  sameName(query: NameQuery): number[] {
    const byName = query.key >= 0 ? this.byName[query.key] : undefined;
    if (!byName) return NO_MATCHES;
    // The usual case, one account of that name: it, or none (as the filters below would say).
    if (byName.length === 1) return this.exactNameAgrees(query, byName[0]) ? byName : NO_MATCHES;
    const agreeing = byName.filter((a) => this.exactNameAgrees(query, a));
    const sameForm = agreeing.filter((a) => this.accountLegal[a] === query.legal);
    return sameForm.length ? sameForm : agreeing;
  }

  /** The account's name is the customer's, or similar enough to match on its own. */
  namesAgree(query: NameQuery, account: number): boolean {
    if (query.key >= 0 && query.key === this.accountKey[account]) return this.exactNameAgrees(query, account);
    return this.score(query, account, SIMILAR_NAME_THRESHOLD) >= SIMILAR_NAME_THRESHOLD;
  }

  /** The exact keys of one customer, in the documented order; only keys that found accounts. */
  evidence(
    query: NameQuery,
    customer: { customerId: unknown; tpid: unknown; tenantId: unknown },
  ): Evidence[] {
    const found: Evidence[] = [];
    const domain = this.customerDomain[query.row];
    if (domain >= 0) {
      let accounts: readonly number[] = this.byDomain[domain] ?? NO_ACCOUNTS;
      // A domain several report customers share (a group's subsidiaries) identifies none of them
      // alone: only its accounts whose name agrees count.
      if (this.reportDomainCount[domain] > 1) accounts = accounts.filter((a) => this.namesAgree(query, a));
      if (accounts.length) found.push({ kind: "Domain", accounts });
    }
    const byName = this.sameName(query);
    if (byName.length) found.push({ kind: "Name", accounts: byName });
    const customerId = idKey(customer.customerId);
    const byCustomerId = customerId ? this.byMsId.get(customerId) : undefined;
    if (byCustomerId) found.push({ kind: "Customer ID", accounts: byCustomerId });
    const tpid = idKey(customer.tpid);
    const byTpid = tpid && tpid !== customerId ? this.byMsId.get(tpid) : undefined;
    if (byTpid) found.push({ kind: "TPID", accounts: byTpid });
    const tenant = idKey(customer.tenantId);
    const byTenant = tenant ? this.byTenant.get(tenant) : undefined;
    if (byTenant) found.push({ kind: "Tenant ID", accounts: byTenant });
    return found;
  }

  private ensureTypoTable(): TypoTable {
    this.typoTable ??= buildTypoTable(this.words, this.accountVocabulary);
    return this.typoTable;
  }

  /** Account words one edit from a customer word (symmetric deletions, then checked), with their similarity. */
  private typoNeighbours(wordId: number): void {
    if (this.neighbourStart[wordId] >= 0) return;
    const out = this.neighbourIds;
    const from = out.length;
    this.neighbourStart[wordId] = from;
    this.neighbourEnd[wordId] = from;
    const token = this.words[wordId];
    if (token.length < MIN_TYPO_LENGTH) return;
    const table = this.ensureTypoTable();
    const { keys, ids, starts, mask } = table;
    const hashes = (table.scratch = deletionHashes(token, table.scratch));
    for (let h = 0; h <= token.length; h++) {
      const key = hashes[h];
      const bucket = key & mask;
      for (let e = starts[bucket]; e < starts[bucket + 1]; e++) {
        if (keys[e] !== key) continue;
        const id = ids[e];
        const word = this.words[id];
        if (word === token || !withinOneEdit(word, token)) continue;
        let known = false;
        for (let k = from; k < out.length && !known; k++) known = out.data[k] === id;
        if (known) continue;
        out.push(id);
        this.neighbourSims.push(typoSimilarity(word, token));
      }
    }
    this.neighbourEnd[wordId] = out.length;
  }

  /**
   * A customer's name ready to be compared (`row`: its row in the report given to addCustomers);
   * its typo neighbours are looked up only when needed. Rows are matched one at a time, so every
   * call fills and returns the same object: a query is valid until the next call.
   */
  query(row: number): NameQuery {
    const first = this.customerStart[row];
    const n = this.customerStart[row + 1] - first;
    let query = this.current;
    if (!query || query.weights.length < n) {
      const capacity = Math.max(16, 2 * n);
      query = this.current = {
        row: 0,
        key: -1,
        legal: 0,
        length: 0,
        weights: new Float64Array(capacity),
        order: new Int32Array(capacity),
        exactIds: new Int32Array(capacity),
        total: 0,
        neighbours: false,
        sharedName: null,
      };
    }
    const { weights, order, exactIds } = query;
    let total = 0;
    for (let i = 0; i < n; i++) {
      exactIds[i] = this.customerWordIds[first + i];
      weights[i] = this.wordWeights[exactIds[i]];
      total += weights[i];
      // Insertion sort, heaviest first, ties in word order (names have a handful of words).
      let k = i;
      while (k > 0 && weights[order[k - 1]] < weights[i]) {
        order[k] = order[k - 1];
        k--;
      }
      order[k] = i;
    }
    query.row = row;
    query.key = this.customerKey[row];
    query.legal = this.customerLegal[row];
    query.length = n;
    query.total = total;
    query.neighbours = false;
    query.sharedName = null;
    return query;
  }

  private neighboursOf(query: NameQuery): void {
    if (query.neighbours) return;
    for (let i = 0; i < query.length; i++) this.typoNeighbours(query.exactIds[i]);
    query.neighbours = true;
  }

  /**
   * Weighted Jaccard similarity of a customer's name and an account's, over words matched one to
   * one; a word one typo away counts as most of a match and weighs as the customer's word. An
   * extra word on either side costs its full weight. Words are tried heaviest first, and the
   * comparison stops once the unmatched weight rules the threshold out.
   */
  score(query: NameQuery, account: number, threshold = 0): number {
    const words = this.accountWordIds;
    const first = this.accountStart[account];
    const length = this.accountStart[account + 1] - first;
    const { order, weights, total, exactIds } = query;
    if (length === 0 || query.length === 0) return 0;
    if (!this.legalFormsFit(query, account)) return 0;
    this.neighboursOf(query);
    const { neighbourStart, neighbourEnd } = this;
    const nearIds = this.neighbourIds.data;
    const nearSims = this.neighbourSims.data;
    // J >= t needs the customer's unmatched weight <= (1 - t) x its total.
    const allowedMiss = (1 - threshold) * total + 1e-9;
    let used = 0; // bit j: account word j is taken (names have far fewer than 31 words)
    let matched = 0;
    let missed = 0;
    let accountWeight = this.accountWeights[account];
    for (let o = 0; o < query.length; o++) {
      const i = order[o];
      let best = 0;
      let bestJ = -1;
      const exact = exactIds[i];
      const nearFrom = neighbourStart[exact];
      const nearTo = neighbourEnd[exact];
      for (let j = 0; j < length && j < 31; j++) {
        if (used & (1 << j)) continue;
        const word = words[first + j];
        let s = 0;
        if (word === exact) s = 1;
        else
          for (let k = nearFrom; k < nearTo; k++)
            if (nearIds[k] === word) {
              s = nearSims[k];
              break;
            }
        if (s > best) {
          best = s;
          bestJ = j;
        }
      }
      if (bestJ >= 0) {
        used |= 1 << bestJ;
        matched += best * weights[i];
        accountWeight += weights[i] - this.wordWeights[words[first + bestJ]];
        missed += (1 - best) * weights[i];
      } else missed += weights[i];
      if (missed > allowedMiss) return 0;
    }
    const union = total + accountWeight - matched;
    return union > 0 ? matched / union : 0;
  }

  /** The best similar-named accounts of a customer (at most three, best first). */
  similarNames(query: NameQuery, within?: readonly number[]): { account: number; score: number }[] {
    if (query.length === 0) return [];
    const start = performance.now();
    const found = this.best(query, within ?? this.candidates(query));
    this.similarNamesMs += performance.now() - start;
    return found;
  }

  /**
   * Accounts that can reach the lowest score kept. An account reaches it only by matching most of
   * the customer's weight, so it must match (exactly or by a typo) every word heavier than that
   * miss: the candidates come from the heavy word with the shortest postings, and are kept only when
   * their words cover all the heavy ones (a bit per heavy word, OR-ed over the account's words).
   * A name with no heavy word falls back to prefix filtering: it must match one of the rarest words
   * taken until they carry more than it may miss. Common words ("Group") never select candidates.
   */
  private candidates(query: NameQuery): number[] {
    this.neighboursOf(query);
    const { order, weights, exactIds } = query;
    const { neighbourStart, neighbourEnd } = this;
    const nearIds = this.neighbourIds.data;
    const found: number[] = [];
    const stamp = ++this.queryStamp;
    const allowedMiss = (1 - (SIMILAR_NAME_THRESHOLD - AMBIGUOUS_MARGIN)) * query.total;
    // Words heavier than the miss allowed come first in `order` (heaviest first). At most five
    // words can each carry more than that; 30 bits is plenty.
    let heavy = 0;
    while (heavy < query.length && heavy < 30 && weights[order[heavy]] > allowedMiss) heavy++;
    // A word's variants: itself (v = -1), then the account words one typo away.
    if (heavy === 0) {
      let covered = 0;
      for (let o = 0; o < query.length; o++) {
        const i = order[o];
        const exact = exactIds[i];
        for (let v = neighbourStart[exact] - 1; v < neighbourEnd[exact]; v++) {
          const id = v < neighbourStart[exact] ? exact : nearIds[v];
          for (let p = this.postingStart[id], end = p + this.postingCount(id); p < end; p++) {
            const a = this.postingAccounts[p];
            if (this.seen[a] === stamp) continue;
            this.seen[a] = stamp;
            found.push(a);
          }
        }
        covered += weights[i];
        if (covered > PREFIX_SHARE * query.total) break;
      }
      return found;
    }
    let driver = -1; // the heavy word's id whose variants have the shortest postings
    let driverSize = Infinity;
    let all = 0;
    for (let bit = 0; bit < heavy; bit++) {
      const exact = exactIds[order[bit]];
      let size = 0;
      for (let v = neighbourStart[exact] - 1; v < neighbourEnd[exact]; v++) {
        const id = v < neighbourStart[exact] ? exact : nearIds[v];
        this.wordMask[id] |= 1 << bit;
        size += this.postingCount(id);
      }
      if (size < driverSize) {
        driverSize = size;
        driver = exact;
      }
      all |= 1 << bit;
    }
    // The candidates depend only on the heavy words: long searches are kept for the next name with them.
    let cacheKey = "";
    if (driverSize >= CACHED_SEARCH) {
      const ids: number[] = [];
      for (let bit = 0; bit < heavy; bit++) ids.push(exactIds[order[bit]]);
      cacheKey = ids.sort((x, y) => x - y).join(",");
      const cached = this.candidateCache.get(cacheKey);
      if (cached) {
        this.clearMarks(query, heavy);
        return cached;
      }
    }
    const { seen, wordMask, postingAccounts, accountStart, accountWordIds } = this;
    for (let v = neighbourStart[driver] - 1; v < neighbourEnd[driver]; v++) {
      const id = v < neighbourStart[driver] ? driver : nearIds[v];
      for (let p = this.postingStart[id], end = p + this.postingCount(id); p < end; p++) {
        const a = postingAccounts[p];
        if (seen[a] === stamp) continue;
        seen[a] = stamp;
        let mask = 0;
        for (let k = accountStart[a]; k < accountStart[a + 1]; k++) mask |= wordMask[accountWordIds[k]];
        if (mask === all) found.push(a);
      }
    }
    this.clearMarks(query, heavy);
    if (cacheKey) this.candidateCache.set(cacheKey, found);
    return found;
  }

  /** Unmarks the variants of the query's first `heavy` words in `order`. */
  private clearMarks(query: NameQuery, heavy: number): void {
    const { neighbourStart, neighbourEnd, wordMask } = this;
    const nearIds = this.neighbourIds.data;
    for (let bit = 0; bit < heavy; bit++) {
      const exact = query.exactIds[query.order[bit]];
      wordMask[exact] = 0;
      for (let v = neighbourStart[exact]; v < neighbourEnd[exact]; v++) wordMask[nearIds[v]] = 0;
    }
  }

  /** Scores candidates; the best three above the lowest score kept, best first. */
  private best(query: NameQuery, candidates: Iterable<number>): { account: number; score: number }[] {
    const scored: { account: number; score: number }[] = [];
    const { usable, accountKey } = this;
    for (const account of candidates) {
      // Accounts with the very same name were judged by the exact stage (a legal form may rule them out).
      if (!usable[account] || (query.key >= 0 && accountKey[account] === query.key)) continue;
      const score = this.score(query, account, SIMILAR_NAME_THRESHOLD - AMBIGUOUS_MARGIN);
      if (score >= SIMILAR_NAME_THRESHOLD - AMBIGUOUS_MARGIN) scored.push({ account, score });
    }
    return scored.sort((a, b) => b.score - a.score || a.account - b.account).slice(0, 3);
  }
}

export interface NameQuery {
  /** The customer's row in the report. */
  row: number;
  /** Name key id (-1: the name has no words) and legal form code (0: none). */
  key: number;
  legal: number;
  /** Number of words; the arrays below hold one entry per word in their first `length` places. */
  length: number;
  weights: Float64Array;
  /** Token indexes, heaviest (rarest) first. */
  order: Int32Array;
  total: number;
  exactIds: Int32Array;
  /** The words' typo neighbours are looked up. */
  neighbours: boolean;
  /** Several report customers have this name (looked up once). */
  sharedName: boolean | null;
}

/** An id on several accounts identifies none of them: taken out of the lookup, and reported. */
function dropSharedIds(byId: Map<string, number[]>): DuplicateKeyIds {
  const found: DuplicateKeyIds = { ids: [], rows: 0 };
  for (const [id, accounts] of byId) {
    if (accounts.length < 2) continue;
    found.ids.push(id);
    found.rows += accounts.length;
    byId.delete(id);
  }
  return found;
}

function isBlankValue(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Settles one customer from its exact keys, or says there were none. */
function resolve(
  evidence: readonly Evidence[],
  settle: (accounts: readonly number[]) => number | null,
): CrmMatchRow | null {
  if (evidence.length === 0) return null;
  // The usual case: one key, one account.
  if (evidence.length === 1 && evidence[0].accounts.length === 1)
    return { kind: evidence[0].kind, account: evidence[0].accounts[0] };
  const singles = [...new Set(evidence.filter((e) => e.accounts.length === 1).map((e) => e.accounts[0]))];
  if (singles.length > 1) return { kind: "Conflict", account: -1, candidates: singles };
  let account: number;
  if (singles.length === 1) {
    account = singles[0];
    if (evidence.some((e) => !e.accounts.includes(account))) {
      const others = evidence.flatMap((e) => (e.accounts.includes(account) ? [] : e.accounts));
      return { kind: "Conflict", account: -1, candidates: [account, ...new Set(others)].slice(0, 5) };
    }
  } else {
    let common = evidence[0].accounts;
    for (const e of evidence.slice(1)) common = common.filter((a) => e.accounts.includes(a));
    if (common.length === 0) {
      const all = [...new Set(evidence.flatMap((e) => e.accounts))];
      return { kind: "Conflict", account: -1, candidates: all.slice(0, 5) };
    }
    if (common.length > 1) {
      // Subsidiaries on one domain: the name may settle which one.
      const settled = settle(common);
      if (settled === null) return { kind: "Ambiguous", account: -1, candidates: common.slice(0, 5) };
      account = settled;
    } else account = common[0];
  }
  const kind = evidence.find((e) => e.accounts.includes(account))!.kind;
  return { kind, account };
}

/** Matches every report row; `onStep` is called every few thousand rows (the caller may yield there). */
export function* matchCustomersInSteps(
  customers: ReportCustomers,
  accounts: CrmAccounts,
  stepRows = 5000,
): Generator<number, CrmMatchResult, void> {
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = now - mark;
    mark = now;
    return ms;
  };
  const phaseMs: CrmPhaseTimes = { accounts: 0, customers: 0, weights: 0, exact: 0, similarNames: 0 };
  const index = new CrmIndex(accounts);
  phaseMs.accounts = lap();
  index.addCustomers(customers);
  phaseMs.customers = lap();
  index.setWeights();
  phaseMs.weights = lap();
  yield 0;
  lap();
  const counts = Object.fromEntries(CRM_MATCH_KINDS.map((k) => [k, 0])) as Record<CrmMatchKind, number>;
  const rows = new Array<CrmMatchRow>(customers.count);
  for (let r = 0; r < customers.count; r++) {
    if (r > 0 && r % stepRows === 0) {
      phaseMs.exact += lap();
      yield r;
      lap();
    }
    const ids = {
      customerId: customers.customerId?.[r],
      tpid: customers.tpid?.[r],
      tenantId: customers.tenantId?.[r],
    };
    const row = matchOne(index, r, ids, customers.domain?.[r]);
    rows[r] = row;
    if (row.kind) counts[row.kind]++;
  }
  return {
    rows,
    counts,
    duplicateIds: index.duplicateIds,
    duplicateRows: index.duplicateRows,
    duplicateKeys: index.duplicateKeys,
    usableAccounts: index.usableCount,
    phaseMs: {
      ...phaseMs,
      exact: phaseMs.exact + lap() - index.similarNamesMs,
      similarNames: index.similarNamesMs,
    },
  };
}

/** Of accounts sharing a key, the one whose name is clearly the customer's, or null. */
function settleByName(index: CrmIndex, query: NameQuery, within: readonly number[]): number | null {
  const [best, second] = index.similarNames(query, within);
  if (!best || best.score < SIMILAR_NAME_THRESHOLD) return null;
  if (second && best.score - second.score < AMBIGUOUS_MARGIN) return null;
  return best.account;
}

function matchOne(
  index: CrmIndex,
  row: number,
  ids: { customerId: unknown; tpid: unknown; tenantId: unknown },
  rawDomain: unknown,
): CrmMatchRow {
  if (
    !index.hasName(row) &&
    isBlankValue(rawDomain) &&
    isBlankValue(ids.customerId) &&
    isBlankValue(ids.tpid) &&
    isBlankValue(ids.tenantId)
  )
    return { kind: null, account: -1 };
  const query = index.query(row);
  const evidence = index.evidence(query, ids);
  const resolved = resolve(evidence, (within) => settleByName(index, query, within));
  if (resolved) {
    // The domain alone found an account with another name: a better-named account elsewhere is a Conflict.
    if (resolved.kind === "Domain" && evidence.length === 1 && !index.namesAgree(query, resolved.account)) {
      const [best] = index.similarNames(query);
      if (best && best.account !== resolved.account && best.score >= SIMILAR_NAME_THRESHOLD)
        return { kind: "Conflict", account: -1, candidates: [resolved.account, best.account] };
    }
    return resolved;
  }
  const [best, second] = index.similarNames(query);
  if (!best || best.score < SIMILAR_NAME_THRESHOLD) return { kind: "Not in CRM", account: -1 };
  if (second && best.score - second.score < AMBIGUOUS_MARGIN)
    return { kind: "Ambiguous", account: -1, candidates: [best.account, second.account] };
  return { kind: "Similar name", account: best.account, score: best.score };
}

export function matchCustomers(customers: ReportCustomers, accounts: CrmAccounts): CrmMatchResult {
  const steps = matchCustomersInSteps(customers, accounts);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** "Similar name (0.93)": the score cut (not rounded) to two decimals, so 0.899 reads below 0.9. */
export function matchText(row: CrmMatchRow): string {
  if (row.kind === null) return "";
  if (row.kind === "Similar name")
    return `Similar name (${(Math.floor((row.score ?? 0) * 100) / 100).toFixed(2)})`;
  return row.kind;
}

/** True for CRM Match texts that a person should look at: Ambiguous, Conflict, similar names below 0.9. */
export function needsReview(matchTextValue: string): boolean {
  if (matchTextValue === "Ambiguous" || matchTextValue === "Conflict") return true;
  const similar = /^Similar name \((\d(?:\.\d+)?)\)$/.exec(matchTextValue);
  return similar !== null && Number(similar[1]) < REVIEW_BELOW;
}

/** The four output cells of each row: CRM Account ID, CRM Account, CRM Owner, CRM Match (all text). */
export function crmMatchCells(result: CrmMatchResult, accounts: CrmAccounts): string[][] {
  return result.rows.map((row) => {
    if (row.kind === null) return ["", "", "", ""];
    if (row.account >= 0) {
      const a = row.account;
      return [
        text(accounts.accountId?.[a]),
        text(accounts.name[a]),
        text(accounts.owner?.[a]),
        matchText(row),
      ];
    }
    // Ambiguous and Conflict name the accounts in question, so the review starts from them.
    const names = (row.candidates ?? []).map((a) => text(accounts.name[a])).filter(Boolean);
    return ["", [...new Set(names)].join(" | "), "", matchText(row)];
  });
}
