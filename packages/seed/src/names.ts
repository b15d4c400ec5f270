// Japanese personal names with their readings (ふりがな), for demo and synthetic seed data.
//
// Pure data and pure functions: no database, no I/O, no global random state. Every function that
// picks takes a `rand: () => number` returning [0, 1) (a seeded PRNG), so the same seed gives the
// same names. Readings are hiragana only (ぁ-ゖ, ー); a full name joins family and given name with
// one ASCII space in both the kanji and the kana form, e.g. 「山本 花子」/「やまもと はなこ」.
//
// The names are common Japanese names chosen for illustration; any resemblance to real people in
// the demo data is coincidental.

export interface NameReading {
  /** the written form, e.g. 山本 */
  kanji: string;
  /** the reading in hiragana, e.g. やまもと */
  kana: string;
}

type Gender = "F" | "M";
/** The generation a given name is typical of: modern children's names read very differently from
 *  the names of people born in the 1940s–60s. */
export type Generation = "child" | "adult" | "senior";

interface GivenName extends NameReading {
  gender: Gender;
  generations: readonly Generation[];
}

export interface PersonName {
  /** 「山本 花子」 — family name, ASCII space, given name */
  legalName: string;
  /** 「やまもと はなこ」 — hiragana reading, ASCII space between family and given name */
  legalNameKana: string;
  familyName: NameReading;
  givenName: GivenName;
}

const f = (kanji: string, kana: string): NameReading => ({ kanji, kana });

/** 100 family names: common nationwide ones plus ones frequent in the Kansai / 泉州 region. */
const FAMILY_NAMES: readonly NameReading[] = [
  f("佐藤", "さとう"),
  f("鈴木", "すずき"),
  f("高橋", "たかはし"),
  f("田中", "たなか"),
  f("伊藤", "いとう"),
  f("渡辺", "わたなべ"),
  f("山本", "やまもと"),
  f("中村", "なかむら"),
  f("小林", "こばやし"),
  f("加藤", "かとう"),
  f("吉田", "よしだ"),
  f("山田", "やまだ"),
  f("佐々木", "ささき"),
  f("山口", "やまぐち"),
  f("松本", "まつもと"),
  f("井上", "いのうえ"),
  f("木村", "きむら"),
  f("林", "はやし"),
  f("斎藤", "さいとう"),
  f("清水", "しみず"),
  f("山崎", "やまざき"),
  f("森", "もり"),
  f("池田", "いけだ"),
  f("橋本", "はしもと"),
  f("阿部", "あべ"),
  f("石川", "いしかわ"),
  f("山下", "やました"),
  f("中島", "なかじま"),
  f("石井", "いしい"),
  f("小川", "おがわ"),
  f("前田", "まえだ"),
  f("岡田", "おかだ"),
  f("長谷川", "はせがわ"),
  f("藤田", "ふじた"),
  f("後藤", "ごとう"),
  f("近藤", "こんどう"),
  f("村上", "むらかみ"),
  f("遠藤", "えんどう"),
  f("青木", "あおき"),
  f("坂本", "さかもと"),
  f("福田", "ふくだ"),
  f("太田", "おおた"),
  f("西村", "にしむら"),
  f("藤井", "ふじい"),
  f("金子", "かねこ"),
  f("岡本", "おかもと"),
  f("藤原", "ふじわら"),
  f("中野", "なかの"),
  f("三浦", "みうら"),
  f("原田", "はらだ"),
  f("中川", "なかがわ"),
  f("松田", "まつだ"),
  f("竹内", "たけうち"),
  f("小野", "おの"),
  f("田村", "たむら"),
  f("中山", "なかやま"),
  f("和田", "わだ"),
  f("石田", "いしだ"),
  f("森田", "もりた"),
  f("上田", "うえだ"),
  f("原", "はら"),
  f("内田", "うちだ"),
  f("柴田", "しばた"),
  f("酒井", "さかい"),
  f("宮崎", "みやざき"),
  f("横山", "よこやま"),
  f("高木", "たかぎ"),
  f("安藤", "あんどう"),
  f("宮本", "みやもと"),
  f("大野", "おおの"),
  f("谷口", "たにぐち"),
  f("今井", "いまい"),
  f("高田", "たかだ"),
  f("増田", "ますだ"),
  f("丸山", "まるやま"),
  f("村田", "むらた"),
  f("平野", "ひらの"),
  f("藤本", "ふじもと"),
  f("上野", "うえの"),
  f("野口", "のぐち"),
  f("武田", "たけだ"),
  f("松井", "まつい"),
  f("岩崎", "いわさき"),
  f("木下", "きのした"),
  f("久保", "くぼ"),
  f("野村", "のむら"),
  f("松尾", "まつお"),
  f("辻", "つじ"),
  f("奥田", "おくだ"),
  f("西川", "にしかわ"),
  f("北野", "きたの"),
  f("南", "みなみ"),
  f("東", "ひがし"),
  f("阪口", "さかぐち"),
  f("畑中", "はたなか"),
  f("寺田", "てらだ"),
  f("浜田", "はまだ"),
  f("岸本", "きしもと"),
  f("中谷", "なかたに"),
  f("森本", "もりもと"),
];

const SENIOR_ADULT: readonly Generation[] = ["senior", "adult"];
const SENIOR: readonly Generation[] = ["senior"];
const ADULT: readonly Generation[] = ["adult"];
const CHILD: readonly Generation[] = ["child"];
const CHILD_ADULT: readonly Generation[] = ["child", "adult"];

const g = (kanji: string, kana: string, gender: Gender, generations: readonly Generation[]): GivenName => ({
  kanji,
  kana,
  gender,
  generations,
});

/** 130 given names, female and male, tagged with the generation they are typical of. */
const GIVEN_NAMES: readonly GivenName[] = [
  // women born around 1940–1965
  g("和子", "かずこ", "F", SENIOR),
  g("幸子", "さちこ", "F", SENIOR),
  g("節子", "せつこ", "F", SENIOR),
  g("洋子", "ようこ", "F", SENIOR),
  g("恵子", "けいこ", "F", SENIOR),
  g("京子", "きょうこ", "F", SENIOR),
  g("美智子", "みちこ", "F", SENIOR),
  g("悦子", "えつこ", "F", SENIOR),
  g("文子", "ふみこ", "F", SENIOR),
  g("昭子", "あきこ", "F", SENIOR),
  g("千代子", "ちよこ", "F", SENIOR),
  g("静江", "しずえ", "F", SENIOR),
  g("美代子", "みよこ", "F", SENIOR),
  g("加代子", "かよこ", "F", SENIOR),
  g("信子", "のぶこ", "F", SENIOR),
  g("敏子", "としこ", "F", SENIOR),
  g("君子", "きみこ", "F", SENIOR),
  g("正子", "まさこ", "F", SENIOR),
  g("久子", "ひさこ", "F", SENIOR),
  g("澄子", "すみこ", "F", SENIOR),
  // women born around 1955–1990
  g("久美子", "くみこ", "F", SENIOR_ADULT),
  g("純子", "じゅんこ", "F", SENIOR_ADULT),
  g("由美子", "ゆみこ", "F", SENIOR_ADULT),
  g("裕子", "ゆうこ", "F", SENIOR_ADULT),
  g("真由美", "まゆみ", "F", SENIOR_ADULT),
  g("智子", "ともこ", "F", SENIOR_ADULT),
  g("直美", "なおみ", "F", SENIOR_ADULT),
  g("明美", "あけみ", "F", SENIOR_ADULT),
  g("典子", "のりこ", "F", SENIOR_ADULT),
  g("春美", "はるみ", "F", SENIOR_ADULT),
  g("由紀", "ゆき", "F", ADULT),
  g("香織", "かおり", "F", ADULT),
  g("恵美", "えみ", "F", ADULT),
  g("麻衣", "まい", "F", ADULT),
  g("沙織", "さおり", "F", ADULT),
  g("美穂", "みほ", "F", ADULT),
  g("奈緒子", "なおこ", "F", ADULT),
  g("亜希子", "あきこ", "F", ADULT),
  g("彩", "あや", "F", ADULT),
  g("舞", "まい", "F", ADULT),
  g("友美", "ともみ", "F", ADULT),
  g("理恵", "りえ", "F", ADULT),
  // men born around 1940–1965
  g("茂", "しげる", "M", SENIOR),
  g("清", "きよし", "M", SENIOR),
  g("勇", "いさむ", "M", SENIOR),
  g("実", "みのる", "M", SENIOR),
  g("進", "すすむ", "M", SENIOR),
  g("正", "ただし", "M", SENIOR),
  g("勝", "まさる", "M", SENIOR),
  g("正男", "まさお", "M", SENIOR),
  g("和夫", "かずお", "M", SENIOR),
  g("幸雄", "ゆきお", "M", SENIOR),
  g("武", "たけし", "M", SENIOR),
  g("義男", "よしお", "M", SENIOR),
  g("敏夫", "としお", "M", SENIOR),
  g("光男", "みつお", "M", SENIOR),
  g("忠", "ただし", "M", SENIOR),
  g("昇", "のぼる", "M", SENIOR),
  g("弘", "ひろし", "M", SENIOR),
  g("稔", "みのる", "M", SENIOR),
  g("治", "おさむ", "M", SENIOR),
  g("賢治", "けんじ", "M", SENIOR),
  // men born around 1955–1990
  g("博", "ひろし", "M", SENIOR_ADULT),
  g("隆", "たかし", "M", SENIOR_ADULT),
  g("明", "あきら", "M", SENIOR_ADULT),
  g("誠", "まこと", "M", SENIOR_ADULT),
  g("修", "おさむ", "M", SENIOR_ADULT),
  g("健一", "けんいち", "M", SENIOR_ADULT),
  g("秀樹", "ひでき", "M", SENIOR_ADULT),
  g("哲也", "てつや", "M", SENIOR_ADULT),
  g("浩二", "こうじ", "M", SENIOR_ADULT),
  g("伸一", "しんいち", "M", SENIOR_ADULT),
  g("聡", "さとし", "M", ADULT),
  g("大輔", "だいすけ", "M", ADULT),
  g("拓也", "たくや", "M", ADULT),
  g("直樹", "なおき", "M", ADULT),
  g("健太", "けんた", "M", ADULT),
  g("翔太", "しょうた", "M", CHILD_ADULT),
  g("亮", "りょう", "M", ADULT),
  g("和也", "かずや", "M", ADULT),
  g("正人", "まさと", "M", ADULT),
  g("雅之", "まさゆき", "M", ADULT),
  g("英明", "ひであき", "M", ADULT),
  g("誠一", "せいいち", "M", ADULT),
  // children (born around 2010–2020), girls
  g("陽菜", "ひな", "F", CHILD),
  g("結衣", "ゆい", "F", CHILD),
  g("葵", "あおい", "F", CHILD),
  g("凛", "りん", "F", CHILD),
  g("結菜", "ゆいな", "F", CHILD),
  g("芽依", "めい", "F", CHILD),
  g("咲良", "さくら", "F", CHILD),
  g("莉子", "りこ", "F", CHILD),
  g("美咲", "みさき", "F", CHILD_ADULT),
  g("心春", "こはる", "F", CHILD),
  g("紬", "つむぎ", "F", CHILD),
  g("杏", "あん", "F", CHILD),
  g("楓", "かえで", "F", CHILD),
  g("彩花", "あやか", "F", CHILD_ADULT),
  g("花音", "かのん", "F", CHILD),
  g("柚葉", "ゆずは", "F", CHILD),
  g("美結", "みゆ", "F", CHILD),
  g("琴音", "ことね", "F", CHILD),
  g("日葵", "ひまり", "F", CHILD),
  g("澪", "みお", "F", CHILD),
  g("愛菜", "まな", "F", CHILD),
  g("七海", "ななみ", "F", CHILD_ADULT),
  g("優奈", "ゆうな", "F", CHILD),
  g("千尋", "ちひろ", "F", CHILD_ADULT),
  // children, boys
  g("陽翔", "はると", "M", CHILD),
  g("蓮", "れん", "M", CHILD),
  g("湊", "みなと", "M", CHILD),
  g("大翔", "ひろと", "M", CHILD),
  g("悠真", "ゆうま", "M", CHILD),
  g("蒼", "あおい", "M", CHILD),
  g("樹", "いつき", "M", CHILD),
  g("颯太", "そうた", "M", CHILD),
  g("悠人", "ゆうと", "M", CHILD),
  g("陸", "りく", "M", CHILD),
  g("大和", "やまと", "M", CHILD),
  g("陽太", "ようた", "M", CHILD),
  g("律", "りつ", "M", CHILD),
  g("朝陽", "あさひ", "M", CHILD),
  g("健太郎", "けんたろう", "M", CHILD_ADULT),
  g("蒼空", "そら", "M", CHILD),
  g("結翔", "ゆいと", "M", CHILD),
  g("海斗", "かいと", "M", CHILD_ADULT),
  g("颯", "はやて", "M", CHILD),
  g("優斗", "ゆうと", "M", CHILD_ADULT),
  g("晴", "はる", "M", CHILD),
  g("航", "わたる", "M", CHILD),
  g("壮真", "そうま", "M", CHILD),
  g("瑛太", "えいた", "M", CHILD),
];

export interface PersonNameOptions {
  gender?: Gender;
  generation?: Generation;
  /** a family name to keep (a guardian and child, a married couple) */
  familyName?: NameReading;
}

function pickFrom<T>(rand: () => number, list: readonly T[]): T {
  const item = list[Math.floor(rand() * list.length)];
  if (item === undefined) throw new Error("names: cannot pick from an empty list");
  return item;
}

/** Given names matching the options (all of them when no option is given). */
function givenNamesFor(options: Pick<PersonNameOptions, "gender" | "generation"> = {}): GivenName[] {
  return GIVEN_NAMES.filter(
    (n) =>
      (options.gender === undefined || n.gender === options.gender) &&
      (options.generation === undefined || n.generations.includes(options.generation)),
  );
}

/** Joins a family and a given name: { legalName: "山本 花子", legalNameKana: "やまもと はなこ" }. */
function fullName(familyName: NameReading, givenName: GivenName): PersonName {
  return {
    legalName: `${familyName.kanji} ${givenName.kanji}`,
    legalNameKana: `${familyName.kana} ${givenName.kana}`,
    familyName,
    givenName,
  };
}

/**
 * A random person's name. `rand` must return [0, 1) (pass a seeded PRNG for reproducible data);
 * it is called at most three times.
 */
export function personName(rand: () => number, options: PersonNameOptions = {}): PersonName {
  const gender = options.gender ?? (rand() < 0.5 ? "F" : "M");
  const familyName = options.familyName ?? pickFrom(rand, FAMILY_NAMES);
  const candidates = givenNamesFor({ gender, generation: options.generation });
  return fullName(familyName, pickFrom(rand, candidates.length > 0 ? candidates : givenNamesFor({ gender })));
}

/**
 * Like personName, but never returns a full name already in `taken` (which it updates), so a
 * roster of a few hundred people has no two identical names. Gives up after 200 tries.
 */
export function uniquePersonName(rand: () => number, taken: Set<string>, options: PersonNameOptions = {}): PersonName {
  for (let i = 0; i < 200; i++) {
    const name = personName(rand, options);
    if (!taken.has(name.legalName)) {
      taken.add(name.legalName);
      return name;
    }
  }
  throw new Error("names: could not find an unused name; widen the options");
}
