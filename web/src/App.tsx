import { type ComponentType, createElement, type ReactNode, useEffect, useRef } from "react";
import { analysisRoutes } from "./analysis/index.js";
import { Documents, Persons } from "./pages/Lists.js";
import { Overview } from "./pages/Overview.js";
import { Partner } from "./pages/Partner.js";
import { Person } from "./pages/Person.js";
import { Reader } from "./pages/Reader.js";
import { Search } from "./pages/Search.js";
import { Timeline } from "./pages/Timeline.js";
import { Link, match, useLocation } from "./router.js";

const NAV: [string, string][] = [
  ["/", "Overview"],
  ["/timeline", "Timeline"],
  ["/search", "Search"],
  ["/documents", "Documents"],
  ["/persons", "Persons"],
  ...analysisRoutes.map((r): [string, string] => [r.path, r.title]),
];

function route(path: string): { page: ReactNode; title: string } {
  if (path === "/") return { page: <Overview />, title: "Overview" };
  if (path === "/timeline") return { page: <Timeline />, title: "Timeline" };
  if (path === "/search") return { page: <Search />, title: "Search" };
  if (path === "/documents") return { page: <Documents />, title: "Documents" };
  if (path === "/persons") return { page: <Persons />, title: "Persons" };
  let m = match("/partner/:code", path);
  if (m) return { page: <Partner key={m.code} code={m.code!.toUpperCase()} />, title: m.code!.toUpperCase() };
  m = match("/person/:id", path);
  if (m) return { page: <Person key={m.id} id={m.id!} />, title: m.id! };
  m = match("/document/:id", path);
  if (m) return { page: <Reader key={m.id} id={m.id!} />, title: m.id! };
  for (const r of analysisRoutes) {
    if (r.path === path) return { page: createElement(r.component as ComponentType), title: r.title };
  }
  return {
    page: (
      <>
        <h1>Not found</h1>
        <p>
          There is no page at <code>{path}</code>. <Link to="/">Go to the overview.</Link>
        </p>
      </>
    ),
    title: "Not found",
  };
}

export function App() {
  const { path } = useLocation();
  const { page, title } = route(path);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page, which `path` names
  useEffect(() => {
    document.title = `${title} · Panorama`;
    // move focus to the new page for keyboard and screen-reader users (not on first load)
    if (first.current) first.current = false;
    else main.current?.focus({ preventScroll: true });
  }, [path, title]);
  const section = `/${path.split("/")[1] ?? ""}`;
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link to="/" className="brand">
          Panorama
        </Link>
        <nav aria-label="Main">
          <ul>
            {NAV.map(([to, name]) => (
              <li key={to}>
                <Link to={to} aria-current={(to === "/" ? path === "/" : section === to) ? "page" : undefined}>
                  {name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {page}
      </main>
      <footer className="bottom">
        Every event and count links to the sentence it was read from. Sample texts are written for this project and must
        not be cited. <a href="/api/openapi.json">API</a>
      </footer>
    </>
  );
}
