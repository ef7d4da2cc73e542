import { BAND_MEANING, BAND_ORDER, bandRank, clusterBand, compareBands } from "./bands";
import type { Cluster, ClusterBand, ScoreBand } from "./types";
import { parseScore } from "./values";

const LEVELS: ScoreBand[] = ["High", "Medium", "Low", "Very Low"];

describe("clusterBand: the documented matrix", () => {
  it.each([
    ["High", "High", "A1"],
    ["High", "Medium", "A2"],
    ["High", "Low", "A3"],
    ["High", "Very Low", "A4"],
  ] as const)("Act Now, fit %s, intent %s -> %s", (fit, intent, band) => {
    expect(clusterBand("Act Now", fit, intent)).toEqual({ band, disagrees: false });
  });

  it.each([
    ["Medium", "High", "E5"],
    ["Medium", "Medium", "E6"],
    ["Medium", "Low", "E7"],
    ["Medium", "Very Low", "E8"],
  ] as const)("Evaluate, fit %s, intent %s -> %s", (fit, intent, band) => {
    expect(clusterBand("Evaluate", fit, intent)).toEqual({ band, disagrees: false });
  });

  it("puts every intent at low fit in N9 and at very low fit in ET10", () => {
    for (const intent of [...LEVELS, null]) {
      expect(clusterBand("Nurture", "Low", intent)).toEqual({ band: "N9", disagrees: false });
      expect(clusterBand("Educate", "Very Low", intent)).toEqual({ band: "ET10", disagrees: false });
    }
  });

  it("works from numeric scores at the thresholds", () => {
    const band = (cluster: Cluster, fit: number, intent: number) =>
      clusterBand(cluster, parseScore(fit)?.band ?? null, parseScore(intent)?.band ?? null).band;
    expect(band("Act Now", 75, 75)).toBe("A1");
    expect(band("Act Now", 75, 74)).toBe("A2");
    expect(band("Act Now", 100, 55)).toBe("A2");
    expect(band("Act Now", 75, 54)).toBe("A3");
    expect(band("Act Now", 75, 30)).toBe("A3");
    expect(band("Act Now", 75, 29)).toBe("A4");
    expect(band("Evaluate", 74, 100)).toBe("E5");
    expect(band("Evaluate", 55, 0)).toBe("E8");
    expect(band("Nurture", 54, 90)).toBe("N9");
    expect(band("Nurture", 30, 10)).toBe("N9");
    expect(band("Educate", 29, 99)).toBe("ET10");
  });
});

describe("clusterBand: missing or inconsistent fit and intent", () => {
  it("uses the bare code when Act Now or Evaluate lack fit or intent", () => {
    expect(clusterBand("Act Now", null, null)).toEqual({ band: "A", disagrees: false });
    expect(clusterBand("Act Now", "High", null)).toEqual({ band: "A", disagrees: false });
    expect(clusterBand("Act Now", null, "High")).toEqual({ band: "A", disagrees: false });
    expect(clusterBand("Evaluate", "Medium", null)).toEqual({ band: "E", disagrees: false });
    expect(clusterBand("Evaluate", null, "Low")).toEqual({ band: "E", disagrees: false });
  });

  it("pins Nurture and Educate by the fit only: an intent alone says nothing about the fit row", () => {
    expect(clusterBand("Nurture", null, null)).toEqual({ band: "N", disagrees: false });
    expect(clusterBand("Nurture", null, "High")).toEqual({ band: "N", disagrees: false });
    expect(clusterBand("Educate", null, null)).toEqual({ band: "ET", disagrees: false });
    expect(clusterBand("Educate", null, "Low")).toEqual({ band: "ET", disagrees: false });
  });

  it("keeps the file's cluster and flags a fit that belongs to another cluster", () => {
    // Fit below the cluster's row: the bare code, last in the cluster.
    expect(clusterBand("Act Now", "Medium", "High")).toEqual({ band: "A", disagrees: true });
    expect(clusterBand("Nurture", "Very Low", "Low")).toEqual({ band: "N", disagrees: true });
    // Fit above it: ranked as the cluster's own cells, never below a worse fit (issue 10).
    expect(clusterBand("Evaluate", "High", "High")).toEqual({ band: "E5", disagrees: true });
    expect(clusterBand("Evaluate", "High", "Very Low")).toEqual({ band: "E8", disagrees: true });
    expect(clusterBand("Evaluate", "High", null)).toEqual({ band: "E", disagrees: true });
    expect(clusterBand("Nurture", "High", "Low")).toEqual({ band: "N9", disagrees: true });
    expect(clusterBand("Educate", "Low", null)).toEqual({ band: "ET10", disagrees: true });
  });

  it("never ranks a higher fit or intent below a lower one in the same cluster (blank lowest)", () => {
    const order: (ScoreBand | null)[] = [null, "Very Low", "Low", "Medium", "High"];
    for (const cluster of ["Act Now", "Evaluate", "Nurture", "Educate"] as Cluster[]) {
      for (let i = 0; i + 1 < order.length; i++) {
        for (const other of order) {
          const lowerFit = bandRank(clusterBand(cluster, order[i], other).band);
          const higherFit = bandRank(clusterBand(cluster, order[i + 1], other).band);
          expect(higherFit).toBeLessThanOrEqual(lowerFit);
          const lowerIntent = bandRank(clusterBand(cluster, other, order[i]).band);
          const higherIntent = bandRank(clusterBand(cluster, other, order[i + 1]).band);
          expect(higherIntent).toBeLessThanOrEqual(lowerIntent);
        }
      }
    }
  });

  it("flags exactly the combinations outside the matrix row of the stated cluster", () => {
    const rowCluster: Record<ScoreBand, Cluster> = {
      High: "Act Now",
      Medium: "Evaluate",
      Low: "Nurture",
      "Very Low": "Educate",
    };
    for (const cluster of ["Act Now", "Evaluate", "Nurture", "Educate"] as Cluster[]) {
      for (const fit of LEVELS) {
        for (const intent of [...LEVELS, null]) {
          expect(clusterBand(cluster, fit, intent).disagrees).toBe(rowCluster[fit] !== cluster);
        }
      }
    }
  });
});

describe("band order", () => {
  it("sorts A1 < ... < A4 < A < E5 < ... < E < N9 < N < ET10 < ET < blank", () => {
    const shuffled: (ClusterBand | "" | null)[] = [
      "ET",
      "",
      "N9",
      "A",
      "E8",
      "A1",
      null,
      "ET10",
      "E",
      "A4",
      "E5",
      "N",
    ];
    expect([...shuffled].sort(compareBands)).toEqual([
      "A1",
      "A4",
      "A",
      "E5",
      "E8",
      "E",
      "N9",
      "N",
      "ET10",
      "ET",
      "",
      null,
    ]);
  });

  it("ranks every band distinctly and blanks last", () => {
    const ranks = BAND_ORDER.map(bandRank);
    expect(ranks).toEqual(BAND_ORDER.map((_, i) => i));
    expect(bandRank("")).toBe(BAND_ORDER.length);
    expect(bandRank(null)).toBe(BAND_ORDER.length);
    expect(compareBands("A1", "A1")).toBe(0);
    expect(compareBands("A1", "A2")).toBeLessThan(0);
  });

  it("explains every band", () => {
    for (const band of BAND_ORDER) expect(BAND_MEANING[band].startsWith(`${band}: `)).toBe(true);
    expect(BAND_MEANING.A2).toBe("A2: Act Now, high fit, medium intent");
  });
});
