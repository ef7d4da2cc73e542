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

/** Which cluster the matrix puts each fit row in. */
const CLUSTER_OF_FIT: Record<ScoreBand, Cluster> = {
  High: "Act Now",
  Medium: "Evaluate",
  Low: "Nurture",
  "Very Low": "Educate",
};

const INTENT_COLUMN: Record<ScoreBand, 0 | 1 | 2 | 3> = { High: 0, Medium: 1, Low: 2, "Very Low": 3 };

const ACT_NOW_CELLS = ["A1", "A2", "A3", "A4"] as const;
const EVALUATE_CELLS = ["E5", "E6", "E7", "E8"] as const;

/**
 * The band of one product. The file's cluster always wins: when the fit row of the matrix
 * belongs to another cluster, the band is the stated cluster's bare code and `disagrees` is true.
 * Nurture (N9) and Educate (ET10) span every intent, so any consistent fit or intent pins them.
 */
export function clusterBand(
  cluster: Cluster,
  fit: ScoreBand | null,
  intent: ScoreBand | null,
): { band: ClusterBand; disagrees: boolean } {
  const bare = CLUSTER_CODE[cluster];
  if (fit !== null && CLUSTER_OF_FIT[fit] !== cluster) return { band: bare, disagrees: true };
  const known = fit !== null || intent !== null;
  switch (cluster) {
    case "Nurture":
      return { band: known ? "N9" : "N", disagrees: false };
    case "Educate":
      return { band: known ? "ET10" : "ET", disagrees: false };
    case "Act Now":
      return { band: fit && intent ? ACT_NOW_CELLS[INTENT_COLUMN[intent]] : "A", disagrees: false };
    case "Evaluate":
      return { band: fit && intent ? EVALUATE_CELLS[INTENT_COLUMN[intent]] : "E", disagrees: false };
  }
}

/**
 * Sort order, lower is better. A bare code ranks right after the cells of its own cluster
 * (A4 < A < E5): the cluster is certain, the position inside it is not, so it is not credited
 * with the best cell nor pushed below a worse cluster.
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
  A: "A: Act Now, fit/intent missing or inconsistent",
  E5: "E5: Evaluate, medium fit, high intent",
  E6: "E6: Evaluate, medium fit, medium intent",
  E7: "E7: Evaluate, medium fit, low intent",
  E8: "E8: Evaluate, medium fit, very low intent",
  E: "E: Evaluate, fit/intent missing or inconsistent",
  N9: "N9: Nurture, low fit, any intent",
  N: "N: Nurture, fit/intent missing or inconsistent",
  ET10: "ET10: Educate, very low fit, any intent",
  ET: "ET: Educate, fit/intent missing or inconsistent",
};
