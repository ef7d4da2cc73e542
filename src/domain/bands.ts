/**
 * The documented Fit x Intent matrix (domain.md): A1-A4 Act Now, E5-E8 Evaluate, N9 Nurture,
 * ET10 Educate. The cell code is a finer, sortable band inside the cluster the file states.
 */
import type { Cluster, ClusterBand, ScoreBand } from "./types";

/** Cluster code without the intent digit: the band when fit/intent are missing or disagree. */
export const CLUSTER_CODE: Record<Cluster, "A" | "E" | "N" | "ET"> = {
  "Act Now": "A",
  Evaluate: "E",
  Nurture: "N",
  Educate: "ET",
};

/** Matrix row of each fit band and of each cluster: 0 is the top row (High fit, Act Now). */
const FIT_ROW: Record<ScoreBand, number> = { High: 0, Medium: 1, Low: 2, "Very Low": 3 };
const CLUSTER_ROW: Record<Cluster, number> = { "Act Now": 0, Evaluate: 1, Nurture: 2, Educate: 3 };

const INTENT_COLUMN: Record<ScoreBand, 0 | 1 | 2 | 3> = { High: 0, Medium: 1, Low: 2, "Very Low": 3 };

const ACT_NOW_CELLS = ["A1", "A2", "A3", "A4"] as const;
const EVALUATE_CELLS = ["E5", "E6", "E7", "E8"] as const;

/**
 * The band of one product. The file's cluster always wins, and the band never falls when fit or
 * intent rises (a blank counts as the lowest value):
 * - fit in the stated cluster's matrix row: the documented cell (Act Now and Evaluate also need
 *   the intent; without it, the bare code);
 * - fit above that row (`disagrees`): ranked as the row's cell for its intent, so a better fit
 *   never ranks below a worse one inside the same cluster;
 * - fit below that row (`disagrees`) or no fit: the bare code, last in its cluster.
 */
export function clusterBand(
  cluster: Cluster,
  fit: ScoreBand | null,
  intent: ScoreBand | null,
): { band: ClusterBand; disagrees: boolean } {
  const bare = CLUSTER_CODE[cluster];
  if (fit === null) return { band: bare, disagrees: false };
  const offset = FIT_ROW[fit] - CLUSTER_ROW[cluster];
  if (offset > 0) return { band: bare, disagrees: true };
  const disagrees = offset < 0;
  switch (cluster) {
    case "Nurture":
      return { band: "N9", disagrees };
    case "Educate":
      return { band: "ET10", disagrees };
    case "Act Now":
      return { band: intent ? ACT_NOW_CELLS[INTENT_COLUMN[intent]] : "A", disagrees };
    case "Evaluate":
      return { band: intent ? EVALUATE_CELLS[INTENT_COLUMN[intent]] : "E", disagrees };
  }
}

/**
 * Sort order, lower is better. A bare code ranks right after the cells of its own cluster
 * (A4 < A < E5): the cluster is certain, the position inside it is not, so it is not credited
 * with the best cell nor pushed below a worse cluster. It stands for a missing or too-low fit
 * (or, in Act Now and Evaluate, a missing intent), all below the cells: so raising either never
 * lowers the rank (see clusterBand).
 */
export const BAND_ORDER: readonly ClusterBand[] = [
  "A1",
  "A2",
  "A3",
  "A4",
  "A",
  "E5",
  "E6",
  "E7",
  "E8",
  "E",
  "N9",
  "N",
  "ET10",
  "ET",
];

const RANK: ReadonlyMap<string, number> = new Map(BAND_ORDER.map((band, i) => [band, i]));

/** Rank of a blank band: after every real band. */
export const BLANK_BAND_RANK = BAND_ORDER.length;

export function bandRank(band: ClusterBand | "" | null): number {
  return band ? (RANK.get(band) ?? BLANK_BAND_RANK) : BLANK_BAND_RANK;
}

/** For Array.prototype.sort: better bands first, blanks last. */
export function compareBands(a: ClusterBand | "" | null, b: ClusterBand | "" | null): number {
  return bandRank(a) - bandRank(b);
}

export const BAND_MEANING: Record<ClusterBand, string> = {
  A1: "A1: Act Now, high fit, high intent",
  A2: "A2: Act Now, high fit, medium intent",
  A3: "A3: Act Now, high fit, low intent",
  A4: "A4: Act Now, high fit, very low intent",
  A: "A: Act Now, fit/intent missing or fit too low",
  E5: "E5: Evaluate, medium fit, high intent",
  E6: "E6: Evaluate, medium fit, medium intent",
  E7: "E7: Evaluate, medium fit, low intent",
  E8: "E8: Evaluate, medium fit, very low intent",
  E: "E: Evaluate, fit/intent missing or fit too low",
  N9: "N9: Nurture, low fit, any intent",
  N: "N: Nurture, fit missing or too low",
  ET10: "ET10: Educate, very low fit, any intent",
  ET: "ET: Educate, fit missing",
};
