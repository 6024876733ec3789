import { geoEqualEarth, geoPath } from "d3-geo";
import { useMemo } from "react";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import { countryName, NUMERIC_TO_ALPHA3 } from "../countries.js";
import { href, Link } from "../router.js";

const WIDTH = 960;
const SHADES = ["#b3d1ee", "#86b4e0", "#5592cc", "#2f6fb3", "#144a8a"];

interface Shape {
  code: string | null;
  name: string;
  d: string;
}

function useShapes(): { shapes: Shape[]; height: number } {
  return useMemo(() => {
    const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const all = feature(topo, topo.objects.countries);
    const fc = { ...all, features: all.features.filter((f) => f.properties?.name !== "Antarctica") };
    const projection = geoEqualEarth().fitWidth(WIDTH, fc);
    const path = geoPath(projection);
    const height = Math.ceil(path.bounds(fc)[1][1]);
    const shapes = fc.features.map((f) => {
      const code = f.id != null ? (NUMERIC_TO_ALPHA3.get(String(f.id).padStart(3, "0")) ?? null) : null;
      return { code, name: code ? countryName(code) : (f.properties?.name ?? ""), d: path(f) ?? "" };
    });
    return { shapes, height };
  }, []);
}

/** Countries shaded by a number (events with Japan in a year); countries with events link to their partner page. */
export function WorldMap({ values, year }: { values: Map<string, number>; year: number | null }) {
  const { shapes, height } = useShapes();
  const max = Math.max(0, ...values.values());
  const shade = (n: number) =>
    SHADES[Math.min(SHADES.length - 1, Math.floor((n / Math.max(1, max)) * SHADES.length - 1e-9))]!;
  const steps = SHADES.map((c, i) => ({
    color: c,
    from: Math.floor((i * max) / SHADES.length) + 1,
    to: Math.floor(((i + 1) * max) / SHADES.length),
  })).filter((s) => s.to >= s.from);
  return (
    <figure className="map">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} aria-label={`World map of events with Japan${year ? ` in ${year}` : ""}`}>
        {shapes.map((s, i) => {
          const n = s.code ? (values.get(s.code) ?? 0) : 0;
          const title = `${s.name}: ${n} event${n === 1 ? "" : "s"}`;
          if (s.code === "JPN")
            return (
              <path key={s.code} d={s.d} className="land home">
                <title>Japan</title>
              </path>
            );
          if (!n || !s.code)
            return (
              <path key={s.code ?? `x${i}`} d={s.d} className="land">
                <title>{title}</title>
              </path>
            );
          return (
            <Link key={s.code} to={href(`/partner/${s.code}`, { year })} aria-label={title}>
              <path d={s.d} className="land has" style={{ fill: shade(n) }}>
                <title>{title}</title>
              </path>
            </Link>
          );
        })}
      </svg>
      <figcaption>
        <span className="legend">
          {steps.length ? (
            steps.map((s) => (
              <span key={s.color}>
                <i className="swatch" style={{ background: s.color }} />
                {s.from === s.to ? s.from : `${s.from}–${s.to}`}
              </span>
            ))
          ) : (
            <span>No events with a country in this year.</span>
          )}
          <span>
            <i className="swatch home" /> Japan
          </span>
        </span>
      </figcaption>
    </figure>
  );
}
