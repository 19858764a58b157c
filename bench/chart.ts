/**
 * The report's chart: walk cost per operation for every variant, on each
 * runtime, as a horizontal bar chart in plain SVG.
 *
 * @module
 */
import { type Variant, VARIANTS } from "./fixtures.ts";
import type { RuntimeResults } from "./results.ts";

type Lookup = (r: RuntimeResults, workload: string, variant: Variant, size: number) => number | undefined;

const COLORS: Record<string, string> = {
  native: "#6b7280",
  raw: "#9ca3af",
  interned: "#2563eb",
  weak: "#16a34a",
  ephemeral: "#d97706",
};

function colorOf(variant: Variant): string {
  return COLORS[variant.split("-")[0]!] ?? "#000";
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** An SVG bar chart of walk ns/op at each runtime's largest size. */
export function chartSvg(runs: RuntimeResults[], value: Lookup): string {
  const rows: { label: string; variant: Variant; v: number; runtime: string }[] = [];
  for (const r of runs) {
    const size = Math.max(...r.sizes);
    for (const variant of VARIANTS) {
      const v = value(r, "walk", variant, size);
      if (v !== undefined) rows.push({ label: variant, variant, v, runtime: `${r.runtime} (${size.toLocaleString("en")} ops)` });
    }
  }
  const max = Math.max(...rows.map((r) => r.v), 1);
  const left = 170;
  const width = 760;
  const barMax = width - left - 90;
  const rowH = 22;
  let y = 40;
  const parts: string[] = [];
  let current = "";
  for (const row of rows) {
    if (row.runtime !== current) {
      current = row.runtime;
      y += 10;
      parts.push(`<text x="10" y="${y + 4}" font-weight="bold">${escape(current)}</text>`);
      y += 18;
    }
    const w = Math.max(1, (row.v / max) * barMax);
    parts.push(
      `<text x="${left - 8}" y="${y + 14}" text-anchor="end">${escape(row.label)}</text>`,
      `<rect x="${left}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="${colorOf(row.variant)}"/>`,
      `<text x="${(left + w + 6).toFixed(1)}" y="${y + 14}">${row.v.toFixed(1)} ns</text>`,
    );
    y += rowH;
  }
  const height = y + 20;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="13">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="22" font-size="15" font-weight="bold">Full walk, reading each op's name: ns per operation (lower is better)</text>`,
    ...parts,
    `</svg>`,
    "",
  ].join("\n");
}
