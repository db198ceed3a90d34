import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { LanguageSwitch } from "~/components/language-switch";
import { hasRole } from "~/lib/permissions";
import { useRootData } from "~/utils/use-root-data";
import type { Role } from "~/lib/reference";

type NavLinkItem = { to: string; label: string };
/** A link, or a named group of links (the admin's pages), shown as one menu in the wide header. */
type NavItem = NavLinkItem | { label: string; group: NavLinkItem[] };

function navFor(role: Role | null): NavItem[] {
  // Signed-in users reach their home from the logo's neighbour and the account menu; staff need room.
  const user = role ? { role } : null;
  const items: NavItem[] = role ? [] : [{ to: "/", label: "nav.home" }];
  if (hasRole(user, "staff")) {
    // Staff and admins: their console in groups, so that it fits on one line at 1280 px.
    items.push(
      { to: "/staff", label: "nav.staffHome" },
      {
        label: "nav.monitoring",
        group: [
          { to: "/staff/flags", label: "nav.flags" },
          { to: "/staff/incidents", label: "nav.incidents" },
          { to: "/staff/engagements", label: "nav.engagements" },
        ],
      },
      { to: "/staff/vendors", label: "nav.vetting" },
      { to: "/staff/reports", label: "nav.reports" },
      {
        label: "nav.learning",
        group: [
          { to: "/staff/events", label: "nav.staffEvents" },
          { to: "/staff/resources", label: "nav.staffResources" },
        ],
      },
      {
        label: "nav.market",
        group: [
          { to: "/vendors", label: "nav.vendors" },
          { to: "/needs", label: "needs.nav.board" },
        ],
      },
    );
    if (hasRole(user, "admin")) {
      items.push({
        label: "nav.admin",
        group: [
          { to: "/admin/users", label: "nav.adminUsers" },
          { to: "/admin/settings", label: "nav.adminSettings" },
          { to: "/staff/audit", label: "nav.audit" },
          { to: "/admin/outbox", label: "nav.adminOutbox" },
        ],
      });
    }
    return items;
  }
  if (user) items.push({ to: "/me", label: "nav.myHome" });
  items.push({ to: "/vendors", label: "nav.vendors" });
  if (!hasRole(user, "staff"))
    items.push({ to: "/events", label: "nav.events" }, { to: "/resources", label: "nav.resources" });
  if (role === "sme") {
    items.push({ to: "/assessment", label: "assessment.nav" }, { to: "/needs", label: "needs.nav.mine" });
  } else {
    items.push({ to: "/needs", label: "needs.nav.board" });
  }
  if (role === "vendor") items.push({ to: "/me/dossier", label: "nav.dossier" });
  return items;
}

function NotificationLink() {
  const { t } = useTranslation();
  const data = useRootData();
  if (!data?.user) return null;
  const unread = data.unread ?? 0;
  return (
    <Link
      to="/notifications"
      className="relative inline-flex min-h-11 items-center gap-1 rounded px-3 py-2 text-sm font-medium hover:bg-slate-100"
      aria-label={t("nav.notificationsCount", { count: unread })}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      <span className="md:sr-only">{t("nav.notifications")}</span>
      {unread > 0 ? (
        <span aria-hidden="true" className="rounded-full bg-red-700 px-1.5 text-xs font-bold text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `block whitespace-nowrap rounded px-2 py-2 text-sm font-medium ${isActive ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`;

function ItemLink({ item }: { item: NavLinkItem }) {
  const { t } = useTranslation();
  return (
    <NavLink to={item.to} end={item.to === "/" || item.to === "/me" || item.to === "/staff"} className={linkClass}>
      {t(item.label)}
    </NavLink>
  );
}

/** A group in the wide header: a disclosure menu, marked as current while one of its pages is shown. */
function GroupMenu({ label, group }: { label: string; group: NavLinkItem[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const active = group.some((item) => pathname.startsWith(item.to));
  return (
    // Keyed by the page, so that it closes once one of its links has been followed.
    <details key={pathname} className="relative">
      <summary
        className={`flex cursor-pointer list-none items-center gap-1 whitespace-nowrap rounded px-2 py-2 text-sm font-medium ${active ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`}
      >
        {t(label)}
        <span aria-hidden="true">▾</span>
      </summary>
      <ul className="absolute left-0 z-20 mt-1 w-56 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
        {group.map((item) => (
          <li key={item.to}>
            <ItemLink item={item} />
          </li>
        ))}
      </ul>
    </details>
  );
}

function NavLinks({ items, vertical = false }: { items: NavItem[]; vertical?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className={vertical ? "flex flex-col gap-1" : "flex items-center gap-1"}>
      {items.map((item) =>
        "group" in item ? (
          <li key={item.label}>
            {vertical ? (
              <>
                <p className="px-2 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-slate-600">
                  {t(item.label)}
                </p>
                <ul className="flex flex-col gap-1">
                  {item.group.map((link) => (
                    <li key={link.to}>
                      <ItemLink item={link} />
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <GroupMenu label={item.label} group={item.group} />
            )}
          </li>
        ) : (
          <li key={item.to}>
            <ItemLink item={item} />
          </li>
        ),
      )}
    </ul>
  );
}

function AccountMenu() {
  const { t } = useTranslation();
  const data = useRootData();
  const user = data?.user;
  if (!user) {
    return (
      <div className="flex items-center gap-2">
        <Link to="/login" className="rounded px-3 py-2 text-sm font-semibold text-brand-800 hover:bg-brand-50">
          {t("nav.login")}
        </Link>
        <Link
          to="/register"
          className="rounded bg-brand-700 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-800"
        >
          {t("nav.register")}
        </Link>
      </div>
    );
  }
  return (
    <details className="group relative">
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded px-3 py-2 text-sm font-medium hover:bg-slate-100">
        <span className="max-w-[10rem] truncate">{user.name}</span>
        <span aria-hidden="true">▾</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-64 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
        <p className="px-3 py-2 text-xs text-slate-600">
          {user.email}
          <br />
          {t(`roles.${user.role}`)}
        </p>
        <Link to="/me" className="block rounded px-3 py-2 text-sm hover:bg-slate-100">
          {t("nav.myHome")}
        </Link>
        <Link to="/me/password" className="block rounded px-3 py-2 text-sm hover:bg-slate-100">
          {t("nav.changePassword")}
        </Link>
        <Form method="post" action="/logout">
          <button type="submit" className="block w-full rounded px-3 py-2 text-left text-sm hover:bg-slate-100">
            {t("nav.logout")}
          </button>
        </Form>
      </div>
    </details>
  );
}

export function SiteHeader() {
  const { t } = useTranslation();
  const data = useRootData();
  const items = navFor(data?.user?.role ?? null);
  const { pathname } = useLocation();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-2">
        <div className="flex items-center gap-4">
          <Link to="/" className="flex shrink-0 items-center gap-2 whitespace-nowrap text-lg font-bold text-brand-800">
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span>Kết Nối Số</span>
          </Link>
          <nav aria-label={t("nav.main")} className="hidden xl:block">
            <NavLinks items={items} />
          </nav>
        </div>
        <div className="hidden items-center gap-2 xl:flex">
          <LanguageSwitch />
          <NotificationLink />
          <AccountMenu />
        </div>
        <details key={pathname} className="xl:hidden">
          <summary className="flex min-h-11 cursor-pointer list-none items-center rounded border border-slate-300 px-3 text-sm font-medium">
            {t("nav.menu")}
          </summary>
          <div className="absolute inset-x-0 z-20 mt-2 border-b border-slate-200 bg-white px-4 pb-4 shadow-lg">
            <nav aria-label={t("nav.mainMobile")}>
              <NavLinks items={items} vertical />
            </nav>
            <div className="mt-3 flex flex-col gap-3 border-t border-slate-200 pt-3">
              <LanguageSwitch />
              <NotificationLink />
              <AccountMenu />
            </div>
          </div>
        </details>
      </div>
    </header>
  );
}
