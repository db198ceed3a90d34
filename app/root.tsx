import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/utils/i18n-react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import stylesheet from "~/tailwind.css";
import { unreadCount } from "~/models/notifications.server";
import { getUser } from "~/utils/auth.server";
import { getLang } from "~/utils/i18n.server";
import { useNonce } from "~/utils/nonce";
import { useRootData } from "~/utils/use-root-data";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Kết Nối Số" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return json({
    lang: getLang(request),
    user: user ? { name: user.name, email: user.email, role: user.role } : null,
    unread: user ? unreadCount(user.id) : 0,
  });
}

function Document({ children }: { children: ReactNode }) {
  const data = useRootData();
  const { i18n } = useTranslation();
  const nonce = useNonce();
  const lang = data?.lang ?? i18n.language;
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a
        href="#main"
        className="sr-only z-50 rounded bg-white px-4 py-2 font-semibold text-brand-800 focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
      >
        {t("nav.skip")}
      </a>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-10">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}

export default function App() {
  return (
    <Document>
      <Shell>
        <Outlet />
      </Shell>
    </Document>
  );
}

export function ErrorBoundary() {
  return (
    <Document>
      <Shell>
        <GeneralErrorBoundary />
      </Shell>
    </Document>
  );
}
