/**
 * A vendor's logo, square, for the profile, the directory cards and the staff review. The picture
 * keeps its proportions inside the square (object-fit: contain) and the square's size is given as
 * width and height, so the page does not move while the file loads. Without a logo: the initials
 * of the name on a tinted square of the same size. `logoUrl` comes from the loader (`logoUrl()` in
 * app/models/vendor-logos.server.ts), null when the vendor has none.
 */
const SIZES = { sm: 48, md: 72, lg: 112 } as const;

export type VendorLogoSize = keyof typeof SIZES;

/** Up to two initials of a company name, skipping the legal form ("Công ty TNHH …"). */
export function initialsOf(name: string): string {
  const skip = /^(công|ty|tnhh|cổ|phần|cp|jsc|co|ltd|llc|mtv|một|thành|viên|và|&)$/i;
  const words = name
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ""))
    .filter((w) => w && !skip.test(w));
  return (
    words
      .slice(0, 2)
      .map((w) => w[0]!.toLocaleUpperCase("vi"))
      .join("") || "?"
  );
}

export function VendorLogo({
  name,
  logoUrl,
  size = "md",
  className = "",
}: {
  name: string;
  logoUrl: string | null;
  size?: VendorLogoSize;
  className?: string;
}) {
  const px = SIZES[size];
  const box = `shrink-0 rounded-md border border-slate-200 bg-white ${className}`;
  if (logoUrl) {
    return (
      <img
        src={logoUrl}
        alt=""
        width={px}
        height={px}
        loading="lazy"
        decoding="async"
        className={`${box} object-contain p-1`}
        style={{ width: px, height: px }}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className={`${box} inline-flex items-center justify-center bg-brand-50 font-bold text-brand-800`}
      style={{ width: px, height: px, fontSize: Math.round(px / 2.6) }}
    >
      {initialsOf(name)}
    </span>
  );
}
