/**
 * Markdown of knowledge resources, rendered to HTML on the server (no client JavaScript for it):
 * raw HTML is off (typed tags come out as text), links may only go to http, https or mailto
 * addresses (anything else is left as plain text), and every link to another site opens with
 * rel="noopener noreferrer nofollow".
 */
import MarkdownIt from "markdown-it";

const ALLOWED_LINK = /^(https?:|mailto:)/i;

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

// markdown-it's own check already refuses javascript:, vbscript:, file: and most data: URLs;
// this one narrows it to what a guide needs. Relative links (/vendors?category=…) stay allowed.
md.validateLink = (url: string) => {
  const trimmed = url.trim();
  if (trimmed.startsWith("/") && !trimmed.startsWith("//")) return true;
  if (trimmed.startsWith("#")) return true;
  return ALLOWED_LINK.test(trimmed);
};

const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const href = tokens[idx]!.attrGet("href") ?? "";
  if (/^https?:/i.test(href)) tokens[idx]!.attrSet("rel", "noopener noreferrer nofollow");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

// Headings inside a guide start at h2: the page's own title is the h1.
md.core.ruler.push("shift_headings", (state) => {
  for (const token of state.tokens) {
    if ((token.type === "heading_open" || token.type === "heading_close") && token.tag === "h1") token.tag = "h2";
  }
});

/** Safe HTML for a resource's Markdown. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
