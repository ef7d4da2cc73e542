import { benchCompare } from "/work/wt/compare/bench/compare";
benchCompare(Number(process.argv[2] ?? 5000)).catch((e) => { console.error(e); process.exit(1); });
