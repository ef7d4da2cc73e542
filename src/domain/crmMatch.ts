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
  /** Accounts used for matching. */
  usableAccounts: number;
}

/** An id as a key: trimmed, lower case, braces off, integers without decimals; blanks and zeros are none. */
export function idKey(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) && value !== 0 ? String(value) : null;
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

function deletions(token: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < token.length; i++) out.push(token.slice(0, i) + token.slice(i + 1));
  return out;
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
  private readonly byDomain = new Map<string, number[]>();
  private readonly byName = new Map<string, number[]>();
  private readonly byMsId = new Map<string, number[]>();
  private readonly byTenant = new Map<string, number[]>();
  // Fuzzy stage: words of the accounts as ids, postings per word, one-deletion variants of words.
  private readonly vocabulary = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly postings: number[][] = [];
  private readonly accountWords: Int32Array[] = [];
  private deletionIndex: Map<string, number[]> | null = null;
  private pairIndex: Map<number, number[]> | null = null;
  /** Per account: the last query that looked at it (dedupes candidates without a Set). */
  private seen = new Int32Array(0);
  private queryStamp = 0;
  /** Customer words repeat ("Group", "Contoso"): their typo neighbours are looked up once. */
  private readonly neighbourCache = new Map<string, Map<number, number>>();
  private documentFrequency = new Map<string, number>();
  private documents = 0;
  private readonly reportNames = new Map<string, number>();
  private readonly reportDomains = new Map<string, number>();
  private wordWeights = new Float64Array(0);
  private accountWeights = new Float64Array(0);

  constructor(readonly accounts: CrmAccounts) {
    const { count } = accounts;
    this.usable = new Uint8Array(count).fill(1);
    this.names = new Array<NormalisedName>(count);
    if (accounts.accountId) this.dropDuplicateIds(accounts.accountId);
    for (let a = 0; a < count; a++) {
      const name = normaliseName(accounts.name[a]);
      this.names[a] = name;
      const words = new Int32Array(name.tokens.length);
      name.tokens.forEach((token, i) => (words[i] = this.wordId(token)));
      this.accountWords.push(words);
      if (!this.usable[a]) continue;
      if (name.key) push(this.byName, name.key, a);
      for (const token of new Set(words)) this.postings[token].push(a);
      const domain = domainKey(accounts.website?.[a]);
      if (domain.kind === "domain") push(this.byDomain, domain.domain, a);
      const msId = idKey(accounts.msId?.[a]);
      if (msId) push(this.byMsId, msId, a);
      const tenant = idKey(accounts.tenantId?.[a]);
      if (tenant) push(this.byTenant, tenant, a);
    }
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
      this.postings.push([]);
    }
    return id;
  }

  /**
   * Word weights come from both lists: a word in many names ("Group") weighs little. The report's
   * own names and domains also say which keys are shared by several customers.
   */
  setCustomers(customerNames: readonly NormalisedName[], customerDomains: readonly DomainKey[]): void {
    const df = new Map<string, number>();
    const add = (name: NormalisedName) => {
      for (const token of new Set(name.tokens)) df.set(token, (df.get(token) ?? 0) + 1);
    };
    for (let a = 0; a < this.names.length; a++) if (this.usable[a]) add(this.names[a]);
    for (const name of customerNames) add(name);
    this.documentFrequency = df;
    this.documents = this.usableCount + customerNames.length;
    this.wordWeights = Float64Array.from(this.words, (word) => this.weight(word));
    this.seen = new Int32Array(this.accounts.count);
    this.accountWeights = Float64Array.from(this.accountWords, (words) =>
      words.reduce((sum, w) => sum + this.wordWeights[w], 0),
    );
    for (const name of customerNames) if (name.key) count(this.reportNames, name.key);
    for (const domain of customerDomains)
      if (domain.kind === "domain") count(this.reportDomains, domain.domain);
  }

  private weight(token: string): number {
    const df = this.documentFrequency.get(token) ?? 1;
    return Math.log(1 + this.documents / df);
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

  /** Legal forms agree; when several report customers share the name, they must be the same. */
  private legalFormsFit(name: NormalisedName, account: number): boolean {
    const other = this.names[account];
    if (name.key && (this.reportNames.get(name.key) ?? 0) > 1) return name.legal === other.legal;
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

  private ensurePairIndex(): Map<number, number[]> {
    if (this.pairIndex) return this.pairIndex;
    const index = new Map<number, number[]>();
    this.accountWords.forEach((words, a) => {
      if (!this.usable[a]) return;
      for (let i = 0; i < words.length; i++)
        for (let j = i + 1; j < words.length; j++)
          if (words[i] !== words[j]) push(index, pairKey(words[i], words[j]), a);
    });
    this.pairIndex = index;
    return index;
  }

  private ensureDeletionIndex(): Map<string, number[]> {
    if (this.deletionIndex) return this.deletionIndex;
    const index = new Map<string, number[]>();
    this.words.forEach((word, id) => {
      if (word.length < MIN_TYPO_LENGTH || this.postings[id].length === 0) return;
      for (const variant of new Set(deletions(word))) push(index, variant, id);
    });
    this.deletionIndex = index;
    return index;
  }

  /** Account words one edit from a customer word (symmetric deletions, then checked), with their similarity. */
  private typoNeighbours(token: string): Map<number, number> {
    const cached = this.neighbourCache.get(token);
    if (cached) return cached;
    const out = new Map<number, number>();
    this.neighbourCache.set(token, out);
    if (token.length < MIN_TYPO_LENGTH) return out;
    const index = this.ensureDeletionIndex();
    const consider = (id: number) => {
      const word = this.words[id];
      if (word !== token && !out.has(id) && withinOneEdit(word, token))
        out.set(id, typoSimilarity(word, token));
    };
    for (const id of index.get(token) ?? []) consider(id);
    for (const variant of deletions(token)) {
      const exact = this.vocabulary.get(variant);
      if (exact !== undefined && variant.length >= MIN_TYPO_LENGTH) consider(exact);
      for (const id of index.get(variant) ?? []) consider(id);
    }
    return out;
  }

  /** A customer's name ready to be compared; its typo neighbours are looked up only when needed. */
  query(name: NormalisedName): NameQuery {
    const weights = name.tokens.map((t) => this.weight(t));
    return {
      name,
      weights,
      order: weights.map((_, i) => i).sort((a, b) => weights[b] - weights[a]),
      total: weights.reduce((a, b) => a + b, 0),
      exactIds: name.tokens.map((t) => this.vocabulary.get(t) ?? -1),
      neighbours: null,
    };
  }

  private neighboursOf(query: NameQuery): Map<number, number>[] {
    query.neighbours ??= query.name.tokens.map((t) => this.typoNeighbours(t));
    return query.neighbours;
  }

  /**
   * Weighted Jaccard similarity of a customer's name and an account's, over words matched one to
   * one; a word one typo away counts as most of a match and weighs as the customer's word. An
   * extra word on either side costs its full weight. Words are tried heaviest first, and the
   * comparison stops once the unmatched weight rules the threshold out.
   */
  score(query: NameQuery, account: number, threshold = 0): number {
    const words = this.accountWords[account];
    const { order, weights, total } = query;
    if (words.length === 0 || order.length === 0) return 0;
    if (!this.legalFormsFit(query.name, account)) return 0;
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
      for (let j = 0; j < words.length && j < 31; j++) {
        if (used & (1 << j)) continue;
        const s = words[j] === exact ? 1 : near.size ? (near.get(words[j]) ?? 0) : 0;
        if (s > best) {
          best = s;
          bestJ = j;
        }
      }
      if (bestJ >= 0) {
        used |= 1 << bestJ;
        matched += best * weights[i];
        accountWeight += weights[i] - this.wordWeights[words[bestJ]];
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
    let candidates: Iterable<number>;
    if (within) candidates = within;
    else {
      // Prefix filtering: an account reaches the threshold only by matching most of the customer's
      // weight, so it must match one of the customer's rarest words (taken until they carry more
      // than it may miss), or a typo of one. Common words ("Group") never select candidates.
      // Better still: it must match every word heavier than that miss, so when there are two such
      // words, the accounts holding both (the pair index) are the candidates.
      const neighbours = this.neighboursOf(query);
      const { order } = query;
      const variants = (i: number) =>
        query.exactIds[i] >= 0 ? [query.exactIds[i], ...neighbours[i].keys()] : [...neighbours[i].keys()];
      const allowedMiss = (1 - (SIMILAR_NAME_THRESHOLD - AMBIGUOUS_MARGIN)) * query.total;
      const heavy = order.filter((i) => query.weights[i] > allowedMiss);
      if (heavy.length >= 2) {
        const pairs = this.ensurePairIndex();
        let bestLists: number[][] | null = null;
        let bestSize = Infinity;
        for (let x = 0; x < heavy.length; x++)
          for (let y = x + 1; y < heavy.length; y++) {
            const lists: number[][] = [];
            let size = 0;
            let clean = true;
            for (const u of variants(heavy[x]))
              for (const v of variants(heavy[y])) {
                if (u === v) clean = false;
                const list = pairs.get(pairKey(u, v));
                if (list) {
                  lists.push(list);
                  size += list.length;
                }
              }
            if (clean && size < bestSize) {
              bestSize = size;
              bestLists = lists;
            }
          }
        if (bestLists) {
          const found: number[] = [];
          const stamp = ++this.queryStamp;
          for (const list of bestLists)
            for (const a of list) {
              if (this.seen[a] === stamp) continue;
              this.seen[a] = stamp;
              found.push(a);
            }
          return this.best(query, found);
        }
      }
      const found: number[] = [];
      const stamp = ++this.queryStamp;
      let covered = 0;
      for (const i of order) {
        const ids =
          query.exactIds[i] >= 0 ? [query.exactIds[i], ...neighbours[i].keys()] : [...neighbours[i].keys()];
        for (const id of ids)
          for (const a of this.postings[id]) {
            if (this.seen[a] === stamp) continue;
            this.seen[a] = stamp;
            found.push(a);
          }
        covered += query.weights[i];
        if (covered > PREFIX_SHARE * query.total) break;
      }
      candidates = found;
    }
    return this.best(query, candidates);
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
}

/** One key per unordered pair of word ids. */
function pairKey(x: number, y: number): number {
  return x < y ? x * 4_194_304 + y : y * 4_194_304 + x;
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
  const index = new CrmIndex(accounts);
  const names = new Array<NormalisedName>(customers.count);
  const domains = new Array<DomainKey>(customers.count);
  for (let r = 0; r < customers.count; r++) {
    names[r] = normaliseName(customers.name?.[r]);
    domains[r] = domainKey(customers.domain?.[r]);
  }
  index.setCustomers(names, domains);
  yield 0;
  const counts = Object.fromEntries(CRM_MATCH_KINDS.map((k) => [k, 0])) as Record<CrmMatchKind, number>;
  const rows = new Array<CrmMatchRow>(customers.count);
  for (let r = 0; r < customers.count; r++) {
    if (r > 0 && r % stepRows === 0) yield r;
    const ids = {
      customerId: customers.customerId?.[r],
      tpid: customers.tpid?.[r],
      tenantId: customers.tenantId?.[r],
    };
    const row = matchOne(index, names[r], domains[r], ids, customers.domain?.[r]);
    rows[r] = row;
    if (row.kind) counts[row.kind]++;
  }
  return {
    rows,
    counts,
    duplicateIds: index.duplicateIds,
    duplicateRows: index.duplicateRows,
    usableAccounts: index.usableCount,
  };
}

function matchOne(
  index: CrmIndex,
  name: NormalisedName,
  domain: DomainKey,
  ids: { customerId: unknown; tpid: unknown; tenantId: unknown },
  rawDomain: unknown,
): CrmMatchRow {
  if (!name.key && isBlankValue(rawDomain) && Object.values(ids).every(isBlankValue))
    return { kind: null, account: -1 };
  const query = index.query(name);
  const evidence = index.evidence(query, domain, ids);
  const settle = (within: readonly number[]) => {
    const [best, second] = index.similarNames(query, within);
    if (!best || best.score < SIMILAR_NAME_THRESHOLD) return null;
    if (second && best.score - second.score < AMBIGUOUS_MARGIN) return null;
    return best.account;
  };
  const row = resolve(evidence, settle);
  if (row) {
    // The domain alone found an account with another name: a better-named account elsewhere is a Conflict.
    if (row.kind === "Domain" && evidence.length === 1 && !index.namesAgree(query, row.account)) {
      const [best] = index.similarNames(query);
      if (best && best.account !== row.account && best.score >= SIMILAR_NAME_THRESHOLD)
        return { kind: "Conflict", account: -1, candidates: [row.account, best.account] };
    }
    return row;
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
