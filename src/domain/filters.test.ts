import {
  normaliseCriterion,
  clusterFilterValues,
  countVisibleByCluster,
  distinctValueCounts,
  valueFilterValues,
  visibleRows,
  yesFilterValues,
  type FilterCriteria,
} from "./filters";

describe("filter values are the exact texts present", () => {
  const clusterTexts = [
    "Act Now",
    "act now ",
    "EVALUATE",
    "Nurture",
    "",
    "Act Now",
    "Educate",
    "n/a",
    "Evaluate",
  ];

  it("lists every spelling of the wanted clusters once, sorted", () => {
    expect(clusterFilterValues(clusterTexts, ["Act Now", "Evaluate"])).toEqual([
      "Act Now",
      "EVALUATE",
      "Evaluate",
      "act now ",
    ]);
    expect(clusterFilterValues(clusterTexts, ["Educate"])).toEqual(["Educate"]);
  });

  it("never includes blank or unrecognised texts", () => {
    expect(clusterFilterValues(["", "  ", "#N/A", "Act"], ["Act Now"])).toEqual([]);
  });

  it("lists the texts that mean yes", () => {
    expect(yesFilterValues(["Yes", "No", "yes", "Y", "TRUE", "", "1", "maybe", "Yes"])).toEqual([
      "1",
      "TRUE",
      "Y",
      "Yes",
      "yes",
    ]);
  });

  it("accepts by any predicate, each text once", () => {
    const accept = jest.fn((text: string) => text.startsWith("Cohort"));
    expect(valueFilterValues(["Cohort 2", "Cohort 1", "Other", "Cohort 2"], accept)).toEqual([
      "Cohort 1",
      "Cohort 2",
    ]);
    expect(accept).toHaveBeenCalledTimes(3);
  });
});

describe("visibleRows", () => {
  const texts = new Map<number, string[]>([
    [0, ["Act Now", "Evaluate", "Nurture", "", "act now"]],
    [1, ["Yes", "No", "Yes", "Yes", "Yes"]],
  ]);

  it("shows every row without criteria", () => {
    expect(visibleRows(texts, new Map(), 5)).toEqual([true, true, true, true, true]);
  });

  it("matches exact texts and ANDs across columns", () => {
    const criteria: FilterCriteria = new Map([
      [0, new Set(["Act Now", "Evaluate", "act now"])],
      [1, new Set(["Yes"])],
    ]);
    expect(visibleRows(texts, criteria, 5)).toEqual([true, false, false, false, true]);
  });

  it("hides blank cells unless the empty text is allowed, and treats missing cells as blank", () => {
    expect(visibleRows(texts, new Map([[0, new Set(["Nurture"])]]), 6)).toEqual([
      false,
      false,
      true,
      false,
      false,
      false,
    ]);
    expect(visibleRows(texts, new Map([[0, new Set(["Nurture", ""])]]), 6)).toEqual([
      false,
      false,
      true,
      true,
      false,
      true,
    ]);
    expect(visibleRows(texts, new Map([[7, new Set([""])]]), 2)).toEqual([true, true]);
  });

  it("treats case variants as equal, as Excel's values filter does (MS-XLSB BrtFilter)", () => {
    expect(visibleRows(texts, new Map([[0, new Set(["Act Now"])]]), 5)).toEqual([
      true,
      false,
      false,
      false,
      true,
    ]);
  });
});

describe("countVisibleByCluster", () => {
  it("counts the visible rows per cluster, blank and unknown", () => {
    const clusterTexts = ["Act Now", "act now ", "Evaluate", "", "Nurture", "junk", "Educate"];
    const visible = [true, true, false, true, true, true, false];
    expect(countVisibleByCluster(clusterTexts, visible)).toEqual({
      "Act Now": 2,
      Evaluate: 0,
      Nurture: 1,
      Educate: 0,
      Blank: 1,
      Unknown: 1,
      visible: 5,
      total: 7,
    });
  });
});

describe("distinctValueCounts", () => {
  it("counts non-blank texts, most frequent first, then alphabetically", () => {
    expect(distinctValueCounts(["No", "Yes", "No", "", " ", "#N/A", "Maybe", "Also", "Yes", "No"])).toEqual([
      { value: "No", count: 3 },
      { value: "Yes", count: 2 },
      { value: "Also", count: 1 },
      { value: "Maybe", count: 1 },
    ]);
  });
});

describe("normaliseCriterion (criteria read back from Excel, office-js#1226)", () => {
  const blank = {
    color: null,
    criterion1: null,
    criterion2: null,
    dynamicCriteria: null,
    filterOn: null,
    icon: null,
    operator: null,
    subField: null,
    values: null,
  };

  it("drops null properties of a filtered column", () => {
    expect(normaliseCriterion({ ...blank, filterOn: "Values", values: ["Act Now"] })).toEqual({
      filterOn: "Values",
      values: ["Act Now"],
    });
    expect(normaliseCriterion({ ...blank, filterOn: "Custom", criterion1: "=*x*", operator: "Or" })).toEqual({
      filterOn: "Custom",
      criterion1: "=*x*",
      operator: "Or",
    });
  });

  it("takes an entry with nothing to filter by as not filtered, whatever its filterOn", () => {
    expect(normaliseCriterion(blank)).toBeNull();
    expect(normaliseCriterion({ ...blank, filterOn: "Values", values: [] })).toBeNull();
    expect(normaliseCriterion({ ...blank, filterOn: "Custom" })).toBeNull();
    expect(normaliseCriterion({})).toBeNull();
    expect(normaliseCriterion(null)).toBeNull();
  });
});
