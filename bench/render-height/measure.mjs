// Renders ImpactBot markdown comments as GitHub shows them (GFM through marked, GitHub's markdown CSS, <details>
// collapsed, HTML comments hidden) and measures them in headless Chromium: the whole comment's height, the height
// above the first <details>, and how many checklist items start within the first screen.
//
//   node measure.mjs [--width 768] [--screen 1200] [--screenshot out.png] FILE.md...
//
// --screenshot writes a PNG of the first screen of the first file. Needs `chromium` on PATH (Debian: apt-get install
// chromium) or CHROMIUM=/path/to/chrome. A local bench tool, not a CI test.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { marked } from "marked";

const require = createRequire(import.meta.url);
const css = readFileSync(require.resolve("github-markdown-css/github-markdown-light.css"), "utf8");
const chromium = process.env.CHROMIUM ?? "chromium";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [, value] = args.splice(i, 2);
  return value;
};
// GitHub's conversation column: a comment's body is about 768 px wide (16 px padding inside) on a desktop screen.
const width = Number(option("--width", "768"));
const screen = Number(option("--screen", "1200"));
const screenshot = option("--screenshot", null);
if (args.length === 0) {
  console.error("usage: node measure.mjs [--width 768] [--screen 1200] [--screenshot out.png] FILE.md...");
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), "impactbot-height-"));

function page(markdown, measure) {
  const body = marked.parse(markdown, { gfm: true });
  const script = measure
    ? `<script>
const a = document.querySelector("article");
const origin = a.getBoundingClientRect().top;
const d = a.querySelector("details");
const items = [...a.querySelectorAll("li input[type=checkbox]")].map(i => i.getBoundingClientRect().top - origin);
const visible = items.filter(y => y < ${screen}).length;
const hidden = [...a.querySelectorAll("details li input[type=checkbox]")].length;
document.title = JSON.stringify({
  total: Math.round(a.getBoundingClientRect().height),
  beforeDetails: Math.round(d ? d.getBoundingClientRect().top - origin : a.getBoundingClientRect().height),
  items: items.length,
  itemsOutsideDetails: items.length - hidden,
  itemsOnFirstScreen: visible,
});
</script>`
    : "";
  return `<!doctype html><html><head><meta charset="utf-8"><title>-</title><style>${css}</style>
<style>body { margin: 0; background: #fff; } .markdown-body { box-sizing: border-box; width: ${width}px; padding: 16px; }</style>
</head><body><article class="markdown-body">${body}</article>${script}</body></html>`;
}

function chrome(...extra) {
  return execFileSync(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", ...extra], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
    maxBuffer: 64 * 1024 * 1024,
  });
}

console.log(`file | characters | height px | px above first <details> | items | items outside <details> | items starting in the first ${screen} px`);
for (const file of args) {
  const markdown = readFileSync(file, "utf8");
  const html = join(dir, basename(file) + ".html");
  writeFileSync(html, page(markdown, true));
  const dom = chrome(`--window-size=${width},${screen}`, "--dump-dom", `file://${html}`);
  const title = /<title>(.*?)<\/title>/s.exec(dom)?.[1] ?? "";
  const m = JSON.parse(title.replaceAll("&quot;", '"'));
  console.log(`${basename(file)} | ${markdown.length.toLocaleString("en")} | ${m.total.toLocaleString("en")} | ${m.beforeDetails.toLocaleString("en")} | ${m.items} | ${m.itemsOutsideDetails} | ${m.itemsOnFirstScreen}`);
}

if (screenshot) {
  const html = join(dir, "screenshot.html");
  writeFileSync(html, page(readFileSync(args[0], "utf8"), false));
  chrome(`--window-size=${width},${screen}`, `--screenshot=${screenshot}`, `file://${html}`);
  console.log(`screenshot of ${basename(args[0])}: ${screenshot}`);
}
