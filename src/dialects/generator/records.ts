/**
 * Reading TableGen records as `mlir-tblgen --print-records` prints them.
 *
 * Only the defs section is read: every def with its full list of
 * superclasses (the comment after its `{`) and its fields, whose values are
 * already resolved (template arguments substituted, anonymous instances
 * named `anonymous_N`). That is all ODS's own C++ model reads, so the
 * generator needs no TableGen library, only the mlir-tblgen binary from
 * Debian's mlir-22-tools.
 *
 * @module
 */

/** A reference to another def, by name. */
export interface DefRef {
  readonly ref: string;
}

/** A dag value: `(op arg:$name, ...)`. */
export interface Dag {
  readonly op: Value;
  readonly args: readonly { readonly value: Value; readonly name: string | null }[];
}

/** A bang operator or other value kept as text (left unresolved by TableGen). */
export interface RawValue {
  readonly raw: string;
}

/** A field's value. `undefined` is TableGen's unset `?`. */
export type Value = undefined | string | number | readonly Value[] | Dag | DefRef | RawValue;

/** One def: its name, every class it derives from, and its fields. */
export interface Def {
  readonly name: string;
  readonly supers: ReadonlySet<string>;
  readonly fields: ReadonlyMap<string, Value>;
}

/** True when `v` names a def. */
export function isRef(v: Value): v is DefRef {
  return typeof v === "object" && v !== null && "ref" in v;
}

/** True when `v` is a dag. */
export function isDag(v: Value): v is Dag {
  return typeof v === "object" && v !== null && "args" in v;
}

/** The defs of one `--print-records` output, looked up by name. */
export class Records {
  readonly defs: ReadonlyMap<string, Def>;

  constructor(text: string) {
    this.defs = parseDefs(text);
  }

  /** The def named `name`, or undefined. */
  get(name: string): Def | undefined {
    return this.defs.get(name);
  }

  /** The def `v` refers to, or undefined when `v` is not a reference to a known def. */
  deref(v: Value): Def | undefined {
    return isRef(v) ? this.defs.get(v.ref) : undefined;
  }
}

/** A def's string field ("" when unset or not a string). */
export function str(def: Def, field: string): string {
  const v = def.fields.get(field);
  return typeof v === "string" ? v : "";
}

/** A def's int or bit field (0 when unset). */
export function int(def: Def, field: string): number {
  const v = def.fields.get(field);
  return typeof v === "number" ? v : 0;
}

/** A def's list field ([] when unset). */
export function list(def: Def, field: string): readonly Value[] {
  const v = def.fields.get(field);
  return Array.isArray(v) ? v : [];
}

const DEF_LINE = /^def ([A-Za-z0-9_.:]+) \{(?:\t\/\/ (.*))?$/;
const FIELD_LINE = /^ {2}(?:field )?[A-Za-z_][\w:<>, ]*? ([A-Za-z_]\w*) = /;

/**
 * Splits the defs section into defs (a def starts at `def NAME {` and ends at
 * a line `}`) and each def into fields (a field starts at an indented
 * `type name = `). Splitting by lines first keeps one odd value from
 * derailing the rest: print-records does not escape quotes inside strings.
 */
function parseDefs(text: string): Map<string, Def> {
  const defs = new Map<string, Def>();
  const start = text.indexOf("\n------------- Defs -----------------");
  if (start < 0) throw new Error("not mlir-tblgen --print-records output: no Defs section");
  const lines = text.slice(text.indexOf("\n", start + 1) + 1).split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = DEF_LINE.exec(lines[i]!);
    if (m === null) continue;
    const name = m[1]!;
    const supers = new Set((m[2] ?? "").split(/\s+/).filter((s) => s !== ""));
    const fields = new Map<string, Value>();
    let field: string | null = null;
    let body: string[] = [];
    const flush = () => {
      if (field !== null) fields.set(field, fieldValue(body.join("\n")));
    };
    for (i++; i < lines.length && lines[i] !== "}"; i++) {
      const line = lines[i]!;
      const f = FIELD_LINE.exec(line);
      if (f !== null) {
        flush();
        field = f[1]!;
        body = [line.slice(f[0].length)];
      } else body.push(line);
    }
    flush();
    defs.set(name, { name, supers, fields });
  }
  return defs;
}

/** A field's value from its text (`value;`); a value that does not parse is kept as text. */
function fieldValue(text: string): Value {
  const t = text.trimEnd();
  const v = t.endsWith(";") ? t.slice(0, -1) : t;
  // A top-level string runs from its first quote to its last.
  if (v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1);
  if (v.startsWith("[{") && v.endsWith("}]")) return v.slice(2, -2);
  try {
    const p = new Parser(v, 0);
    const value = p.value();
    return p.done() ? value : { raw: v };
  } catch {
    return { raw: v };
  }
}

const IDENT = /[A-Za-z0-9_.]/;

/** A cursor over the text, with one method per TableGen value form. */
class Parser {
  constructor(readonly text: string, public pos: number) {}

  done(): boolean {
    return this.pos >= this.text.length;
  }

  peek(): string {
    return this.text[this.pos] ?? "";
  }

  fail(what: string): never {
    const line = this.text.slice(0, this.pos).split("\n").length;
    throw new Error(`print-records line ${line}: expected ${what}, found '${this.text.slice(this.pos, this.pos + 40)}'`);
  }

  skipSpace(): void {
    while (/\s/.test(this.peek())) this.pos++;
  }

  expect(s: string): void {
    if (!this.text.startsWith(s, this.pos)) this.fail(`'${s}'`);
    this.pos += s.length;
  }

  identifier(): string {
    const from = this.pos;
    while (IDENT.test(this.peek())) this.pos++;
    if (this.pos === from) this.fail("a name");
    return this.text.slice(from, this.pos);
  }

  /** Skips a bracketed span (nesting, strings and code inside), returning its text. */
  balanced(open: string, close: string): string {
    const from = this.pos;
    let depth = 0;
    for (;;) {
      const c = this.peek();
      if (c === "") this.fail(`'${close}'`);
      if (c === '"') {
        this.string();
        continue;
      }
      if (this.text.startsWith("[{", this.pos)) {
        this.code();
        continue;
      }
      this.pos++;
      if (c === open) depth++;
      else if (c === close && --depth === 0) return this.text.slice(from, this.pos);
    }
  }

  /**
   * A string literal inside a list or dag. print-records does not escape
   * quotes inside strings, so a quote ends the string only where a value can
   * end: before `,`, `]`, `)` or `:`.
   */
  string(): string {
    this.expect('"');
    const from = this.pos;
    for (;;) {
      const q = this.text.indexOf('"', this.pos);
      if (q < 0) this.fail("the end of a string");
      this.pos = q + 1;
      const next = this.text[q + 1] ?? "";
      if (next === "," || next === "]" || next === ")" || next === ":" || next === "") return this.text.slice(from, q);
    }
  }

  code(): string {
    this.expect("[{");
    const end = this.text.indexOf("}]", this.pos);
    if (end < 0) this.fail("'}]'");
    const body = this.text.slice(this.pos, end);
    this.pos = end + 2;
    return body;
  }

  value(): Value {
    const c = this.peek();
    if (c === "?") {
      this.pos++;
      return undefined;
    }
    if (c === '"') {
      return this.string();
    }
    if (this.text.startsWith("[{", this.pos)) return this.code();
    if (c === "[") return this.listValue();
    if (c === "(") return this.dag();
    if (c === "{") return this.bits();
    if (c === "!") {
      this.identifier();
      if (this.peek() === "<") this.balanced("<", ">");
      const from = this.pos;
      this.balanced("(", ")");
      return { raw: this.text.slice(from, this.pos) };
    }
    if (c === "-" || /[0-9]/.test(c)) {
      const m = /^-?(0x[0-9a-fA-F]+|0b[01]+|[0-9]+)/.exec(this.text.slice(this.pos, this.pos + 40));
      if (m !== null && !IDENT.test(this.text[this.pos + m[0].length] ?? "")) {
        this.pos += m[0].length;
        return Number(m[0]);
      }
    }
    const name = this.identifier();
    // A class instance left unresolved (Foo<...>) stays text.
    if (this.peek() === "<") return { raw: name + this.balanced("<", ">") };
    return { ref: name };
  }

  listValue(): Value[] {
    this.expect("[");
    const out: Value[] = [];
    this.skipSpace();
    while (this.peek() !== "]") {
      out.push(this.value());
      this.skipSpace();
      if (this.peek() === ",") this.pos++;
      this.skipSpace();
    }
    this.pos++;
    // `[a, b]<type>` annotations do not occur in resolved defs; tolerate them.
    if (this.peek() === "<") this.balanced("<", ">");
    return out;
  }

  bits(): number {
    const text = this.balanced("{", "}");
    const bits = text.slice(1, -1).split(",").map((b) => b.trim());
    // Most significant bit first; unset bits count as 0.
    return bits.reduce((n, b) => n * 2 + (b === "1" ? 1 : 0), 0);
  }

  dag(): Dag {
    this.expect("(");
    this.skipSpace();
    const op = this.value();
    const args: { value: Value; name: string | null }[] = [];
    this.skipSpace();
    while (this.peek() !== ")") {
      let value: Value;
      let name: string | null = null;
      if (this.peek() === "$") value = undefined;
      else value = this.value();
      if (this.peek() === ":") this.pos++;
      if (this.peek() === "$") {
        this.pos++;
        name = this.identifier();
      }
      args.push({ value, name });
      this.skipSpace();
      if (this.peek() === ",") this.pos++;
      this.skipSpace();
    }
    this.pos++;
    return { op, args };
  }
}
