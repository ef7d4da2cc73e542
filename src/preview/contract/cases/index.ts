import type { ContractCase } from "../types";
import { application } from "./application";
import { autofilterCriteria, autofilterWildcards } from "./autofilterCriteria";
import { charts } from "./charts";
import { conditionalFormats } from "./conditionalFormats";
import { countIfs, countIfsProof } from "./countIfs";
import { filteredWrites } from "./filteredWrites";
import { formats } from "./formats";
import { freezePanes } from "./freezePanes";
import { lookups } from "./lookups";
import { navigation } from "./navigation";
import { rangeDerivation } from "./rangeDerivation";
import { officeHost } from "./officeHost";
import { payload } from "./payload";
import { pivotItems, pivotTables } from "./pivotTables";
import { protection } from "./protection";
import { rangeView } from "./rangeView";
import { requirementSets } from "./requirementSets";
import { settings } from "./settings";
import { sheets } from "./sheets";
import { sort } from "./sort";
import { tables } from "./tables";
import { textFormat } from "./textFormat";
import { valuesFilter } from "./valuesFilter";

/** Every contract case, in the order both runners run them. Add a new module here. */
export const CONTRACT_CASES: readonly ContractCase[] = [
  officeHost,
  requirementSets,
  sheets,
  navigation,
  rangeDerivation,
  textFormat,
  formats,
  protection,
  autofilterCriteria,
  autofilterWildcards,
  valuesFilter,
  filteredWrites,
  rangeView,
  countIfs,
  countIfsProof,
  lookups,
  tables,
  sort,
  pivotTables,
  pivotItems,
  conditionalFormats,
  freezePanes,
  charts,
  settings,
  application,
  payload,
];
