/**
 * Matching report customers to CRM accounts, in Microsoft's documented order: domain, then name,
 * then Customer ID / TPID, then tenant ID. Every exact key is looked at; when two keys point to
 * different accounts the row is a Conflict, never a guess. Only a customer no exact key finds goes
 * to the fuzzy name stage, a token similarity weighted by how rare each word is in the two lists.
 */
import { domainKey, type DomainKey } from "./crmDomain";
import { legalFormsDisagree, normaliseName, type NormalisedName } from "./crmNames";

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

const PLAIN_ID = /^[0-9a-z-]+$/;
const DIGITS = /^\d+$/;

/** An id as a key: trimmed, lower case, braces off, integers without decimals; blanks and zeros are none. */
export function idKey(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) && value !== 0 ? String(value) : null;
  // Most ids are plain already (GUIDs, numbers as text): no trimming or case folding needed.
  if (typeof value === "string" && PLAIN_ID.test(value)) {
    if (DIGITS.test(value)) return value.replace(/^0+/, "") || null;
    return value === "null" ? null : value;
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

/** Damerau (adjacent transposition) edit distance of at most one. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
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
  let buckets = 1;
  while (buckets < entries) buckets *= 2;
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

interface Evidence {
  kind: CrmMatchKind;
  accounts: readonly number[];
}

/** Lookup tables over the CRM accounts, built once per run. */
export class CrmIndex {
  readonly names: NormalisedName[];
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
  private readonly byDomain = new Map<string, number[]>();
  private readonly byName = new Map<string, number[]>();
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
  private accountWordIds = new Int32Array(0);
  /** Account words below this id (customer-only words come after): the words typos can match. */
  private accountVocabulary = 0;
  private typoTable: TypoTable | null = null;
  /** Per account: the last query that looked at it (dedupes candidates without a Set). */
  private seen = new Int32Array(0);
  private queryStamp = 0;
  /** Per word: the last query that marked it, and which of that query's heavy words it stands for. */
  private wordStamp = new Int32Array(0);
  private wordMask = new Int32Array(0);
  /** Customer words repeat ("Group", "Contoso"): their typo neighbours are looked up once, by word id. */
  private neighbourCache: (Map<number, number> | undefined)[] = [];
  /** Per customer row: its name's word ids (set by setCustomers). */
  private customerStart = new Int32Array(1);
  private customerWordIds = new Int32Array(0);
  private readonly reportNames = new Map<string, number>();
  private readonly reportDomains = new Map<string, number>();
  private wordWeights = new Float64Array(0);
  private accountWeights = new Float64Array(0);

  constructor(readonly accounts: CrmAccounts) {
    const { count } = accounts;
    this.usable = new Uint8Array(count).fill(1);
    this.names = new Array<NormalisedName>(count);
    if (accounts.accountId) this.dropDuplicateIds(accounts.accountId);
    const accountStart = new Int32Array(count + 1);
    const wordIds: number[] = [];
    for (let a = 0; a < count; a++) {
      const name = normaliseName(accounts.name[a]);
      this.names[a] = name;
      for (const token of name.tokens) wordIds.push(this.wordId(token));
      accountStart[a + 1] = wordIds.length;
      if (!this.usable[a]) continue;
      if (name.key) push(this.byName, name.key, a);
      const domain = domainKey(accounts.website?.[a]);
      if (domain.kind === "domain") push(this.byDomain, domain.domain, a);
      const msId = idKey(accounts.msId?.[a]);
      if (msId) push(this.byMsId, msId, a);
      const tenant = idKey(accounts.tenantId?.[a]);
      if (tenant) push(this.byTenant, tenant, a);
    }
    this.duplicateKeys = { msId: dropSharedIds(this.byMsId), tenantId: dropSharedIds(this.byTenant) };
    this.accountVocabulary = this.words.length;
    this.accountStart = accountStart;
    this.accountWordIds = Int32Array.from(wordIds);
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
    for (let a = 0; a < this.accounts.count; a++) {
      const id = idKey(ids[a]);
      if (id) seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    for (let a = 0; a < this.accounts.count; a++) {
      const id = idKey(ids[a]);
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

  /**
   * Word weights come from both lists: a word in many names ("Group") weighs little. The report's
   * own names and domains also say which keys are shared by several customers.
   */
  setCustomers(customerNames: readonly NormalisedName[], customerDomains: readonly DomainKey[]): void {
    // Document frequency per word id, each name counted once per word (a stamp instead of a Set).
    const df: number[] = new Array<number>(this.words.length).fill(0);
    const lastDocument: number[] = new Array<number>(this.words.length).fill(-1);
    let document = 0;
    const add = (words: ArrayLike<number>, from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const w = words[i];
        if (w >= df.length) {
          df.push(0);
          lastDocument.push(-1);
        }
        if (lastDocument[w] === document) continue;
        lastDocument[w] = document;
        df[w]++;
      }
      document++;
    };
    for (let a = 0; a < this.names.length; a++)
      if (this.usable[a]) add(this.accountWordIds, this.accountStart[a], this.accountStart[a + 1]);
    const customerStart = new Int32Array(customerNames.length + 1);
    const customerWordIds: number[] = [];
    for (let r = 0; r < customerNames.length; r++) {
      const from = customerWordIds.length;
      for (const token of customerNames[r].tokens) customerWordIds.push(this.wordId(token));
      customerStart[r + 1] = customerWordIds.length;
      add(customerWordIds, from, customerWordIds.length);
    }
    this.customerStart = customerStart;
    this.customerWordIds = Int32Array.from(customerWordIds);
    const documents = this.usableCount + customerNames.length;
    // A word no usable name holds counts as once seen, as a word of neither list would.
    this.wordWeights = Float64Array.from(df, (n) => Math.log(1 + documents / (n || 1)));
    this.neighbourCache = new Array<Map<number, number> | undefined>(this.words.length);
    this.seen = new Int32Array(this.accounts.count);
    this.wordStamp = new Int32Array(this.words.length);
    this.wordMask = new Int32Array(this.words.length);
    this.accountWeights = new Float64Array(this.accounts.count);
    for (let a = 0; a < this.accounts.count; a++) {
      let sum = 0;
      for (let k = this.accountStart[a]; k < this.accountStart[a + 1]; k++)
        sum += this.wordWeights[this.accountWordIds[k]];
      this.accountWeights[a] = sum;
    }
    for (const name of customerNames) if (name.key) count(this.reportNames, name.key);
    for (const domain of customerDomains)
      if (domain.kind === "domain") count(this.reportDomains, domain.domain);
  }

  /**
   * The account carries the customer's normalised name, legal forms agreeing: a Ltd is not an Inc,
   * and when several report customers share the name only the legal form tells them apart, so it
   * must be the same.
   */
  private exactNameAgrees(name: NormalisedName, account: number): boolean {
    if (!name.key || name.key !== this.names[account].key) return false;
    return this.legalFormsFit(name, account);
  }

  /** Several report customers have this name. */
  private sharedName(name: NormalisedName): boolean {
    return name.key !== "" && (this.reportNames.get(name.key) ?? 0) > 1;
  }

  /** Legal forms agree; when several report customers share the name, they must be the same. */
  private legalFormsFit(name: NormalisedName, account: number, shared = this.sharedName(name)): boolean {
    const other = this.names[account];
    if (shared) return name.legal === other.legal;
    return !legalFormsDisagree(name.legal, other.legal);
  }

  /** Accounts whose normalised name is the customer's; the same legal form preferred when there is one. */
  sameName(name: NormalisedName): number[] {
    const byName = name.key ? this.byName.get(name.key) : undefined;
    if (!byName) return [];
    const agreeing = byName.filter((a) => this.exactNameAgrees(name, a));
    const sameForm = agreeing.filter((a) => this.names[a].legal === name.legal);
    return sameForm.length ? sameForm : agreeing;
  }

  /** The account's name is the customer's, or similar enough to match on its own. */
  namesAgree(query: NameQuery, account: number): boolean {
    if (query.name.key && query.name.key === this.names[account].key)
      return this.exactNameAgrees(query.name, account);
    return this.score(query, account, SIMILAR_NAME_THRESHOLD) >= SIMILAR_NAME_THRESHOLD;
  }

  /** The exact keys of one customer, in the documented order; only keys that found accounts. */
  evidence(
    query: NameQuery,
    domain: DomainKey,
    customer: { customerId: unknown; tpid: unknown; tenantId: unknown },
  ): Evidence[] {
    const found: Evidence[] = [];
    if (domain.kind === "domain") {
      let accounts = this.byDomain.get(domain.domain) ?? [];
      // A domain several report customers share (a group's subsidiaries) identifies none of them
      // alone: only its accounts whose name agrees count.
      if ((this.reportDomains.get(domain.domain) ?? 0) > 1)
        accounts = accounts.filter((a) => this.namesAgree(query, a));
      if (accounts.length) found.push({ kind: "Domain", accounts });
    }
    const byName = this.sameName(query.name);
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
  private typoNeighbours(wordId: number): Map<number, number> {
    const cached = this.neighbourCache[wordId];
    if (cached) return cached;
    const out = new Map<number, number>();
    this.neighbourCache[wordId] = out;
    const token = this.words[wordId];
    if (token.length < MIN_TYPO_LENGTH) return out;
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
        if (word !== token && !out.has(id) && withinOneEdit(word, token))
          out.set(id, typoSimilarity(word, token));
      }
    }
    return out;
  }

  /**
   * A customer's name ready to be compared (`row`: its row in the names given to setCustomers);
   * its typo neighbours are looked up only when needed.
   */
  query(name: NormalisedName, row: number): NameQuery {
    const first = this.customerStart[row];
    const n = this.customerStart[row + 1] - first;
    const weights = new Array<number>(n);
    const order = new Array<number>(n);
    const exactIds = new Array<number>(n);
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
    return { name, weights, order, total, exactIds, neighbours: null, sharedName: null };
  }

  private neighboursOf(query: NameQuery): Map<number, number>[] {
    query.neighbours ??= query.exactIds.map((id) => (id >= 0 ? this.typoNeighbours(id) : new Map()));
    return query.neighbours;
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
    const { order, weights, total } = query;
    if (length === 0 || order.length === 0) return 0;
    query.sharedName ??= this.sharedName(query.name);
    if (!this.legalFormsFit(query.name, account, query.sharedName)) return 0;
    const neighbours = this.neighboursOf(query);
    // J >= t needs the customer's unmatched weight <= (1 - t) x its total.
    const allowedMiss = (1 - threshold) * total + 1e-9;
    let used = 0; // bit j: account word j is taken (names have far fewer than 31 words)
    let matched = 0;
    let missed = 0;
    let accountWeight = this.accountWeights[account];
    for (const i of order) {
      let best = 0;
      let bestJ = -1;
      const exact = query.exactIds[i];
      const near = neighbours[i];
      for (let j = 0; j < length && j < 31; j++) {
        if (used & (1 << j)) continue;
        const word = words[first + j];
        const s = word === exact ? 1 : near.size ? (near.get(word) ?? 0) : 0;
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
    if (query.name.tokens.length === 0) return [];
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
    const neighbours = this.neighboursOf(query);
    const { order, weights, exactIds } = query;
    const variants = (i: number) =>
      exactIds[i] >= 0 ? [exactIds[i], ...neighbours[i].keys()] : [...neighbours[i].keys()];
    const found: number[] = [];
    const stamp = ++this.queryStamp;
    const allowedMiss = (1 - (SIMILAR_NAME_THRESHOLD - AMBIGUOUS_MARGIN)) * query.total;
    // At most five words can each carry more than the miss allowed; 30 bits is plenty.
    const heavy = order.filter((i) => weights[i] > allowedMiss).slice(0, 30);
    if (heavy.length === 0) {
      let covered = 0;
      for (const i of order) {
        for (const id of variants(i))
          for (let p = this.postingStart[id], end = p + this.postingCount(id); p < end; p++) {
            const a = this.postingAccounts[p];
            if (this.seen[a] === stamp) continue;
            this.seen[a] = stamp;
            found.push(a);
          }
        covered += weights[i];
        if (covered > PREFIX_SHARE * query.total) break;
      }
      return found;
    }
    let driver: number[] = [];
    let driverSize = Infinity;
    let all = 0;
    for (let bit = 0; bit < heavy.length; bit++) {
      const ids = variants(heavy[bit]);
      if (ids.length === 0) return found; // a heavy word no account has, nor a typo of it
      let size = 0;
      for (const id of ids) {
        if (this.wordStamp[id] !== stamp) {
          this.wordStamp[id] = stamp;
          this.wordMask[id] = 0;
        }
        this.wordMask[id] |= 1 << bit;
        size += this.postingCount(id);
      }
      if (size < driverSize) {
        driverSize = size;
        driver = ids;
      }
      all |= 1 << bit;
    }
    // The candidates depend only on the heavy words: long searches are kept for the next name with them.
    let cacheKey = "";
    if (driverSize >= CACHED_SEARCH) {
      cacheKey = heavy
        .map((i) => exactIds[i])
        .sort((x, y) => x - y)
        .join(",");
      const cached = this.candidateCache.get(cacheKey);
      if (cached) return cached;
    }
    const { seen, wordStamp, wordMask, postingAccounts, accountStart, accountWordIds } = this;
    for (const id of driver)
      for (let p = this.postingStart[id], end = p + this.postingCount(id); p < end; p++) {
        const a = postingAccounts[p];
        if (seen[a] === stamp) continue;
        seen[a] = stamp;
        let mask = 0;
        for (let k = accountStart[a]; k < accountStart[a + 1]; k++) {
          const w = accountWordIds[k];
          if (wordStamp[w] === stamp) mask |= wordMask[w];
        }
        if (mask === all) found.push(a);
      }
    if (cacheKey) this.candidateCache.set(cacheKey, found);
    return found;
  }

  /** Scores candidates; the best three above the lowest score kept, best first. */
  private best(query: NameQuery, candidates: Iterable<number>): { account: number; score: number }[] {
    const scored: { account: number; score: number }[] = [];
    for (const account of candidates) {
      // Accounts with the very same name were judged by the exact stage (a legal form may rule them out).
      if (!this.usable[account] || (query.name.key && this.names[account].key === query.name.key)) continue;
      const score = this.score(query, account, SIMILAR_NAME_THRESHOLD - AMBIGUOUS_MARGIN);
      if (score >= SIMILAR_NAME_THRESHOLD - AMBIGUOUS_MARGIN) scored.push({ account, score });
    }
    return scored.sort((a, b) => b.score - a.score || a.account - b.account).slice(0, 3);
  }
}

export interface NameQuery {
  name: NormalisedName;
  weights: number[];
  /** Token indexes, heaviest (rarest) first. */
  order: number[];
  total: number;
  exactIds: number[];
  neighbours: Map<number, number>[] | null;
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

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
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
  const names = new Array<NormalisedName>(customers.count);
  const domains = new Array<DomainKey>(customers.count);
  for (let r = 0; r < customers.count; r++) {
    names[r] = normaliseName(customers.name?.[r]);
    domains[r] = domainKey(customers.domain?.[r]);
  }
  phaseMs.customers = lap();
  index.setCustomers(names, domains);
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
    const row = matchOne(index, r, names[r], domains[r], ids, customers.domain?.[r]);
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
  name: NormalisedName,
  domain: DomainKey,
  ids: { customerId: unknown; tpid: unknown; tenantId: unknown },
  rawDomain: unknown,
): CrmMatchRow {
  if (
    !name.key &&
    isBlankValue(rawDomain) &&
    isBlankValue(ids.customerId) &&
    isBlankValue(ids.tpid) &&
    isBlankValue(ids.tenantId)
  )
    return { kind: null, account: -1 };
  const query = index.query(name, row);
  const evidence = index.evidence(query, domain, ids);
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
