/**
 * Context rules for the few aliases that are also ordinary words or names.
 *
 * - `Dahua` is also a given name (Dahua Lin) and a place name (Dahua Yao Autonomous County, 大化 in Chinese).
 * - `大华` / `大華` is also the bank 大华银行 (UOB), street and school names, and a substring of phrases such as
 *   伟大华人 ("great Chinese people") or 最大华人社区, because Chinese text has no spaces.
 * - `萤石` / `螢石` (Ezviz's Chinese name) is also the mineral fluorite.
 *
 * The rules look at a small window of text around the match. An alias with `needsEvidence` is only kept when a
 * local cue says it is the company, or when the same page has an unambiguous mention of one of the vendors;
 * a negative cue always wins. Keys are compact normalised aliases (see `compactKey`).
 */

export interface MatchContext {
  /** Normalised text before the match (up to `CONTEXT_WINDOW` characters; lower case). */
  before: string;
  /** Normalised text after the match. */
  after: string;
  /** Raw text before the match (case preserved). */
  rawBefore: string;
  /** Raw text after the match. */
  rawAfter: string;
}

export interface ContextRule {
  /** Why this alias is ambiguous (for docs and debugging). */
  reason: string;
  /** True when the surroundings show the word is not the company. */
  reject(ctx: MatchContext): boolean;
  /** True when the surroundings show it is the company (only consulted when `needsEvidence`). */
  accept(ctx: MatchContext): boolean;
  /** Keep only with a local cue (`accept`) or an unambiguous vendor mention elsewhere on the page. */
  needsEvidence: boolean;
}

export const CONTEXT_WINDOW = 40;

/**
 * Common Chinese surnames in pinyin and Cantonese romanisation. A capitalised one right after "Dahua" (Dahua Lin)
 * or right before it (Lin Dahua) makes it a person. Words that are also common English words (He, Long, So...)
 * are left out.
 */
const SURNAMES = new Set(
  (
    'bai cai cao chan chang chen cheng cheung chow chu cui dai deng ding dong du duan fang feng fu gao gong guo ' +
    'han hao hou hu hua huang ji jia jiang jin kang kong kwok lai lam lau lee lei leung li liang liao lin liu lu ' +
    'luo lv ma mao meng ng ni niu pan peng qian qin qiu ren shao shen shi song su sun tan tang tao tian tsang wan ' +
    'wang wei wen wong wu xia xiang xiao xie xiong xu xue yan yang yao ye yi yin yu yuan zeng zhang zhao zheng ' +
    'zhong zhou zhu zou'
  ).split(' '),
);

const DAHUA_PLACE_AFTER =
  /^\s+(?:yao\b|autonomous\b|county\b|township\b|town\b|village\b|district\b|prefecture\b|subdistrict\b|reservoir\b|hydropower\b|dam\b|lake\b|river\b|mountains?\b)/;
const TITLE_BEFORE = /\b(?:mr|mrs|ms|miss|mister|dr|prof|professor)\.?\s+$/;
const CAPITALISED_AFTER = /^\s+([A-Z][a-z]{1,6})\b/;
const CAPITALISED_BEFORE = /\b([A-Z][a-z]{1,6})\s+$/;

const dahuaLatin: ContextRule = {
  reason: 'Dahua is also a given name (Dahua Lin) and a place (Dahua Yao Autonomous County).',
  needsEvidence: false,
  reject(ctx) {
    if (DAHUA_PLACE_AFTER.test(ctx.after) || TITLE_BEFORE.test(ctx.before)) return true;
    const next = CAPITALISED_AFTER.exec(ctx.rawAfter)?.[1];
    if (next !== undefined && SURNAMES.has(next.toLowerCase())) return true;
    const previous = CAPITALISED_BEFORE.exec(ctx.rawBefore)?.[1];
    return previous !== undefined && SURNAMES.has(previous.toLowerCase());
  },
  accept() {
    return true;
  },
};

/** 大华 followed by these is a bank, a hospital, a school, a street or a place (大华府: Greater Washington). */
const DAHUA_HAN_REJECT_AFTER =
  /^(?:银行|銀行|人寿|人壽|侨|僑|裔|夏|盛顿|盛頓|尔街|爾街|府|诞|誕|医院|醫院|中学|中學|小学|小學|国小|國小|街|路|村|镇|鎮|乡|鄉|县|縣|酒店|饭店|飯店|大学|大學|学院|學院|里|园|園|厦|廈|楼|樓|城|庄|莊|新村|桥|橋)/;
/** A character before 大 that makes 大 end another word: 伟大, 最大, 北大 (Peking University)... */
const DAHUA_HAN_REJECT_BEFORE =
  /(?:伟|偉|强|強|巨|广|廣|重|扩|擴|最|很|较|較|更|加|庞|龐|远|遠|盛|宏|长|長|放|壮|壯|极|極|太|好|多|老|高|大|特|硕|碩|宽|寬|粗|胆|膽|夸|誇|胖|偌|尊|博|阔|闊|浩|莫|北|中|台|港|浙|川|厦|廈|师|師|人)$/;
const DAHUA_HAN_CUES =
  /海康|宇视|宇視|华为|華為|中兴|中興|摄像|攝像|监控|監控|安防|视频|視頻|股份|技术|技術|科技|公司|集团|集團|实体清单|實體清單|制裁|禁令|芯片|乐橙|樂橙|物联|物聯|浙江|杭州|监视|監視|hikvision|dahua/;

const dahuaHan: ContextRule = {
  reason: '大华 is also 大华银行 (UOB), place and school names, and a substring of 伟大华人 and the like.',
  needsEvidence: true,
  reject(ctx) {
    return DAHUA_HAN_REJECT_AFTER.test(ctx.after) || DAHUA_HAN_REJECT_BEFORE.test(ctx.before);
  },
  accept(ctx) {
    return DAHUA_HAN_CUES.test(ctx.before.slice(-15)) || DAHUA_HAN_CUES.test(ctx.after.slice(0, 15));
  },
};

const FLUORITE_REJECT_AFTER =
  /^(?:矿|礦|粉|精|石|晶|产量|產量|产地|產地|产业|產業|资源|資源|储|儲|价格|價格|行业|行業|开采|開採|型|质|質)/;
const FLUORITE_REJECT_BEFORE = /(?:氟|矿|礦|天然|开采|開採|紫色|绿色|綠色)$/;
const FLUORITE_REJECT_NEAR =
  /矿物|礦物|氟化钙|氟化鈣|caf2|莫氏|硬度|晶体|晶體|荧光|熒光|螢光|宝石|寶石|矿石|礦石|冶金|萤石矿|螢石礦/;
const EZVIZ_HAN_CUES =
  /网络|網絡|網路|云|雲|摄像|攝像|智能|app|品牌|科技|官方|商城|门铃|門鈴|监控|監控|海康|家居|设备|設備|产品|產品|ezviz|hikvision/;

const ezvizHan: ContextRule = {
  reason: '萤石 is also the mineral fluorite.',
  needsEvidence: true,
  reject(ctx) {
    return (
      FLUORITE_REJECT_AFTER.test(ctx.after) ||
      FLUORITE_REJECT_BEFORE.test(ctx.before) ||
      FLUORITE_REJECT_NEAR.test(ctx.before.slice(-20)) ||
      FLUORITE_REJECT_NEAR.test(ctx.after.slice(0, 20))
    );
  },
  accept(ctx) {
    return EZVIZ_HAN_CUES.test(ctx.before.slice(-12)) || EZVIZ_HAN_CUES.test(ctx.after.slice(0, 12));
  },
};

/** Returns the context rule for a compact alias key, if the alias is ambiguous. */
export function contextRuleFor(key: string): ContextRule | undefined {
  switch (key) {
    case 'dahua':
      return dahuaLatin;
    case '大华':
    case '大華':
      return dahuaHan;
    case '萤石':
    case '螢石':
      return ezvizHan;
    default:
      return undefined;
  }
}
