// Lists the Office.js members a folder of source calls, by asking the TypeScript checker what each
// property access resolves to: a member counts when its declaration lives in @types/office-js.
// Names are "Class.member" for Excel classes ("Worksheet.getRangeByIndexes", the keys the in-memory
// Excel's requirement table uses), "Excel.run" for namespace functions and "Office.Context.document"
// for the Office common API. Each comes with its ExcelApi set from the declaration's JSDoc.
import { readFileSync, readdirSync } from "fs";
import { join, relative } from "path";
import ts from "typescript";

export interface MemberUse {
  member: string;
  /** ExcelApi set named in excel.d.ts ("[Api set: ExcelApi 1.7]"), or null when it names none. */
  apiSet: string | null;
  /** Where it is used first: "src/excel/read.ts:87". */
  where: string;
}

const ROOT = join(__dirname, "..", "..");

/** Bookkeeping every batch does; every contract case exercises them, so no case needs to list them. */
export const GENERIC_MEMBERS = new Set([
  "ClientObject.context",
  "ClientObject.isNullObject",
  "ClientRequestContext.sync",
  "ClientResult.value",
]);
const GENERIC_NAMES = new Set(["load", "toJSON", "set", "track", "untrack"]);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

function containerName(declaration: ts.Declaration): string[] {
  const names: string[] = [];
  let node: ts.Node | undefined = declaration.parent;
  while (node) {
    if (
      (ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isModuleDeclaration(node)) &&
      node.name
    ) {
      names.unshift(node.name.text);
    }
    node = node.parent;
  }
  return names;
}

function apiSetOf(declaration: ts.Declaration): string | null {
  const text = declaration.getSourceFile().text;
  const ranges = ts.getLeadingCommentRanges(text, declaration.getFullStart()) ?? [];
  for (const range of ranges) {
    const match = /\[Api set: ExcelApi (\d+\.\d+)/.exec(text.slice(range.pos, range.end));
    if (match) return match[1];
  }
  return null;
}

/** The Office.js members used under `folder` (relative to the repository root), first use each. */
export function officeMembersUsed(folder = "src/excel"): MemberUse[] {
  const files = sourceFiles(join(ROOT, folder));
  const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile).config as object;
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
  const program = ts.createProgram(files, { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const found = new Map<string, MemberUse>();
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        const declaration = symbol?.declarations?.[0];
        if (declaration && /[\\/]@types[\\/]office-js[\\/]/.test(declaration.getSourceFile().fileName)) {
          // Enum values and plain data interfaces (Excel.FilterCriteria) are not calls into Excel.
          const isValueOnly =
            ts.isEnumMember(declaration) ||
            ts.isEnumDeclaration(declaration) ||
            (declaration.parent !== undefined &&
              ts.isInterfaceDeclaration(declaration.parent) &&
              containerName(declaration)[0] === "Excel");
          const path = containerName(declaration);
          const name = node.name.text;
          const container = path.filter((p) => p !== "Excel" && p !== "Interfaces");
          const member =
            path[0] === "Excel" && container.length > 0
              ? `${container[container.length - 1]}.${name}`
              : path[0] === "OfficeExtension" && container.length > 1
                ? `${container[container.length - 1]}.${name}`
                : `${path.join(".")}.${name}`;
          if (!isValueOnly && !GENERIC_NAMES.has(name) && !found.has(member)) {
            const { line } = source.getLineAndCharacterOfPosition(node.name.getStart());
            found.set(member, {
              member,
              apiSet: apiSetOf(declaration),
              where: `${relative(ROOT, file)}:${line + 1}`,
            });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...found.values()].sort((a, b) => a.member.localeCompare(b.member));
}

/** "Class.member" -> ExcelApi set, for every member of an Excel class in excel.d.ts that names one. */
export function declaredApiSets(): Map<string, string> {
  const file = require.resolve("@types/office-js/index.d.ts");
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const sets = new Map<string, string>();
  const visit = (node: ts.Node, namespace: string[]): void => {
    if (ts.isModuleDeclaration(node)) {
      const inner = [...namespace, node.name.getText()];
      if (node.body) ts.forEachChild(node.body, (child) => visit(child, inner));
      return;
    }
    if (ts.isClassDeclaration(node) && node.name && namespace.join(".") === "Excel") {
      for (const member of node.members) {
        if (!member.name) continue;
        const key = `${node.name.text}.${member.name.getText()}`;
        const set = apiSetOf(member);
        if (set && !sets.has(key)) sets.set(key, set);
      }
    }
    ts.forEachChild(node, (child) => visit(child, namespace));
  };
  visit(source, []);
  return sets;
}
