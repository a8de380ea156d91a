import { geoPath, geoTransverseMercator } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import topologyUrl from '../../../../../data/sweden.topo.json?url';
import { formatNumber } from '../../lib/format';
import { BORDER, gapSteps, stepOf, type GapStep } from './map-steps';

/** SCB's boundaries: `kommuner` (id = kommunkod, property name) and `lan` (id = länskod). */
export type SwedenTopology = Topology<{ kommuner: GeometryCollection<{ name: string }>; lan: GeometryCollection }>;

export interface MapArea {
  municipalityCode?: string | null;
  municipalityName?: string | null;
  openNeeds: number;
  needsWithoutOffers: number;
  supplyGapNeeds: number;
}

let loading: Promise<SwedenTopology> | null = null;

/** The boundaries, fetched once when a map is first drawn (171 KB, so never in the page's own chunk). */
export function loadTopology(): Promise<SwedenTopology> {
  loading ??= fetch(topologyUrl).then((response) => {
    if (!response.ok) throw new Error(`the map's boundaries answered ${response.status}`);
    return response.json() as Promise<SwedenTopology>;
  });
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

const WIDTH = 600;

/** The kommuner of one län, projected on SWEREF 99 TM's meridian (15° E), as Swedish maps are. */
export function countyShapes(topology: SwedenTopology, countyCode: string) {
  const kommuner = topology.objects.kommuner;
  const inCounty: GeometryCollection<{ name: string }> = { ...kommuner, geometries: kommuner.geometries.filter((g) => String(g.id).startsWith(countyCode)) };
  const collection = feature(topology, inCounty) as FeatureCollection<Geometry, { name: string }>;
  if (collection.features.length === 0) return null;
  const projection = geoTransverseMercator().rotate([-15, 0]).fitWidth(WIDTH, collection);
  const path = geoPath(projection);
  const [[, top], [, bottom]] = path.bounds(collection);
  const height = Math.ceil(bottom - top);
  const shapes = collection.features.map((f: Feature<Geometry, { name: string }>) => ({ code: String(f.id), name: f.properties.name, d: path(f) ?? '' }));
  return { shapes, height, top: Math.floor(top) };
}

interface Props {
  countyCode: string;
  countyName: string;
  areas: MapArea[];
  /** Where a kommun leads: the needs published there. */
  hrefOf(code: string): string;
  onOpen(code: string): void;
  /** A topology given at once (tests); otherwise the boundaries are fetched. */
  topology?: SwedenTopology;
}

/**
 * The län's kommuner coloured by their supply gap, in a few steps with a legend. A figure whose caption
 * says what it shows; every kommun is a link (reachable by keyboard) whose name tells its figures, and
 * pointing at or focusing one shows them beside the map. The table below has the same in rows.
 */
export function RegionMap({ countyCode, countyName, areas, hrefOf, onOpen, topology: given }: Props) {
  const { t } = useTranslation('region');
  const [topology, setTopology] = useState<SwedenTopology | null>(given ?? null);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState<string | null>(null);
  const captionId = useId();
  const legendId = useId();

  useEffect(() => {
    if (given) return;
    let live = true;
    loadTopology().then(
      (loaded) => live && setTopology(loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [given]);

  const drawn = useMemo(() => (topology ? countyShapes(topology, countyCode) : null), [topology, countyCode]);
  const byCode = useMemo(() => new Map(areas.map((a) => [a.municipalityCode ?? '', a])), [areas]);
  const steps = useMemo(() => gapSteps(Math.max(0, ...areas.map((a) => a.supplyGapNeeds))), [areas]);
  const describe = (name: string, area: MapArea | undefined) =>
    t('map.area', {
      name,
      gap: formatNumber(area?.supplyGapNeeds ?? 0),
      open: formatNumber(area?.openNeeds ?? 0),
      withoutOffers: formatNumber(area?.needsWithoutOffers ?? 0),
    });
  const activeShape = drawn?.shapes.find((s) => s.code === active);

  return (
    <figure className="region-map" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <strong>{t('map.caption', { county: countyName })}</strong> {t('map.captionDetail')}
      </figcaption>
      {failed ? <p>{t('map.failed')}</p> : null}
      {!drawn && !failed ? <p>{t('map.loading')}</p> : null}
      {drawn ? (
        <>
          <svg
            className="region-map-svg"
            viewBox={`0 ${drawn.top} ${WIDTH} ${drawn.height}`}
            role="group"
            aria-label={t('map.svgLabel', { county: countyName })}
            aria-describedby={legendId}
            data-testid="region-map"
          >
            {drawn.shapes.map((shape) => {
              const area = byCode.get(shape.code);
              const label = describe(shape.name, area);
              return (
                <a
                  key={shape.code}
                  href={hrefOf(shape.code)}
                  aria-label={label}
                  onClick={(event) => {
                    event.preventDefault();
                    onOpen(shape.code);
                  }}
                  onFocus={() => setActive(shape.code)}
                  onMouseEnter={() => setActive(shape.code)}
                  onMouseLeave={() => setActive((now) => (now === shape.code ? null : now))}
                  onBlur={() => setActive((now) => (now === shape.code ? null : now))}
                >
                  <path d={shape.d} fill={stepOf(steps, area?.supplyGapNeeds ?? 0).colour} stroke={BORDER} strokeWidth={1} data-code={shape.code}>
                    <title>{label}</title>
                  </path>
                </a>
              );
            })}
            {activeShape ? (
              <g aria-hidden="true" pointerEvents="none">
                <path d={activeShape.d} fill="none" stroke="#ffffff" strokeWidth={5} />
                <path d={activeShape.d} fill="none" stroke="#000000" strokeWidth={2.5} />
              </g>
            ) : null}
          </svg>
          <p className="region-map-active" aria-live="polite">
            {activeShape ? describe(activeShape.name, byCode.get(activeShape.code)) : t('map.pointAt')}
          </p>
          <Legend id={legendId} steps={steps} />
        </>
      ) : null}
      <p className="region-map-credit">{t('map.credit')}</p>
    </figure>
  );
}

function Legend({ id, steps }: { id: string; steps: GapStep[] }) {
  const { t } = useTranslation('region');
  const text = (s: GapStep) =>
    s.to === s.from
      ? t('map.legendOne', { count: s.from, value: formatNumber(s.from) })
      : s.to === null
        ? t('map.legendFrom', { from: formatNumber(s.from) })
        : t('map.legendRange', { from: formatNumber(s.from), to: formatNumber(s.to) });
  return (
    <div className="region-map-legend" id={id}>
      <p className="region-map-legend-title">{t('map.legendTitle')}</p>
      <ul>
        {steps.map((s) => (
          <li key={s.from}>
            <svg width="20" height="14" aria-hidden="true" focusable="false">
              <rect width="20" height="14" fill={s.colour} />
            </svg>
            {text(s)}
          </li>
        ))}
      </ul>
    </div>
  );
}
