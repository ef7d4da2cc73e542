import { FakeOfficeError, fail, propertyNotLoaded } from "../errors";
import { apiSetOf, isSupported } from "../requirements";
import type { ContextCore } from "./context";

/** A loadable (and maybe settable) scalar property of a proxy class. */
export interface PropDef<T> {
  get: (target: T) => unknown;
  set?: (target: T, value: unknown) => void;
  /** Cell-grid properties count towards the read statistics and the 5M-cell rule. */
  cells?: boolean;
}

export type LoadSpec = string | string[] | { select?: string | string[]; expand?: string | string[] };

/** Which properties a load asks for: scalar names and navigation paths ("format/font/bold"). */
export interface LoadTree {
  all: boolean;
  props: Set<string>;
  nav: Map<string, LoadTree>;
}

export function parseLoad(spec?: LoadSpec): LoadTree {
  const tree: LoadTree = { all: false, props: new Set(), nav: new Map() };
  const names: string[] = [];
  const add = (s: string | string[] | undefined) => {
    if (s === undefined) return;
    for (const part of Array.isArray(s) ? s : s.split(",")) if (part.trim()) names.push(part.trim());
  };
  if (spec === undefined || spec === null) tree.all = true;
  else if (typeof spec === "string" || Array.isArray(spec)) add(spec);
  else {
    add(spec.select);
    add(spec.expand);
    if (spec.select === undefined && spec.expand === undefined) tree.all = true;
  }
  if (!tree.all && names.length === 0) tree.all = true;
  for (const name of names) addPath(tree, name.split("/"));
  return tree;
}

function addPath(tree: LoadTree, parts: string[]): void {
  const [head, ...rest] = parts;
  if (rest.length === 0) {
    tree.props.add(head);
    return;
  }
  let child = tree.nav.get(head);
  if (!child) {
    child = { all: false, props: new Set(), nav: new Map() };
    tree.nav.set(head, child);
  }
  addPath(child, rest);
}

function allProps(): LoadTree {
  return { all: true, props: new Set(), nav: new Map() };
}

/** What navigation and collections need of any proxy, whatever its target type. */
export interface Loadable {
  _applyLoad(tree: LoadTree): void;
  _resolve(): unknown;
}

/** Installs Office-style accessors (`range.values`) that read loaded state and queue writes. */
export function installProps(cls: { prototype: object }, names: readonly string[]): void {
  for (const name of names) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: ProxyObject<unknown>) {
        return this._read(name);
      },
      set(this: ProxyObject<unknown>, value: unknown) {
        this._write(name, value);
      },
    });
  }
}

/**
 * Base of every proxy: a path to a model object resolved lazily at sync (like Office's object
 * paths), loaded values visible only after a successful sync, and writes queued as actions.
 */
export abstract class ProxyObject<T> implements Loadable {
  readonly _loaded = new Map<string, unknown>();
  /** undefined until the proxy was resolved in a successful sync. */
  _nullState: boolean | undefined;
  private _cache: { target: T | null } | null = null;
  private readonly _children = new Map<string, unknown>();
  /** "Class.member" of the navigation property (`pivot.rowHierarchies`) that produced this proxy. */
  _navigatedFrom: string | undefined;

  constructor(
    readonly context: ContextCore,
    private readonly _resolver: (() => T | null) | null,
    readonly _nullable = false,
    /** "Class.member" of the navigation that produced this proxy, if it has its own API set. */
    private readonly _via?: string,
  ) {}

  /** Office class name, for requirement sets and error locations. */
  abstract get _class(): string;
  abstract get _props(): Record<string, PropDef<T>>;

  /** Single objects keep their identity across syncs; collections are listed afresh. */
  protected get _cacheable(): boolean {
    return true;
  }

  protected _lookup(): T | null {
    return this._resolver ? this._resolver() : null;
  }

  /** Is a resolved target gone (deleted sheet, table...)? */
  protected _isGone(target: T): boolean {
    return (target as { deleted?: boolean }).deleted === true;
  }

  get isNullObject(): boolean {
    if (!this._nullable) return false;
    if (this._nullState === undefined) throw propertyNotLoaded("isNullObject");
    return this._nullState;
  }

  /** Resolves during a sync; null only for *OrNullObject proxies whose object does not exist. */
  _resolveNullable(): T | null {
    // A navigation property has its own requirement set (PivotTable.rowHierarchies is 1.8 where
    // the PivotTable itself is 1.3): checked whenever the object it leads to is used.
    const via = this._via ?? this._navigatedFrom;
    if (via) this.context.requireApi(via);
    if (!this._cache || !this._cacheable) {
      const target = this._lookup();
      this._cache = { target };
      if (this._nullable) {
        const isNull = target === null;
        this.context.syncing.deliveries.push(() => (this._nullState = isNull));
      }
    }
    const { target } = this._cache;
    if (target !== null && this._isGone(target)) fail("ItemNotFound", this._class);
    return target;
  }

  _resolve(): T {
    const target = this._resolveNullable();
    if (target === null) fail("ItemNotFound", this._class, `The requested ${this._class} doesn't exist.`);
    return target;
  }

  /** Queues the instantiation of an *OrNullObject proxy so `isNullObject` is known after sync. */
  _instantiate(member: string): this {
    this.context.action(member, undefined, false, () => void this._resolveNullable());
    return this;
  }

  _read(name: string): unknown {
    if (this._nullState === true) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${name}' is not available: the object is a null object (isNullObject is true).`,
      );
    }
    if (!this._loaded.has(name)) throw propertyNotLoaded(name);
    return this._loaded.get(name);
  }

  _write(name: string, value: unknown): void {
    const def = this._props[name];
    if (!def?.set)
      throw new FakeOfficeError(
        "InvalidArgument",
        `The property '${name}' is read-only.`,
        `${this._class}.${name}`,
      );
    const setter = def.set;
    this.context.action(`${this._class}.${name}`, value, true, () => setter(this._resolve(), value));
    if (this._loaded.has(name)) this._loaded.set(name, value);
  }

  /** Queues a method call; `apply` receives the resolved target. */
  protected _call(member: string, args: unknown, write: boolean, apply: (target: T) => void): void {
    this.context.action(`${this._class}.${member}`, args, write, () => apply(this._resolve()));
  }

  /** A cached navigation child (`range.format`), so loads on it land on the same object. */
  protected _child<C>(name: string, make: () => C): C {
    let child = this._children.get(name) as C | undefined;
    if (!child) {
      child = make();
      if (child instanceof ProxyObject) child._navigatedFrom ??= `${this._class}.${name}`;
      this._children.set(name, child);
    }
    return child;
  }

  /** Navigation properties reachable in load paths ("format/font"); overridden by classes that have them. */
  _navigate(name: string): Loadable | undefined {
    void name;
    return undefined;
  }

  load(spec?: LoadSpec): this {
    const tree = parseLoad(spec);
    this.context.action(`${this._class}.load`, spec ?? null, false, () => this._applyLoad(tree));
    return this;
  }

  /** Reads the requested properties from the model during sync. */
  _applyLoad(tree: LoadTree): void {
    const target = this._nullable ? this._resolveNullable() : this._resolve();
    if (target === null) {
      this.context.deliver({}, () => undefined);
      return;
    }
    const props = this._props;
    const apiVersion = this.context.host.apiVersion;
    const names = tree.all
      ? Object.keys(props).filter((n) => isSupported(apiVersion, apiSetOf(`${this._class}.${n}`)))
      : [...tree.props];
    const values: Record<string, unknown> = {};
    const cells: Record<string, number> = {};
    for (const name of names) {
      const def = props[name];
      if (!def) {
        const nav = this._navigate(name);
        if (nav) {
          nav._applyLoad(allProps());
          continue;
        }
        fail(
          "InvalidArgument",
          `${this._class}.${name}`,
          `The property '${name}' does not exist on ${this._class}.`,
        );
      }
      this.context.requireApi(`${this._class}.${name}`);
      values[name] = def.get(target);
      if (def.cells) cells[name] = this._cellCount(target);
    }
    this.context.deliver(
      values,
      () => {
        for (const [name, value] of Object.entries(values)) this._loaded.set(name, value);
      },
      cells,
    );
    for (const [name, sub] of tree.nav) {
      const nav = this._navigate(name);
      if (!nav)
        fail(
          "InvalidArgument",
          `${this._class}.${name}`,
          `'${name}' is not a navigation property of ${this._class}.`,
        );
      nav._applyLoad(sub);
    }
  }

  /** Cells behind a cell-grid property (ranges override). */
  protected _cellCount(_target: T): number {
    return 0;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }

  /** Office's change-tracking calls; nothing to track in memory. */
  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/** `getCount()` and friends: `.value` is readable after the sync. */
export class FakeClientResult<T> {
  private _value: { v: T } | null = null;

  get value(): T {
    if (!this._value) throw propertyNotLoaded("value");
    return this._value.v;
  }

  _set(value: T): void {
    this._value = { v: value };
  }
}

/** Collections: `items` after `load("items")` / `load("items/name")`, `getCount()`. */
export abstract class CollectionProxy<M, P extends Loadable> extends ProxyObject<M[]> {
  private _items: P[] | null = null;

  constructor(context: ContextCore, via?: string) {
    super(context, null, false, via);
  }

  /** The model items, at sync time. */
  protected abstract _list(): M[];
  protected abstract _itemProxy(item: M): P;

  get _props(): Record<string, PropDef<M[]>> {
    return {};
  }

  get items(): P[] {
    if (!this._items) throw propertyNotLoaded("items");
    return this._items;
  }

  override _applyLoad(tree: LoadTree): void {
    const list = this._resolve();
    const wantsItems = tree.all || tree.props.has("items") || tree.nav.has("items");
    const own: LoadTree = {
      all: false,
      props: new Set([...tree.props].filter((p) => p !== "items")),
      nav: new Map(),
    };
    super._applyLoad(own);
    if (!wantsItems) return;
    const sub = tree.nav.get("items") ?? allProps();
    const proxies = list.map((item) => this._itemProxy(item));
    for (const proxy of proxies) proxy._applyLoad(sub);
    this.context.deliver({}, () => (this._items = proxies));
  }

  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.context.action(`${this._class}.getCount`, undefined, false, () => {
      const count = this._resolve().length;
      this.context.deliver({ value: count }, () => result._set(count));
    });
    return result;
  }

  protected override get _cacheable(): boolean {
    return false;
  }

  protected override _lookup(): M[] {
    return this._list();
  }
}
