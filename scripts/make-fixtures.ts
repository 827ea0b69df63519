/**
 * Writes the engine's labeled corpus, `tests/fixtures/engine/cases.json`.
 *
 *   npx tsx scripts/make-fixtures.ts
 *
 * Cases are defined below. Standalone cases are a small HTML body; insertion cases put a sentence at the end of
 * an article paragraph of a real page from `../shared/corpus/pages` (referenced by name, never copied). For
 * each page the script picks the first paragraph of 100+ characters that Readability keeps in the article (or,
 * on pages that are not readerable, the first such paragraph) and records its index among the page's `<p>`
 * elements, so the eval needs no Readability run to find it again.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { VendorId } from '../utils/dataset/types';
import { isInExcludedSubtree } from '../utils/engine/dom';
import { closePage, loadHtml } from '../tests/fixtures/engine/dom';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(ROOT, '../shared/corpus/pages');
const OUT = join(ROOT, 'tests/fixtures/engine/cases.json');

type Kind = 'exact' | 'fuzzy' | 'brand';
interface Expected {
  vendor: VendorId;
  text: string;
  kind?: Kind;
}
interface Case {
  id: string;
  class: string;
  hard?: boolean;
  note?: string;
  html: string;
  insertInto?: { page: string; paragraph: number };
  expectInArticle?: boolean;
  expected: Expected[];
}

const H = (text: string, kind?: Kind): Expected => ({ vendor: 'hikvision', text, ...(kind ? { kind } : {}) });
const D = (text: string, kind?: Kind): Expected => ({ vendor: 'dahua', text, ...(kind ? { kind } : {}) });
const Y = (text: string, kind?: Kind): Expected => ({ vendor: 'hytera', text, ...(kind ? { kind } : {}) });
const E = (text: string, kind?: Kind): Expected => ({ vendor: 'ezviz', text, ...(kind ? { kind } : {}) });

/** [class, html, expected, options] */
type Def = [string, string, Expected[], { hard?: boolean; note?: string }?];

const p = (s: string): string => `<p>${s}</p>`;

const STANDALONE: Def[] = [
  // plain names
  ['plain', p('Hikvision makes video surveillance equipment.'), [H('Hikvision', 'exact')]],
  ['plain', p('Police bought cameras from Dahua last year.'), [D('Dahua', 'exact')]],
  ['plain', p('The radios were supplied by Hytera.'), [Y('Hytera', 'exact')]],
  ['plain', p('An Ezviz doorbell was installed.'), [E('Ezviz', 'exact')]],
  [
    'plain',
    p('Hikvision, Dahua, Hytera and Ezviz were all named in the report.'),
    [H('Hikvision'), D('Dahua'), Y('Hytera'), E('Ezviz')],
  ],
  [
    'plain',
    p('(Hikvision) [Dahua] "Hytera" — Ezviz.'),
    [H('Hikvision'), D('Dahua'), Y('Hytera'), E('Ezviz')],
  ],
  ['plain', p('See hikvision.com and us.dahuasecurity.com for details.'), [H('hikvision')]],
  [
    'plain',
    '<h2>Dahua</h2><ul><li>Hikvision</li><li>Hytera</li></ul>',
    [D('Dahua'), H('Hikvision'), Y('Hytera')],
  ],
  [
    'plain',
    '<table><tr><td>Vendor</td><td>Ezviz</td></tr><tr><td>Parent</td><td>Hikvision</td></tr></table>',
    [E('Ezviz'), H('Hikvision')],
  ],
  [
    'plain',
    p('#Hikvision trended; non-Hikvision and Dahua-made gear; Hikvision,Dahua.'),
    [H('Hikvision'), H('Hikvision'), D('Dahua'), H('Hikvision'), D('Dahua')],
  ],
  ['plain', p('Visit https://www.hikvision.com/en/ or write to press@dahuatech.com.'), [H('hikvision')]],
  [
    'plain',
    '<button>Hikvision</button><label>Dahua <input type="checkbox"></label>',
    [H('Hikvision'), D('Dahua')],
  ],
  // legal and other names
  [
    'legal',
    p('Hangzhou Hikvision Digital Technology Co., Ltd. filed the appeal.'),
    [H('Hangzhou Hikvision Digital Technology Co., Ltd.', 'exact')],
  ],
  [
    'legal',
    p('Zhejiang Dahua Technology Co., Ltd. declined to comment.'),
    [D('Zhejiang Dahua Technology Co., Ltd.', 'exact')],
  ],
  [
    'legal',
    p('Hytera Communications Corporation Limited pleaded guilty.'),
    [Y('Hytera Communications Corporation Limited', 'exact')],
  ],
  [
    'legal',
    p('Hangzhou EZVIZ Network Co., Ltd. listed its shares in 2022.'),
    [E('Hangzhou EZVIZ Network Co., Ltd.', 'exact')],
  ],
  ['legal', p('Hikvision USA Inc. is based in California.'), [H('Hikvision USA Inc.', 'exact')]],
  ['legal', p('A Dahua Technology spokesperson said so.'), [D('Dahua Technology', 'exact')]],
  ['legal', p('Hytera US has an office in Florida.'), [Y('Hytera US', 'exact')]],
  ['legal', p('Hikvision Europe B.V. sells in the Netherlands.'), [H('Hikvision Europe B.V.', 'exact')]],
  [
    'legal',
    p('Hangzhou Hikvision Digital Technology Co. Ltd reported revenue.'),
    [H('Hangzhou Hikvision Digital Technology Co. Ltd', 'exact')],
  ],
  ['legal', p('Zhejiang Dahua is listed in Shenzhen.'), [D('Zhejiang Dahua', 'exact')]],
  ['legal', p('Hytera Communications appealed the verdict.'), [Y('Hytera Communications', 'exact')]],
  // possessives
  ['possessive', p("Hikvision's statement was short."), [H('Hikvision')]],
  ['possessive', p('Dahua’s response came a day later.'), [D('Dahua')]],
  ['possessive', p("Hytera's lawyers appealed."), [Y('Hytera')]],
  ['possessive', p('Ezviz’s app was updated.'), [E('Ezviz')]],
  ['possessive', p('HIKVISION’S SHARES FELL.'), [H('HIKVISION')]],
  [
    'possessive',
    p("The cameras' maker, Dahua's subsidiary, and Hikvision' partners."),
    [D('Dahua'), H('Hikvision')],
  ],
  ['possessive', p("Hikvison's typo-ridden press release."), [H('Hikvison', 'fuzzy')]],
  // case variants
  ['case', p('HIKVISION CAMERAS ON SALE'), [H('HIKVISION')]],
  ['case', p('we tested a hikvision camera'), [H('hikvision')]],
  ['case', p('DAHUA RECORDERS'), [D('DAHUA')]],
  ['case', p('dahua firmware update'), [D('dahua')]],
  ['case', p('HyTeRa radios'), [Y('HyTeRa')]],
  ['case', p('EZVIZ and ezviz and EzViz'), [E('EZVIZ'), E('ezviz'), E('EzViz')]],
  ['case', p('HYTERA COMMUNICATIONS CORP., LTD.'), [Y('HYTERA COMMUNICATIONS CORP., LTD.')]],
  // hyphen and space variants
  ['separator', p('Hik-vision cameras'), [H('Hik-vision', 'exact')]],
  ['separator', p('Hik vision cameras'), [H('Hik vision', 'exact')]],
  ['separator', p('HIK-VISION DVR'), [H('HIK-VISION')]],
  ['separator', p('Hik\u2010vision (Unicode hyphen)'), [H('Hik\u2010vision')]],
  ['separator', p('Hik\u00a0vision (no-break space)'), [H('Hik\u00a0vision')]],
  ['separator', p('Hik  vision (two spaces)'), [H('Hik  vision')]],
  ['separator', p('Hytera\u00a0Communications won a contract.'), [Y('Hytera\u00a0Communications')]],
  ['separator', p('Hik\u2011Connect (non-breaking hyphen)'), [H('Hik\u2011Connect', 'brand')]],
  // zero-width and soft-hyphen characters
  ['zero-width', p('Hik\u200bvision cameras'), [H('Hik\u200bvision', 'exact')]],
  ['zero-width', p('Da\u200dhua recorders'), [D('Da\u200dhua')]],
  ['zero-width', p('Hyt\u00adera radios'), [Y('Hyt\u00adera')]],
  ['zero-width', p('Ez\u2060viz app'), [E('Ez\u2060viz')]],
  ['zero-width', p('\ufeffHikvision at the start'), [H('Hikvision')]],
  ['zero-width', p('H\u200bikvision with a break inside the first letters'), [H('H\u200bikvision')]],
  ['zero-width', p('Hikvi\u200csion and Dah\u200bua'), [H('Hikvi\u200csion'), D('Dah\u200bua')]],
  // NFKC (full-width forms)
  ['nfkc', p('Ｈｉｋｖｉｓｉｏｎ（海康威视）'), [H('Ｈｉｋｖｉｓｉｏｎ'), H('海康威视')]],
  ['nfkc', p('ＤＡＨＵＡ公司'), [D('ＤＡＨＵＡ')]],
  ['nfkc', p('Ｈｙｔｅｒａ radios'), [Y('Ｈｙｔｅｒａ')]],
  ['nfkc', p('ＥＺＶＩＺ camera'), [E('ＥＺＶＩＺ')]],
  ['nfkc', p('Ｄａｈｕａ Ｔｅｃｈｎｏｌｏｇｙ'), [D('Ｄａｈｕａ Ｔｅｃｈｎｏｌｏｇｙ')]],
  // typos (fuzzy)
  ['typo', p('A Hikvison camera was found.'), [H('Hikvison', 'fuzzy')]],
  ['typo', p('Hikvsion NVR'), [H('Hikvsion', 'fuzzy')]],
  ['typo', p('Hikivision DVR'), [H('Hikivision', 'fuzzy')]],
  ['typo', p('Dahau cameras'), [D('Dahau', 'fuzzy')]],
  ['typo', p('Hyterra radios'), [Y('Hyterra', 'fuzzy')]],
  ['typo', p('Ezvis doorbell'), [E('Ezvis', 'fuzzy')]],
  ['typo', p('Hikvisoin firmware'), [H('Hikvisoin', 'fuzzy')]],
  ['typo', p('Hikvission firmware'), [H('Hikvission', 'fuzzy')]],
  ['typo', p('Hytrea handsets'), [Y('Hytrea', 'fuzzy')]],
  ['typo', p('Dahuaa recorders and Hyteraa radios'), [D('Dahuaa', 'fuzzy'), Y('Hyteraa', 'fuzzy')]],
  ['typo', p('Ezvizz and Ezviiz'), [E('Ezvizz', 'fuzzy'), E('Ezviiz', 'fuzzy')]],
  ['typo', p('Hikcision cameras'), [H('Hikcision', 'fuzzy')]],
  ['typo', p('Hik vison cameras'), [H('Hik vison', 'fuzzy')]],
  ['typo', p('HIKVISON CAMERAS'), [H('HIKVISON', 'fuzzy')]],
  ['typo', p('Hikvisio and Hikvisions'), [H('Hikvisio', 'fuzzy'), H('Hikvisions', 'fuzzy')]],
  [
    'typo',
    p('Hyetra radios'),
    [Y('Hyetra', 'fuzzy')],
    { hard: true, note: 'typo inside the first three letters' },
  ],
  [
    'typo',
    p('Dhaua cameras'),
    [D('Dhaua', 'fuzzy')],
    { hard: true, note: 'typo inside the first three letters' },
  ],
  // Chinese names
  ['chinese', p('海康威视发布了年报。'), [H('海康威视', 'exact')]],
  ['chinese', p('海康威視發布了年報。'), [H('海康威視', 'exact')]],
  ['chinese', p('大华股份股价下跌。'), [D('大华股份', 'exact')]],
  ['chinese', p('大華股份股價下跌。'), [D('大華股份', 'exact')]],
  ['chinese', p('海能达被起诉。'), [Y('海能达', 'exact')]],
  ['chinese', p('海能達被起訴。'), [Y('海能達', 'exact')]],
  ['chinese', p('萤石网络在科创板上市。'), [E('萤石网络', 'exact')]],
  ['chinese', p('螢石網路在科創板上市。'), [E('螢石網路', 'exact')]],
  ['chinese', p('杭州海康威视数字技术股份有限公司发布公告。'), [H('杭州海康威视数字技术股份有限公司')]],
  ['chinese', p('浙江大华技术股份有限公司发布公告。'), [D('浙江大华技术股份有限公司')]],
  ['chinese', p('海能达通信股份有限公司'), [Y('海能达通信股份有限公司')]],
  ['chinese', p('美国制裁了海康威视和大华。'), [H('海康威视'), D('大华')]],
  ['chinese', p('大华发布了新款摄像头。'), [D('大华')]],
  ['chinese', p('萤石摄像头很受欢迎。'), [E('萤石')]],
  ['chinese', p('使用Hikvision摄像头的用户'), [H('Hikvision')]],
  // brands → parent vendor
  ['brand', p('A HiLook camera'), [H('HiLook', 'brand')]],
  ['brand', p('Hilook recorders'), [H('Hilook', 'brand')]],
  ['brand', p('The HiWatch series'), [H('HiWatch', 'brand')]],
  ['brand', p('Hik-Connect app'), [H('Hik-Connect', 'brand')]],
  ['brand', p('Hik Connect app'), [H('Hik Connect', 'brand')]],
  ['brand', p('HikConnect app'), [H('HikConnect', 'brand')]],
  ['brand', p('Hiksemi SSDs'), [H('Hiksemi', 'brand')]],
  ['brand', p('HikStorage drives'), [H('HikStorage', 'brand')]],
  ['brand', p('Imou cameras'), [D('Imou', 'brand')]],
  ['brand', p('IMOU Life app'), [D('IMOU Life', 'brand')]],
  ['brand', p('Lorex Technology sold the unit.'), [D('Lorex Technology', 'brand')]],
  ['brand', p('Lorex cameras'), [D('Lorex', 'brand')]],
  ['brand', p('Norsat International'), [Y('Norsat International', 'brand')]],
  ['brand', p('Sinclair Technologies antennas'), [Y('Sinclair Technologies', 'brand')]],
  ['brand', p('Hikvision Robot showed a forklift.'), [H('Hikvision Robot', 'brand')]],
  ['brand', p('Dahua USA opened an office.'), [D('Dahua USA', 'brand')]],
  [
    'brand',
    p('Hikmicro thermal cameras'),
    [H('Hikmicro', 'brand')],
    { hard: true, note: 'needs Hikmicro in data/vendors.json' },
  ],
  // split across inline elements
  ['split', p('<em>Hik</em>vision cameras'), [H('Hikvision', 'exact')]],
  ['split', p('Hik<em>vision</em> cameras'), [H('Hikvision', 'exact')]],
  ['split', p('<b>Da</b>hua recorders'), [D('Dahua')]],
  ['split', p('Hy<span>tera</span> radios'), [Y('Hytera')]],
  ['split', p('E<i>z</i>viz app'), [E('Ezviz')]],
  ['split', p('H<b>ik</b>vision'), [H('Hikvision')]],
  ['split', p('海<b>康威视</b>发布'), [H('海康威视')]],
  ['split', p('<a href="#a">Hik</a><a href="#b">-Connect</a> app'), [H('Hik-Connect', 'brand')]],
  ['split', p('Hik<span></span>vision'), [H('Hikvision')]],
  ['split', p('<strong>HIK</strong><strong>VISION</strong>'), [H('HIKVISION')]],
  ['split', p('Hik<em>vison</em> typo'), [H('Hikvison', 'fuzzy')]],
  ['split', '<p>Hik</p><p>vision</p>', []],
  ['split', '<ul><li>Da</li><li>hua</li></ul>', []],
  ['split', '<p>Hik<br>vision</p>', []],
  // excluded elements: never matched
  ['excluded', '<script>var vendor = "Hikvision";</script><p>Nothing here.</p>', []],
  ['excluded', '<style>.dahua-banner { color: red }</style><p>Nothing here.</p>', []],
  ['excluded', '<textarea>Hytera radios</textarea>', []],
  ['excluded', '<input value="Ezviz"><p>Form</p>', []],
  ['excluded', '<select><option>Hikvision</option><option>Dahua</option></select>', []],
  ['excluded', '<template><p>Dahua</p></template>', []],
  ['excluded', '<noscript>Hikvision tracking</noscript><p>Page</p>', []],
  ['excluded', '<div contenteditable="true">Hikvision</div>', []],
  ['excluded', '<div contenteditable>Dahua in an editor</div>', []],
  ['excluded', '<div contenteditable="plaintext-only"><p>Hytera</p></div>', []],
  ['excluded', '<div hidden>Hytera</div>', []],
  ['excluded', '<span aria-hidden="true">Ezviz</span>', []],
  ['excluded', '<div style="display:none">Hikvision</div>', []],
  ['excluded', '<div style="color: red; visibility: hidden">Dahua</div>', []],
  ['excluded', '<div data-vendor-lens="">Hikvision in our own card</div>', []],
  ['excluded', '<div hidden><p><b>Hik</b>vision</p></div>', []],
  ['excluded', '<p>Dahua</p><textarea>Hikvision</textarea>', [D('Dahua')]],
  ['excluded', '<div contenteditable="false">Hikvision</div>', [H('Hikvision')]],
  ['excluded', '<div style="display: block">Hytera</div>', [Y('Hytera')]],
  // look-alikes that must stay unflagged
  ['lookalike', p('We recorded the screen with Ezvid.'), []],
  ['lookalike', p('They stayed at the Hyatt Regency.'), []],
  ['lookalike', p('Mass hysteria spread through the town.'), []],
  ['lookalike', p('A dahlia bloomed in the garden; dahlias need sun.'), []],
  ['lookalike', p('Hydra is a configuration framework.'), []],
  ['lookalike', p('HikariCP is a connection pool; Hikari means light.'), []],
  ['lookalike', p('Hi-Vision was an analog HDTV system.'), []],
  ['lookalike', p('Sony HiVision monitors.'), []],
  ['lookalike', p('The night vision goggles worked.'), []],
  ['lookalike', p('We went on a hike; the hikers and one hiker got lost while hiking.'), []],
  ['lookalike', p('The Hikurangi Trench lies offshore.'), []],
  ['lookalike', p('Roald Dahl wrote books.'), []],
  ['lookalike', p('They dived at Dahab.'), []],
  ['lookalike', p('Dahuk is a city in Iraq.'), []],
  ['lookalike', p('The rhythm of the drums.'), []],
  ['lookalike', p('Hythe is a town in Kent.'), []],
  ['lookalike', p('Hi look at this vision!'), []],
  ['lookalike', p('Hytek and Hyteha are unrelated.'), []],
  ['lookalike', p('The Sinclair family lives in Hangzhou, Zhejiang.'), []],
  ['lookalike', p('Imouto is a Japanese word.'), []],
  ['lookalike', p('Ezra and Ezekiel.'), []],
  ['lookalike', p('A hike vision statement.'), []],
  ['lookalike', p('HIKE DAHLIA HYDRA HYATT'), []],
  ['lookalike', p('Hikvisionary is not a word.'), []],
  ['lookalike', p('Dahuang is a herb (rhubarb).'), []],
  ['lookalike', p('The Zen master Dahui Zonggao taught koans.'), []],
  ['lookalike', p('Dahi is a yogurt; Dahomey was a kingdom.'), []],
  ['lookalike', p('The family rented a hytta; hytter are cabins.'), []],
  ['lookalike', p('Hik is a nickname, and so is Ezv.'), []],
  ['lookalike', p('Dahuk, Dahun and Dahan are places.'), []],
  [
    'lookalike',
    p('Hikvision-like cameras from Hikvisionn? No: Hikvisionnnn.'),
    [H('Hikvision'), H('Hikvisionn', 'fuzzy')],
  ],
  ['lookalike', p('HyperVision and HiVision and Hi Vision and Hikingvision.'), []],
  ['lookalike', p('Ezvil and Ezvet.'), []],
  ['lookalike', p('Dahlquist and Dahlgren met Hyten.'), []],
  // context: ambiguous names
  ['context', p('Dahua Lin, a professor at CUHK, won the award.'), [], { hard: true }],
  ['context', p('Prof. Dahua Lin presented the paper.'), [], { hard: true }],
  ['context', p('Lin Dahua spoke at the conference.'), [], { hard: true }],
  ['context', p('Dahua Yao Autonomous County lies in Guangxi.'), [], { hard: true }],
  ['context', p('The river flows through Dahua County.'), [], { hard: true }],
  ['context', p('Dahua Technology hired Lin.'), [D('Dahua Technology')], { hard: true }],
  ['context', p('Hikvision was cited in a paper by Dahua Lin.'), [H('Hikvision')], { hard: true }],
  ['context', p('Dahua said it complies with the law.'), [D('Dahua')], { hard: true }],
  ['context', p('大华银行公布业绩。'), [], { hard: true }],
  ['context', p('他是伟大华人科学家。'), [], { hard: true }],
  ['context', p('这是美国最大华人社区。'), [], { hard: true }],
  ['context', p('萤石是一种常见的矿物。'), [], { hard: true }],
  ['context', p('萤石矿储量丰富。'), [], { hard: true }],
  ['context', p('氟化钙俗称萤石。'), [], { hard: true }],
  ['context', p('海康威视旗下的萤石发布新品。'), [H('海康威视'), E('萤石')], { hard: true }],
  ['context', p('大華在台灣設有分公司。'), [D('大華')], { hard: true }],
  ['context', p('大华与海康威视是竞争对手。'), [D('大华'), H('海康威视')], { hard: true }],
  ['context', p('大华府地区的华人很多。'), [], { hard: true }],
];

/** Sentences inserted into real pages: [class, html, expected]. */
const SENTENCES: Def[] = [
  ['plain', 'Hikvision said the ban was unfair.', [H('Hikvision')]],
  ['plain', 'Cameras made by Dahua and Hikvision were removed from the site.', [D('Dahua'), H('Hikvision')]],
  ['legal', 'Motorola sued Hytera Communications over radio software.', [Y('Hytera Communications')]],
  ['plain', 'The Ezviz app sends clips to the cloud.', [E('Ezviz')]],
  [
    'legal',
    'Zhejiang Dahua Technology Co., Ltd. declined to comment.',
    [D('Zhejiang Dahua Technology Co., Ltd.')],
  ],
  ['possessive', 'Hikvision’s shares fell after the announcement.', [H('Hikvision')]],
  ['case', 'A HIKVISION spokesperson disagreed.', [H('HIKVISION')]],
  ['split', 'Installers still sell Hik<em>vision</em> recorders.', [H('Hikvision')]],
  ['typo', 'A Hikvison camera (sic) was found on the roof.', [H('Hikvison', 'fuzzy')]],
  ['brand', 'The HiLook line is sold by Hikvision.', [H('HiLook', 'brand'), H('Hikvision')]],
  ['brand', 'Dahua’s Imou cameras are sold online.', [D('Dahua'), D('Imou', 'brand')]],
  ['plain', 'The report named Hytera, Hikvision and Dahua.', [Y('Hytera'), H('Hikvision'), D('Dahua')]],
  ['plain', 'Ezviz, a Hikvision subsidiary, makes home cameras.', [E('Ezviz'), H('Hikvision')]],
  ['brand', 'Lorex, once owned by Dahua, sells in Canada.', [D('Lorex', 'brand'), D('Dahua')]],
  ['separator', 'Users of the Hik-Connect app were notified.', [H('Hik-Connect', 'brand')]],
  ['nfkc', 'The label read Ｈｉｋｖｉｓｉｏｎ in full-width letters.', [H('Ｈｉｋｖｉｓｉｏｎ')]],
  ['zero-width', 'The name Hik\u200bvision was hidden with a zero-width space.', [H('Hik\u200bvision')]],
  ['typo', 'Dahau cameras were cheaper.', [D('Dahau', 'fuzzy')]],
  ['typo', 'The Hyterra radios were recalled.', [Y('Hyterra', 'fuzzy')]],
  ['typo', 'An Ezvis doorbell rang.', [E('Ezvis', 'fuzzy')]],
  ['separator', 'The firm, Hik vision, replied.', [H('Hik vision')]],
  ['split', 'Radios from <a href="#x">Hy</a><a href="#y">tera</a> were used.', [Y('Hytera')]],
  [
    'legal',
    'Hangzhou Hikvision Digital Technology Co., Ltd. filed a lawsuit.',
    [H('Hangzhou Hikvision Digital Technology Co., Ltd.')],
  ],
  ['typo', 'A Hikivision DVR and a Hikvsion NVR.', [H('Hikivision', 'fuzzy'), H('Hikvsion', 'fuzzy')]],
];

const SENTENCES_ZH: Def[] = [
  ['chinese', '海康威视回应了美国的制裁。', [H('海康威视')]],
  ['chinese', '美国商务部将海康威视和大华列入实体清单。', [H('海康威视'), D('大华')]],
  ['chinese', '海能達被美國法院判賠。', [Y('海能達')]],
  ['chinese', '螢石網路的攝影機很便宜。', [E('螢石網路')]],
];

const NEGATIVE_SENTENCES: Def[] = [
  ['lookalike', 'We stayed at the Hyatt after a long hike near Hikurangi.', []],
  ['lookalike', 'The dahlia garden hosted a Hydra tutorial recorded with Ezvid.', []],
  ['lookalike', 'Night vision and Hi-Vision are not HiVision.', []],
  ['lookalike', 'Mass hysteria, Hikari and a hiker.', []],
  ['context', 'Dahua Lin published the dataset.', [], { hard: true }],
  ['context', '大华银行的利率上调了。', [], { hard: true }],
];

const CJK_PAGES = new Set(['qq', 'gmw', 'pixnet', 'hukumusume', 'yahoo-4']);

interface Target {
  page: string;
  paragraph: number;
  inArticle: boolean;
}

async function pickParagraph(page: string): Promise<Target | null> {
  const html = readFileSync(join(CORPUS, `${page}.html`), 'utf8');
  const loaded = loadHtml(html);
  try {
    const doc = loaded.document;
    const paragraphs = Array.from(doc.querySelectorAll('p'));
    const candidates = paragraphs
      .map((el, index) => ({ el, index }))
      .filter(({ el }) => (el.textContent ?? '').trim().length >= 100 && !isInExcludedSubtree(el));
    if (candidates.length === 0) return null;
    if (isProbablyReaderable(doc)) {
      const clone = doc.cloneNode(true) as Document;
      Array.from(clone.querySelectorAll('p')).forEach((el, index) =>
        el.setAttribute('data-fx', String(index)),
      );
      const article = new Readability<Node>(clone, { serializer: (el: Node) => el }).parse();
      const kept = new Set<number>();
      const content = article?.content;
      if (content !== null && content !== undefined && content.nodeType === 1) {
        for (const el of Array.from((content as Element).querySelectorAll('[data-fx]'))) {
          kept.add(Number(el.getAttribute('data-fx')));
        }
      }
      const inArticle = candidates.find(({ index }) => kept.has(index));
      if (inArticle !== undefined) return { page, paragraph: inArticle.index, inArticle: true };
    }
    const first = candidates[0];
    return first === undefined ? null : { page, paragraph: first.index, inArticle: false };
  } finally {
    await closePage(loaded);
  }
}

function id(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(3, '0')}`;
}

async function main(): Promise<void> {
  if (!existsSync(CORPUS)) throw new Error(`corpus not found at ${CORPUS}`);
  const cases: Case[] = [];
  STANDALONE.forEach(([cls, html, expected, opts], i) => {
    cases.push({ id: id(cls, i + 1), class: cls, ...(opts ?? {}), html, expected });
  });

  const pages = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -5))
    .sort();
  const targets: Target[] = [];
  for (const page of pages) {
    const target = await pickParagraph(page);
    if (target !== null) targets.push(target);
  }
  // Every page with a usable paragraph gets a sentence; the negative sentences go to every 8th page as well.
  let en = 0;
  let zh = 0;
  targets.forEach((target, i) => {
    const cjk = CJK_PAGES.has(target.page);
    const def = cjk ? SENTENCES_ZH[zh++ % SENTENCES_ZH.length] : SENTENCES[en++ % SENTENCES.length];
    if (def === undefined) return;
    const [cls, html, expected, opts] = def;
    cases.push({
      id: id('insert', i + 1),
      class: 'insertion',
      note: `${cls} sentence`,
      ...(opts ?? {}),
      html,
      insertInto: { page: target.page, paragraph: target.paragraph },
      expectInArticle: target.inArticle,
      expected,
    });
  });
  targets
    .filter((_, i) => i % 8 === 3)
    .forEach((target, i) => {
      const def = NEGATIVE_SENTENCES[i % NEGATIVE_SENTENCES.length];
      if (def === undefined) return;
      const [cls, html, expected, opts] = def;
      cases.push({
        id: id('insert-negative', i + 1),
        class: 'insertion-negative',
        note: `${cls} sentence`,
        ...(opts ?? {}),
        html,
        insertInto: { page: target.page, paragraph: target.paragraph },
        expected,
      });
    });

  // Invisible and look-alike characters are written as \u escapes so the file can be reviewed.
  const json = JSON.stringify({ version: 1, cases }, null, 2).replace(
    /[\u00a0\u00ad\u2000-\u200f\u2010-\u2015\u2028-\u202f\u2060\ufeff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  writeFileSync(OUT, `${json}\n`);
  const counts = new Map<string, number>();
  for (const c of cases) counts.set(c.class, (counts.get(c.class) ?? 0) + 1);
  console.log(`wrote ${cases.length} cases to ${OUT}`);
  console.log([...counts].map(([k, v]) => `${k}: ${v}`).join(', '));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
