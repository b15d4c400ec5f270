// 日常生活圏域, 小学校区 and schools of 阪南市.
//
// The four areas (尾崎・東鳥取・西鳥取・下荘) and "12 小学校区" come from the city's report. The
// district, school, salon and person names in this demo are ILLUSTRATIVE: plausible Hannan place
// names, not an authoritative list of the city's school districts, nor real salons or people.

import { demoId, type AreaKey, type DemoContext } from "./context.ts";

const AREAS: ReadonlyArray<{ key: AreaKey; name: string; nameKana: string }> = [
  { key: "ozaki", name: "尾崎", nameKana: "おざき" },
  { key: "higashi-tottori", name: "東鳥取", nameKana: "ひがしとっとり" },
  { key: "nishi-tottori", name: "西鳥取", nameKana: "にしとっとり" },
  { key: "shimonosho", name: "下荘", nameKana: "しものしょう" },
];

/** Three 小学校区 per area (illustrative). */
const DISTRICTS: ReadonlyArray<{ key: string; name: string; areaKey: AreaKey }> = [
  { key: "ozaki", name: "尾崎小学校区", areaKey: "ozaki" },
  { key: "asahi", name: "朝日小学校区", areaKey: "ozaki" },
  { key: "fukushima", name: "福島小学校区", areaKey: "ozaki" },
  { key: "higashi-tottori", name: "東鳥取小学校区", areaKey: "higashi-tottori" },
  { key: "momonokidai", name: "桃の木台小学校区", areaKey: "higashi-tottori" },
  { key: "mai", name: "舞小学校区", areaKey: "higashi-tottori" },
  { key: "nishi-tottori", name: "西鳥取小学校区", areaKey: "nishi-tottori" },
  { key: "hata", name: "波太小学校区", areaKey: "nishi-tottori" },
  { key: "kamino", name: "上荘小学校区", areaKey: "nishi-tottori" },
  { key: "shimonosho", name: "下荘小学校区", areaKey: "shimonosho" },
  { key: "hakotsukuri", name: "箱作小学校区", areaKey: "shimonosho" },
  { key: "kaikake", name: "貝掛小学校区", areaKey: "shimonosho" },
];

/** The four schools with 子ども福祉委員 (three primary, one junior high; illustrative). */
export const SCHOOLS: ReadonlyArray<{
  key: string;
  name: string;
  kind: "PRIMARY" | "JUNIOR_HIGH";
  districtKey?: string;
  areaKey: AreaKey;
}> = [
  { key: "ozaki", name: "尾崎小学校", kind: "PRIMARY", districtKey: "ozaki", areaKey: "ozaki" },
  { key: "nishi-tottori", name: "西鳥取小学校", kind: "PRIMARY", districtKey: "nishi-tottori", areaKey: "nishi-tottori" },
  { key: "shimonosho", name: "下荘小学校", kind: "PRIMARY", districtKey: "shimonosho", areaKey: "shimonosho" },
  // a junior high school serves several primary districts, so it has no single district
  { key: "tottori-higashi", name: "鳥取東中学校", kind: "JUNIOR_HIGH", areaKey: "higashi-tottori" },
];

export function seedAreas(ctx: DemoContext): void {
  AREAS.forEach((a, i) => {
    const id = demoId(ctx, "area", a.key);
    ctx.rows.area.push({ id, orgId: ctx.orgId, name: a.name, nameKana: a.nameKana, sortOrder: i + 1 });
    ctx.areas.set(a.key, { id, name: a.name });
  });
  DISTRICTS.forEach((d, i) => {
    const id = demoId(ctx, "school-district", d.key);
    const area = ctx.areas.get(d.areaKey);
    if (!area) throw new Error(`demo seed: district ${d.key} in unknown area`);
    ctx.rows.schoolDistrict.push({ id, orgId: ctx.orgId, areaId: area.id, name: d.name, sortOrder: i + 1 });
    ctx.districts.push({ key: d.key, id, name: d.name, areaKey: d.areaKey });
  });
  for (const s of SCHOOLS) {
    const id = demoId(ctx, "school", s.key);
    const district = s.districtKey ? ctx.districts.find((d) => d.key === s.districtKey) : undefined;
    ctx.rows.school.push({ id, orgId: ctx.orgId, districtId: district?.id ?? null, name: s.name, kind: s.kind });
    ctx.schools.set(s.key, {
      id,
      name: s.name,
      kind: s.kind,
      ...(s.districtKey ? { districtKey: s.districtKey } : {}),
    });
  }
}
