/** Sizing text in SVG without measuring it: an estimate that errs wide for Vietnamese and digits. */
const CHAR_EM = 0.58;

export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * CHAR_EM;
}

/** The text cut to fit `width`, with an ellipsis when cut. */
export function fitText(text: string, width: number, fontSize: number): string {
  const max = Math.max(1, Math.floor(width / (fontSize * CHAR_EM)));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** Words wrapped into at most `lines` lines that fit `width`; the last one cut when needed. */
export function wrapText(text: string, width: number, fontSize: number, lines = 2): string[] {
  const max = Math.max(1, Math.floor(width / (fontSize * CHAR_EM)));
  const out: string[] = [];
  let current = "";
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = current ? `${current} ${word}` : word;
    if (next.length <= max || !current) {
      current = next;
      continue;
    }
    out.push(current);
    current = word;
    if (out.length === lines - 1) {
      current = words.slice(i).join(" ");
      break;
    }
  }
  if (current) out.push(current);
  return out.slice(0, lines).map((line) => fitText(line, width, fontSize));
}

/** A number in an SVG attribute: one decimal is plenty. */
export const px = (n: number) => Math.round(n * 10) / 10;
